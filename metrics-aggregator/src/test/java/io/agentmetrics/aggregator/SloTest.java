package io.agentmetrics.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.testing.FakeTimeSource;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class SloTest {

  private static final Percentage ACCURACY = withinPercentage(0.1);
  private static final Slo COST_PER_TASK =
      Slo.atMost(NamedMetric.COST_USD, 95, 0.01, AggregationWindow.HOUR);

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MetricsAggregator aggregator =
      new MetricsAggregator(AggregatorConfig.defaults(), clock);

  @Test
  void p95CostPerTaskWithinTheThresholdMeetsTheObjective() {
    // 19 tasks at $0.004 and one at $0.02: the 95th percentile of 20 values is the 19th smallest,
    // $0.004, within $0.01.
    record(19, 0.004);
    record(1, 0.02);

    SloStatus status = aggregator.checkSlo(COST_PER_TASK).orElseThrow();

    assertThat(status.met()).isTrue();
    assertThat(status.observed()).isCloseTo(0.004, ACCURACY);
    assertThat(status.sampleCount()).isEqualTo(20);
    assertThat(status.ratio()).isCloseTo(0.4, ACCURACY);
  }

  @Test
  void p95CostPerTaskAboveTheThresholdMissesTheObjective() {
    // 19 at $0.004 and 3 at $0.02: of 22 values the 95th percentile is the 21st smallest, $0.02.
    record(19, 0.004);
    record(3, 0.02);

    SloStatus status = aggregator.checkSlo(COST_PER_TASK).orElseThrow();

    assertThat(status.met()).isFalse();
    assertThat(status.observed()).isCloseTo(0.02, ACCURACY);
    assertThat(status.ratio()).isCloseTo(2.0, ACCURACY);
  }

  @Test
  void noDataNeitherMeetsNorMissesAnObjective() {
    assertThat(aggregator.checkSlo(COST_PER_TASK)).isEmpty();
  }

  @Test
  void aMetricTypeHasObjectivesToo() {
    aggregator.addMetric(Metrics.metric(MetricType.TTFT, 400));
    aggregator.addMetric(Metrics.metric(MetricType.TTFT, 1_400));

    // The p50 of 400 and 1,400 ms is 400 ms: within a 1 s objective; the p99 is 1,400 ms: not.
    assertThat(
            aggregator.checkSlo(Slo.atMost(MetricType.TTFT, 50, 1_000, AggregationWindow.MINUTE)))
        .hasValueSatisfying(status -> assertThat(status.met()).isTrue());
    assertThat(
            aggregator.checkSlo(Slo.atMost(MetricType.TTFT, 99, 1_000, AggregationWindow.MINUTE)))
        .hasValueSatisfying(
            status -> {
              assertThat(status.met()).isFalse();
              assertThat(status.observed()).isCloseTo(1_400, ACCURACY);
            });
  }

  @Test
  void aZeroThresholdIsMetOnlyByZero() {
    aggregator.addMetric(NamedMetric.COST_USD, 0);
    Slo free = Slo.atMost(NamedMetric.COST_USD, 99, 0, AggregationWindow.MINUTE);
    assertThat(aggregator.checkSlo(free))
        .hasValueSatisfying(
            status -> {
              assertThat(status.met()).isTrue();
              assertThat(status.ratio()).isZero();
            });

    aggregator.addMetric(NamedMetric.COST_USD, 0.5);
    assertThat(aggregator.checkSlo(free))
        .hasValueSatisfying(status -> assertThat(status.ratio()).isInfinite());
  }

  @Test
  void objectivesAreValidated() {
    assertThatThrownBy(() -> new Slo("cost_usd", 101, 0.01, AggregationWindow.HOUR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("percentile must be between 0 and 100 inclusive, got 101");
    assertThatThrownBy(() -> new Slo("cost_usd", 95, -1, AggregationWindow.HOUR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold must be a finite, non-negative number, got -1.0");
    assertThatThrownBy(() -> new Slo(" ", 95, 1, AggregationWindow.HOUR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric must not be blank");
  }

  private void record(int times, double costUsd) {
    for (int i = 0; i < times; i++) {
      aggregator.addMetric(NamedMetric.COST_USD, costUsd);
    }
  }
}
