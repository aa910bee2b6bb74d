package io.agentmetrics.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.AggregatedMetrics;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.api.testing.DocSnippets;
import io.agentmetrics.testing.FakeTimeSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Java examples of docs/aggregation.md, each between {@code // snippet: NAME} and {@code //
 * end-snippet}, run and checked.
 */
class AggregationGuideExamplesTest {

  private static final UUID EXECUTION = UUID.randomUUID();

  private final List<String> alerts = new ArrayList<>();

  @Test
  void pageMatchesTheseExamples() {
    DocSnippets.assertPageMatches(
        Path.of("../docs/aggregation.md"),
        Path.of("src/test/java/io/agentmetrics/aggregator/AggregationGuideExamplesTest.java"));
  }

  @Test
  void globalAggregator() {
    List<PerformanceMetric> metrics =
        List.of(metric(MetricType.LLM_PROCESSING, 850), metric(MetricType.LLM_PROCESSING, 1_250));
    TimingBreakdown breakdown =
        TimingBreakdown.builder()
            .totalMs(2_400)
            .categoryMs(PhaseCategory.LLM_PROCESSING, 2_100)
            .overheadMs(300)
            .build();
    long before =
        MetricsAggregator.global()
            .getAggregatedMetrics(MetricType.LLM_PROCESSING, AggregationWindow.MINUTE)
            .map(AggregatedMetrics::count)
            .orElse(0L);

    // snippet: global-aggregator
    MetricsAggregator aggregator = MetricsAggregator.global();

    // Add the metrics and the breakdown of a finished execution
    for (PerformanceMetric metric : metrics) {
      aggregator.addMetric(metric);
    }
    aggregator.addTimingBreakdown(breakdown);

    // Get aggregated statistics
    Optional<AggregatedMetrics> minuteStats =
        aggregator.getAggregatedMetrics(MetricType.LLM_PROCESSING, AggregationWindow.MINUTE);
    minuteStats.ifPresent(
        stats -> {
          System.out.println("LLM Processing (last minute):");
          System.out.println("  Average: " + stats.mean() + "ms");
          System.out.println("  P95: " + stats.p95() + "ms");
          System.out.println("  P99: " + stats.p99() + "ms");
        });
    // end-snippet

    assertThat(aggregator).isSameAs(MetricsAggregator.global());
    assertThat(minuteStats.get().count()).isGreaterThanOrEqualTo(before + 3);
  }

  @Test
  void namedMetrics() {
    FakeTimeSource clock = new FakeTimeSource();
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    aggregator.addMetric(NamedMetric.COST_USD, 0.0021);

    // snippet: named-metrics
    NamedMetric jsonParsing = NamedMetric.of("json_parsing", "ms");
    aggregator.addMetric(jsonParsing, 0.42);

    Optional<AggregatedSeries> cost =
        aggregator.getAggregatedMetrics("cost_usd", AggregationWindow.HOUR);
    cost.ifPresent(
        stats ->
            System.out.printf("cost per task: p50 $%.6f, p95 $%.6f%n", stats.p50(), stats.p95()));
    Optional<TrendEvidence> parsingTrend = aggregator.getTrend("json_parsing");
    // end-snippet

    assertThat(cost).hasValueSatisfying(stats -> assertThat(stats.count()).isEqualTo(1));
    assertThat(parsingTrend)
        .hasValueSatisfying(trend -> assertThat(trend.currentCount()).isEqualTo(1));
  }

  @Test
  void slo() {
    FakeTimeSource clock = new FakeTimeSource();
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    for (int task = 0; task < 20; task++) {
      aggregator.addMetric(NamedMetric.COST_USD, 0.02);
    }

    // snippet: slo
    // p95 cost per task <= $0.01 over the last hour
    Slo costPerTask = Slo.atMost(NamedMetric.COST_USD, 95, 0.01, AggregationWindow.HOUR);
    Optional<SloStatus> status = aggregator.checkSlo(costPerTask);
    if (status.isPresent() && !status.get().met()) {
      sendAlert("p95 cost per task is $" + status.get().observed() + ", over $0.01");
    }

    // Time to first token: p99 <= 1 s over five minutes
    aggregator.checkSlo(Slo.atMost(MetricType.TTFT, 99, 1_000, AggregationWindow.FIVE_MINUTES));
    // end-snippet

    assertThat(alerts).singleElement().asString().startsWith("p95 cost per task is $0.02");
  }

  @Test
  void summaryAndBottlenecks() {
    FakeTimeSource clock = new FakeTimeSource();
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    aggregator.addMetric(metric(MetricType.DATABASE_QUERY, 240));
    aggregator.addMetric(metric(MetricType.MEMORY_USAGE, 512));

    // snippet: summary-and-bottlenecks
    PerformanceSummary summary = aggregator.getPerformanceSummary();

    System.out.println("Current Performance:");
    System.out.println("  Active Metrics: " + summary.currentMetrics().size());
    System.out.println("  Trends: " + summary.trends());
    System.out.println("  Resource Utilization: " + summary.resourceUtilization());

    // Identify bottlenecks, worst first
    List<Bottleneck> bottlenecks = aggregator.getBottlenecks(95);
    for (Bottleneck bottleneck : bottlenecks) {
      System.out.println(
          "Bottleneck: "
              + bottleneck.metricType().id()
              + " (threshold: "
              + bottleneck.threshold()
              + "ms, observed: "
              + bottleneck.observed()
              + "ms)");
    }
    // end-snippet

    assertThat(summary.currentMetrics()).hasSize(2);
    assertThat(summary.resourceUtilization()).containsOnlyKeys(MetricType.MEMORY_USAGE);
    assertThat(bottlenecks)
        .extracting(Bottleneck::metricType)
        .containsExactly(MetricType.DATABASE_QUERY);
  }

  @Test
  void trends() {
    FakeTimeSource clock = new FakeTimeSource();
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    for (int i = 0; i < 40; i++) {
      aggregator.addMetric(metric(MetricType.LLM_PROCESSING, 900));
    }
    clock.advance(Duration.ofMinutes(5));
    for (int i = 0; i < 40; i++) {
      aggregator.addMetric(metric(MetricType.LLM_PROCESSING, 1_800));
    }
    boolean actionTaken = false;

    // snippet: trends
    PerformanceSummary summary = aggregator.getPerformanceSummary();
    if (summary.trends().get(MetricType.LLM_PROCESSING) == Trend.DEGRADING) {
      TrendEvidence evidence = summary.trendEvidence().get(MetricType.LLM_PROCESSING);
      System.out.println(
          "LLM p95 went from "
              + evidence.previousValue()
              + "ms to "
              + evidence.currentValue()
              + "ms over "
              + evidence.currentCount()
              + " calls");
      actionTaken = true; // take action to improve LLM performance
    }
    // end-snippet

    assertThat(actionTaken).isTrue();
  }

  @Test
  void alerts() {
    FakeTimeSource clock = new FakeTimeSource();
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    aggregator.addMetric(metric(MetricType.TOTAL_EXECUTION, 12_000));

    // snippet: alerts
    Optional<AggregatedMetrics> metrics =
        aggregator.getAggregatedMetrics(MetricType.TOTAL_EXECUTION, AggregationWindow.FIVE_MINUTES);
    if (metrics.isPresent() && metrics.get().p95() > 10_000) { // 10 seconds
      sendAlert("High P95 latency detected");
    }
    // end-snippet

    assertThat(alerts).containsExactly("High P95 latency detected");
  }

  @Test
  void exportForAnomalyDetection() {
    FakeTimeSource clock = new FakeTimeSource();
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    aggregator.addMetric(metric(MetricType.TTFT, 420));
    clock.advance(Duration.ofMinutes(90));
    aggregator.addMetric(metric(MetricType.TTFT, 380));

    // snippet: export
    // The most recent raw metrics of the last hour, oldest first (at most 10,000 per type)
    List<PerformanceMetric> metrics = aggregator.exportMetrics(AggregationWindow.HOUR);
    // end-snippet

    assertThat(metrics).extracting(PerformanceMetric::value).containsExactly(380.0);
  }

  @Test
  void configuredAggregatorAsSink() {
    // snippet: configure
    AggregatorConfig config =
        AggregatorConfig.builder()
            .retention(Duration.ofHours(6))
            .reservoirSize(2_000)
            .trendStatistic(TrendStatistic.MEAN)
            .bottleneckThreshold(MetricType.DATABASE_QUERY, 50)
            .bottleneckThreshold(MetricType.THREAD_POOL_USAGE, 90)
            .build();
    MetricsAggregator aggregator = new MetricsAggregator(config, TimeSource.system());

    // Anything that reports finished executions to a MetricsSink can feed it directly
    MetricsSink sink = aggregator;
    // end-snippet

    sink.onExecutionCompleted(
        new CompletedExecution(
            EXECUTION,
            "planner",
            Instant.now(),
            TimingBreakdown.builder()
                .totalMs(300)
                .categoryMs(PhaseCategory.DATABASE_QUERY, 80)
                .build(),
            List.of(),
            List.of(),
            ExecutionOutcome.succeeded(),
            Map.of()));
    assertThat(aggregator.getBottlenecks(95))
        .extracting(Bottleneck::metricType)
        .containsExactly(MetricType.DATABASE_QUERY);
  }

  @Test
  void clearOldMetrics() {
    FakeTimeSource clock = new FakeTimeSource();
    MetricsAggregator aggregator =
        new MetricsAggregator(
            AggregatorConfig.builder().retention(Duration.ofHours(1)).build(), clock);
    aggregator.addMetric(metric(MetricType.TTFT, 420));
    clock.advance(Duration.ofHours(3));

    // snippet: clear
    int dropped = aggregator.clearOldMetrics();
    System.out.println("Dropped " + dropped + " histogram slices past the retention");
    // end-snippet

    assertThat(dropped).isEqualTo(3);
  }

  private void sendAlert(String message) {
    alerts.add(message);
  }

  private static PerformanceMetric metric(MetricType type, double value) {
    return new PerformanceMetric(type, value, Instant.now(), EXECUTION, "planner");
  }
}
