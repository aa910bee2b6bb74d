package io.agentmetrics.aggregator;

import static io.agentmetrics.aggregator.Metrics.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BottlenecksTest {

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MetricsAggregator aggregator =
      new MetricsAggregator(AggregatorConfig.defaults(), clock);

  @Test
  void listsTypesOverTheirThresholdWorstFirst() {
    record(MetricType.LLM_PROCESSING, 3_500, 100); // 1.17x its 3,000 ms threshold
    record(MetricType.DATABASE_QUERY, 250, 100); // 2.5x its 100 ms threshold
    record(MetricType.TTFT, 400, 100); // under its 1,000 ms threshold

    assertThat(aggregator.getBottlenecks(95))
        .satisfiesExactly(
            database -> {
              assertThat(database.metricType()).isEqualTo(MetricType.DATABASE_QUERY);
              assertThat(database.threshold()).isEqualTo(100.0);
              assertThat(database.observed()).isCloseTo(250.0, withinPercentage(0.1));
              assertThat(database.ratio()).isCloseTo(2.5, withinPercentage(0.1));
              assertThat(database.percentile()).isEqualTo(95);
              assertThat(database.window()).isEqualTo(AggregationWindow.FIVE_MINUTES);
              assertThat(database.sampleCount()).isEqualTo(100);
            },
            llm -> {
              assertThat(llm.metricType()).isEqualTo(MetricType.LLM_PROCESSING);
              assertThat(llm.threshold()).isEqualTo(3_000.0);
            });
  }

  @Test
  void comparesTheRequestedPercentile() {
    record(MetricType.DATABASE_QUERY, 20, 95);
    record(MetricType.DATABASE_QUERY, 400, 5);

    assertThat(aggregator.getBottlenecks(90)).isEmpty();
    assertThat(aggregator.getBottlenecks(99))
        .extracting(Bottleneck::metricType)
        .containsExactly(MetricType.DATABASE_QUERY);
  }

  @Test
  void usesConfiguredThresholdsIncludingResourceTypes() {
    MetricsAggregator custom =
        new MetricsAggregator(
            AggregatorConfig.builder()
                .bottleneckThreshold(MetricType.MEMORY_USAGE, 1_024)
                .noBottleneckThreshold(MetricType.DATABASE_QUERY)
                .build(),
            clock);
    custom.addMetric(metric(MetricType.MEMORY_USAGE, 2_048));
    custom.addMetric(metric(MetricType.DATABASE_QUERY, 5_000));

    assertThat(custom.getBottlenecks(50))
        .extracting(Bottleneck::metricType)
        .containsExactly(MetricType.MEMORY_USAGE);
  }

  @Test
  void looksOnlyAtTheGivenWindow() {
    record(MetricType.DATABASE_QUERY, 250, 10);
    clock.advance(Duration.ofMinutes(10));

    assertThat(aggregator.getBottlenecks(95)).isEmpty();
    assertThat(aggregator.getBottlenecks(95, AggregationWindow.HOUR))
        .extracting(Bottleneck::window)
        .containsExactly(AggregationWindow.HOUR);
  }

  private void record(MetricType type, double value, int count) {
    for (int i = 0; i < count; i++) {
      aggregator.addMetric(metric(type, value));
    }
  }
}
