package io.agentmetrics.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FootprintTest {

  /** Closed slices per type at the defaults: 60 fine + 24 medium + 25 coarse (24 h retention). */
  private static final int MAX_CLOSED_SLICES_PER_TYPE = 60 + 24 + 25;

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MetricsAggregator aggregator =
      new MetricsAggregator(AggregatorConfig.defaults(), clock);
  private final PerformanceMetric[] metrics = latencies();
  private long calls;

  @Test
  void footprintIsBoundedByTypesAndSlicesNotBySamples() {
    recordUntil(10_000);
    long afterTenThousand = aggregator.estimatedFootprintBytes();
    recordUntil(1_100_000); // 30.5 hours: every slicing has reached its steady state
    long afterOneMillion = aggregator.estimatedFootprintBytes();
    int slicesAfterOneMillion = aggregator.closedSlices();
    recordUntil(2_200_000);
    long afterTwoMillion = aggregator.estimatedFootprintBytes();

    System.out.printf(
        "footprint: 10k=%d 1.1M=%d 2.2M=%d slices=%d%n",
        afterTenThousand, afterOneMillion, afterTwoMillion, aggregator.closedSlices());
    assertThat(slicesAfterOneMillion).isLessThanOrEqualTo(MAX_CLOSED_SLICES_PER_TYPE);
    assertThat(aggregator.closedSlices()).isLessThanOrEqualTo(MAX_CLOSED_SLICES_PER_TYPE);
    assertThat(afterTwoMillion).isLessThanOrEqualTo(afterOneMillion + afterOneMillion / 10);
    assertThat(
            aggregator.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.DAY).get().count())
        .isLessThan(calls);
  }

  private void recordUntil(long totalCalls) {
    while (calls < totalCalls) {
      aggregator.addMetric(metrics[(int) (calls % metrics.length)]);
      clock.advance(Duration.ofMillis(100));
      calls++;
    }
  }

  /** Log-normal latencies around 200 ms, in a fixed order. */
  private static PerformanceMetric[] latencies() {
    SplittableRandom random = new SplittableRandom(1);
    PerformanceMetric[] metrics = new PerformanceMetric[4_096];
    for (int i = 0; i < metrics.length; i++) {
      double value = Math.exp(Math.log(200) + random.nextGaussian() * 0.8);
      metrics[i] = Metrics.metric(MetricType.TTFT, value);
    }
    return metrics;
  }
}
