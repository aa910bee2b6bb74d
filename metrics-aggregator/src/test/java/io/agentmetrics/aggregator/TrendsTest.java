package io.agentmetrics.aggregator;

import static io.agentmetrics.aggregator.Metrics.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrendsTest {

  private final FakeTimeSource clock = new FakeTimeSource();

  @ParameterizedTest(name = "p95 {0} ms then {1} ms is {2}")
  @CsvSource({
    "100, 150, DEGRADING",
    "100, 111, DEGRADING",
    "100, 109, STABLE",
    "100, 100, STABLE",
    "100, 91, STABLE",
    "100, 89, IMPROVING",
    "100, 40, IMPROVING"
  })
  void comparesTheP95OfTheCurrentWindowWithThePreviousOne(
      double before, double now, Trend expected) {
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    recordEverySecond(aggregator, MetricType.LLM_PROCESSING, before, 50);
    clock.advance(Duration.ofMinutes(5));
    recordEverySecond(aggregator, MetricType.LLM_PROCESSING, now, 50);

    TrendEvidence evidence =
        aggregator.getPerformanceSummary().trendEvidence().get(MetricType.LLM_PROCESSING);

    assertThat(evidence.trend()).isEqualTo(expected);
    assertThat(evidence.statistic()).isEqualTo(TrendStatistic.P95);
    assertThat(evidence.currentCount()).isEqualTo(50);
    assertThat(evidence.previousCount()).isEqualTo(50);
    assertThat(evidence.currentValue()).isCloseTo(now, withinPercentage(0.1));
    assertThat(evidence.previousValue()).isCloseTo(before, withinPercentage(0.1));
    assertThat(aggregator.getPerformanceSummary().trends())
        .containsEntry(MetricType.LLM_PROCESSING, expected);
  }

  @Test
  void tooFewSamplesGiveStableAndSayHowMany() {
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    recordEverySecond(aggregator, MetricType.TTFT, 100, 29);
    clock.advance(Duration.ofMinutes(5));
    recordEverySecond(aggregator, MetricType.TTFT, 900, 40);

    TrendEvidence evidence =
        aggregator.getPerformanceSummary().trendEvidence().get(MetricType.TTFT);

    assertThat(evidence.trend()).isEqualTo(Trend.STABLE);
    assertThat(evidence.previousCount()).isEqualTo(29);
    assertThat(evidence.currentCount()).isEqualTo(40);
  }

  @Test
  void aTypeThatStoppedReportingIsStillListedWithNoCurrentSamples() {
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    recordEverySecond(aggregator, MetricType.TTFT, 100, 40);
    clock.advance(Duration.ofMinutes(5));

    PerformanceSummary summary = aggregator.getPerformanceSummary();

    assertThat(summary.currentMetrics()).doesNotContainKey(MetricType.TTFT);
    TrendEvidence evidence = summary.trendEvidence().get(MetricType.TTFT);
    assertThat(evidence.trend()).isEqualTo(Trend.STABLE);
    assertThat(evidence.currentCount()).isZero();
    assertThat(evidence.previousCount()).isEqualTo(40);
    assertThat(evidence.currentValue()).isZero();
    assertThat(evidence.previousValue()).isCloseTo(100, withinPercentage(0.1));
  }

  @Test
  void comparesMeansWhenConfigured() {
    MetricsAggregator aggregator =
        new MetricsAggregator(
            AggregatorConfig.builder()
                .trendStatistic(TrendStatistic.MEAN)
                .minTrendSamples(2)
                .build(),
            clock);
    // Same p95 (the 1,000 ms tail), but the bulk got much faster.
    recordEverySecond(aggregator, MetricType.TOOL_EXECUTION, 500, 18);
    recordEverySecond(aggregator, MetricType.TOOL_EXECUTION, 1_000, 2);
    clock.advance(Duration.ofMinutes(5));
    recordEverySecond(aggregator, MetricType.TOOL_EXECUTION, 100, 18);
    recordEverySecond(aggregator, MetricType.TOOL_EXECUTION, 1_000, 2);

    TrendEvidence evidence =
        aggregator.getPerformanceSummary().trendEvidence().get(MetricType.TOOL_EXECUTION);

    assertThat(evidence.trend()).isEqualTo(Trend.IMPROVING);
    assertThat(evidence.previousValue()).isCloseTo(550.0, withinPercentage(0.1));
    assertThat(evidence.currentValue()).isCloseTo(190.0, withinPercentage(0.1));
  }

  @Test
  void followsTheConfiguredSummaryWindowAndTolerance() {
    MetricsAggregator aggregator =
        new MetricsAggregator(
            AggregatorConfig.builder()
                .summaryWindow(AggregationWindow.HOUR)
                .trendTolerance(0.5)
                .build(),
            clock);
    recordEverySecond(aggregator, MetricType.EXTERNAL_API, 100, 60);
    clock.advance(Duration.ofHours(1));
    recordEverySecond(aggregator, MetricType.EXTERNAL_API, 140, 60);

    PerformanceSummary summary = aggregator.getPerformanceSummary();

    assertThat(summary.trends()).containsEntry(MetricType.EXTERNAL_API, Trend.STABLE);
    assertThat(summary.trendEvidence().get(MetricType.EXTERNAL_API).previousCount()).isEqualTo(60);
  }

  private void recordEverySecond(
      MetricsAggregator aggregator, MetricType type, double value, int count) {
    for (int i = 0; i < count; i++) {
      aggregator.addMetric(metric(type, value));
      clock.advance(Duration.ofSeconds(1));
    }
  }
}
