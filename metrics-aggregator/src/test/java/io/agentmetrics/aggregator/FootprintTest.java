package io.agentmetrics.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FootprintTest {

  /** Closed slices per type: 60 fine (10 min) + 24 medium (2 h) + 3 coarse (2 h retention). */
  private static final int MAX_CLOSED_SLICES_PER_TYPE = 60 + 24 + 3;

  /**
   * The measured steady state of this load is about 1.3 MB (docs/aggregation.md); the bound leaves
   * room for JDK differences while failing for any growth with the sample count.
   */
  private static final long FOOTPRINT_BOUND_BYTES = 2_000_000;

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MetricsAggregator aggregator =
      new MetricsAggregator(
          AggregatorConfig.builder().retention(Duration.ofHours(2)).build(), clock);
  private final PerformanceMetric[] metrics = latencies();
  private long calls;

  @Test
  void footprintIsBoundedByTypesAndSlicesNotBySamples() {
    recordUntil(10_000);
    long afterTenThousand = aggregator.estimatedFootprintBytes();
    recordUntil(1_100_000); // 3 hours: every slicing has reached its steady state
    long afterOneMillion = aggregator.estimatedFootprintBytes();
    int slicesAfterOneMillion = aggregator.closedSlices();
    recordUntil(2_200_000);
    long afterTwoMillion = aggregator.estimatedFootprintBytes();

    System.out.printf(
        "footprint: 10k=%d 1.1M=%d 2.2M=%d slices=%d%n",
        afterTenThousand, afterOneMillion, afterTwoMillion, aggregator.closedSlices());
    assertThat(afterTenThousand).isPositive();
    assertThat(slicesAfterOneMillion).isLessThanOrEqualTo(MAX_CLOSED_SLICES_PER_TYPE);
    assertThat(aggregator.closedSlices()).isLessThanOrEqualTo(MAX_CLOSED_SLICES_PER_TYPE);
    assertThat(afterTwoMillion).isLessThanOrEqualTo(afterOneMillion + afterOneMillion / 10);
    assertThat(afterTwoMillion).isLessThanOrEqualTo(FOOTPRINT_BOUND_BYTES);
    assertThat(
            aggregator.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.DAY).get().count())
        .isLessThan(calls);
  }

  private void recordUntil(long totalCalls) {
    while (calls < totalCalls) {
      aggregator.addMetric(metrics[(int) (calls % metrics.length)]);
      clock.advance(Duration.ofMillis(10));
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
