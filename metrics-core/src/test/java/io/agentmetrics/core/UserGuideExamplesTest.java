package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.Metadata;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.PhaseTimer;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.api.TimingCollector;
import io.agentmetrics.api.testing.DocSnippets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs every Java example of docs/user-guide.md; the page must match the tagged regions. */
class UserGuideExamplesTest {

  private final EnhancedExecutionTimingCollector collector =
      new EnhancedExecutionTimingCollector(UUID.randomUUID(), "data_analysis_agent");
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private boolean ordersLoaded;

  @AfterEach
  void stopExecutor() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(30, TimeUnit.SECONDS);
  }

  @Test
  void userGuideMatchesTheseExamples() {
    DocSnippets.assertPageMatches(
        Path.of("../docs/user-guide.md"),
        Path.of("src/test/java/io/agentmetrics/core/UserGuideExamplesTest.java"));
  }

  @Test
  void quickStart() {
    // snippet: quick-start
    EnhancedExecutionTimingCollector collector =
        new EnhancedExecutionTimingCollector(UUID.randomUUID(), "my_agent");

    collector.startPhase("initialization");
    initialize();
    collector.stopPhase("initialization");

    collector.startPhase("tool_execution");
    runTools();
    collector.stopPhase("tool_execution");

    collector.recordFirstToken();

    TimingBreakdown breakdown = collector.getBreakdown();
    System.out.printf("Total execution: %.1f ms%n", breakdown.totalMs());
    System.out.printf("Efficiency: %.1f%%%n", breakdown.calculateEfficiency());
    // end-snippet

    assertThat(breakdown.phasesMs()).containsOnlyKeys("initialization", "tool_execution");
    assertThat(breakdown.ttftMs()).isPresent();
    assertThat(breakdown.totalMs())
        .isGreaterThanOrEqualTo(breakdown.initializationMs() + breakdown.toolExecutionMs());
  }

  @Test
  void basicPhaseTracking() {
    // snippet: basic-phase
    collector.startPhase("data_loading");
    loadData();
    OptionalDouble duration = collector.stopPhase("data_loading");
    duration.ifPresent(ms -> System.out.printf("Data loading took %.1f ms%n", ms));
    // end-snippet

    assertThat(duration).isPresent();
    assertThat(collector.stopPhase("data_loading")).isEmpty();
  }

  @Test
  void nestedPhases() {
    // snippet: nested-phases
    collector.startPhase("main_processing");

    collector.startPhase("preprocessing");
    preprocess();
    collector.stopPhase("preprocessing");

    collector.startPhase("analysis");
    analyze();
    collector.stopPhase("analysis");

    collector.stopPhase("main_processing");
    // end-snippet

    List<PhaseRecord> phases = collector.complete(ExecutionOutcome.succeeded()).phases();
    assertThat(phases).extracting(PhaseRecord::parentId).containsExactly(PhaseRecord.ROOT, 0, 0);
  }

  @Test
  void parallelTasks() {
    // snippet: parallel-tasks
    PhaseTimer first = collector.startParallelTask("api_call_1");
    PhaseTimer second = collector.startParallelTask("api_call_2");

    CompletableFuture<String> call1 =
        CompletableFuture.supplyAsync(() -> callApi("/v1/analyze"), executor)
            .whenComplete((result, error) -> first.close());
    CompletableFuture<String> call2 =
        CompletableFuture.supplyAsync(() -> callApi("/v1/summarize"), executor)
            .whenComplete((result, error) -> second.close());

    CompletableFuture.allOf(call1, call2).join();
    // end-snippet

    TimingBreakdown breakdown = collector.getBreakdown();
    assertThat(first.isRunning()).isFalse();
    assertThat(second.isRunning()).isFalse();
    assertThat(breakdown.phasesMs()).containsKeys("api_call_1", "api_call_2");
  }

  @Test
  void timeToFirstToken() {
    // snippet: ttft
    collector.startPhase("llm_processing");

    Iterator<String> tokens = streamCompletion("Summarize the report");
    StringBuilder answer = new StringBuilder(tokens.next());
    double ttft = collector.recordFirstToken();
    System.out.printf("Time to first token: %.1f ms%n", ttft);

    tokens.forEachRemaining(answer::append);
    collector.stopPhase("llm_processing");
    // end-snippet

    assertThat(answer).hasToString("The report says hello.");
    assertThat(collector.recordFirstToken()).isEqualTo(ttft);
    assertThat(collector.getBreakdown().ttftMs()).hasValue(ttft);
  }

  @Test
  void customMetrics() {
    // snippet: custom-metrics
    collector.addMetric(
        MetricType.DATABASE_QUERY, 125.5, Map.of("query", "SELECT * FROM agents", "rows", 42));

    collector.addMetric(
        MetricType.EXTERNAL_API, 850.0, Map.of("endpoint", "/api/v1/analyze", "status", 200));
    // end-snippet

    assertThat(collector.getMetrics())
        .extracting(PerformanceMetric::metricType, PerformanceMetric::value)
        .containsExactly(
            tuple(MetricType.DATABASE_QUERY, 125.5), tuple(MetricType.EXTERNAL_API, 850.0));
  }

  @Test
  void hotPathMetadata() {
    // snippet: hot-path-metadata
    collector.addMetric(
        MetricType.EXTERNAL_API, 850.0, Metadata.of("endpoint", "/api/v1/analyze", "status", 200));
    // end-snippet

    assertThat(collector.getMetrics())
        .singleElement()
        .extracting(PerformanceMetric::metadata)
        .isEqualTo(Map.of("endpoint", "/api/v1/analyze", "status", 200));
  }

  @Test
  void measureWithTryWithResources() {
    // snippet: measure
    List<String> agents;
    try (PhaseTimer timer = collector.measure("load_agents", MetricType.DATABASE_QUERY)) {
      agents = queryAgents();
      timer.annotate("rows", agents.size());
    }
    // end-snippet

    assertThat(agents).hasSize(2);
    assertThat(collector.getBreakdown().phasesMs()).containsKey("load_agents");
    assertThat(collector.getMetrics())
        .extracting(PerformanceMetric::metricType)
        .containsExactly(MetricType.DATABASE_QUERY);
  }

  @Test
  void phaseMetadata() {
    // snippet: phase-metadata
    PhaseTimer query =
        collector.startPhase(
            "database_query",
            Map.of("query_type", "SELECT", "table", "agents", "index_used", true));
    List<String> agents = queryAgents();
    query.annotate("rows", agents.size());
    query.stop();
    // end-snippet

    PhaseRecord record = collector.complete(ExecutionOutcome.succeeded()).phases().get(0);
    assertThat(record.metadata()).containsEntry("table", "agents").containsEntry("rows", 2);
  }

  @Test
  void errorHandling() {
    assertThatThrownBy(
            () -> {
              // snippet: error-handling
              PhaseTimer risky = collector.startPhase("risky_operation");
              try {
                performRiskyOperation();
              } catch (RuntimeException e) {
                risky.annotate(PhaseRecord.ERROR_TYPE, e.getClass().getName());
                throw e;
              } finally {
                risky.close();
              }
              // end-snippet
            })
        .isInstanceOf(IllegalStateException.class);

    CompletedExecution execution = collector.complete(ExecutionOutcome.succeeded());
    assertThat(execution.phases().get(0).closedByCollector()).isFalse();
    assertThat(execution.phases().get(0).metadata())
        .containsEntry(PhaseRecord.ERROR_TYPE, "java.lang.IllegalStateException");
  }

  @Test
  void summary() {
    collector.startPhase("llm_processing").close();

    // snippet: summary
    Map<String, Object> summary = collector.getSummary();
    summary.forEach((key, value) -> System.out.println(key + ": " + value));
    // end-snippet

    assertThat(summary).containsKeys("total_ms", "efficiency_percent", "phases_ms");
  }

  @Test
  void criticalPath() {
    // snippet: critical-path
    ExecutionTimingCollector collector = new ExecutionTimingCollector("my_agent");
    runAgent(collector);

    for (TimingEntry entry : collector.getCriticalPath()) {
      String indent = "  ".repeat(entry.depth());
      System.out.printf("%s%s: %.1f ms%n", indent, entry.operation(), entry.durationMs());
    }
    // end-snippet

    assertThat(collector.getCriticalPath())
        .extracting(TimingEntry::operation)
        .contains("llm_processing");
  }

  @Test
  void completeAnExecution() {
    runAgent(collector);

    // snippet: complete
    CompletedExecution execution = collector.complete(ExecutionOutcome.succeeded());
    System.out.printf(
        "%s took %.1f ms in %d phases%n",
        execution.agentName(), execution.breakdown().totalMs(), execution.phases().size());
    // end-snippet

    assertThat(execution.metrics())
        .extracting(PerformanceMetric::metricType)
        .contains(MetricType.TOTAL_EXECUTION);
    assertThat(collector.complete(ExecutionOutcome.succeeded())).isSameAs(execution);
  }

  @Test
  void compositeSink() {
    Logger logger = LoggerFactory.getLogger("my_agent.sinks");
    MetricsSink exporter =
        failed -> {
          throw new IllegalStateException("exporter down");
        };
    List<CompletedExecution> received = new ArrayList<>();
    CompletedExecution execution = collector.complete(ExecutionOutcome.succeeded());

    // snippet: composite-sink
    LoggingSinkFailureHandler failures = new LoggingSinkFailureHandler(logger);
    MetricsSink sinks = MetricsSink.composite(List.of(exporter, received::add), failures);

    sinks.onExecutionCompleted(execution); // the exporter throws; received still gets the execution
    System.out.println(failures.failures() + " failed delivery");
    // end-snippet

    assertThat(received).containsExactly(execution);
    assertThat(failures.failures()).isEqualTo(1);
  }

  @Test
  @SuppressWarnings("try") // the timer is closed by try-with-resources, never read
  void noopCollector() {
    // snippet: noop-collector
    TimingCollector timing = currentExecution().orElse(TimingCollector.noop());
    try (PhaseTimer ignored = timing.measure("fetch_orders", MetricType.DATABASE_QUERY)) {
      loadOrders();
    }
    // end-snippet

    assertThat(ordersLoaded).isTrue();
    assertThat(timing.getMetrics()).isEmpty();
  }

  /** No execution is in progress in this example. */
  private Optional<TimingCollector> currentExecution() {
    return Optional.empty();
  }

  private void loadOrders() {
    ordersLoaded = true;
  }

  @Test
  void analyzeBreakdown() {
    runAgent(collector);

    // snippet: analyzer
    PerformanceAnalyzer analyzer = new PerformanceAnalyzer();

    BreakdownAnalysis analysis = analyzer.analyzeTimingBreakdown(collector.getBreakdown());

    System.out.printf("Efficiency score: %.1f%%%n", analysis.efficiencyScore());
    for (BreakdownAnalysis.Bottleneck bottleneck : analysis.bottlenecks()) {
      System.out.printf("Bottleneck: %s (%.1f%%)%n", bottleneck.name(), bottleneck.sharePercent());
    }
    analysis.recommendations().forEach(System.out::println);
    // end-snippet

    assertThat(analysis.efficiencyScore()).isBetween(0.0, 100.0);
  }

  @Test
  void analyzerConfiguration() {
    // snippet: analyzer-config
    PerformanceAnalyzer strict =
        new PerformanceAnalyzer(
            AnalyzerConfig.builder()
                .zScoreThreshold(2.5)
                .minAnomalySamples(30)
                .bottleneckSharePercent(10)
                .build());
    // end-snippet

    assertThat(strict.config().zScoreThreshold()).isEqualTo(2.5);
    assertThat(strict.config().overheadSharePercent())
        .isEqualTo(AnalyzerConfig.DEFAULT_OVERHEAD_SHARE_PERCENT);
  }

  @Test
  void detectAnomalies() {
    PerformanceAnalyzer analyzer = new PerformanceAnalyzer();

    // snippet: anomalies
    List<PerformanceMetric> metrics = lastHourOfMetrics();
    List<Anomaly> anomalies = analyzer.detectAnomalies(metrics);

    for (Anomaly anomaly : anomalies) {
      System.out.printf("Anomaly detected: %s%n", anomaly.metricType().id());
      System.out.printf("  Value: %.1f ms (mean: %.1f ms)%n", anomaly.value(), anomaly.mean());
      System.out.printf("  Z-score: %.2f%n", anomaly.zScore());
    }
    // end-snippet

    assertThat(anomalies).extracting(Anomaly::value).containsExactly(2400.0);
  }

  @Test
  void sloCompliance() {
    PerformanceAnalyzer analyzer = new PerformanceAnalyzer();
    List<PerformanceMetric> metrics = lastHourOfMetrics();

    // snippet: slo-compliance
    Map<String, Double> sloThresholds =
        Map.of(
            "time_to_first_token", 1000.0, // 1 second
            "database_query", 100.0, // 100 ms
            "total_execution", 5000.0); // 5 seconds

    Map<String, Double> compliance = analyzer.calculateSloComplianceByIds(metrics, sloThresholds);

    compliance.forEach(
        (metricType, percent) -> System.out.printf("%s: %.1f%% compliant%n", metricType, percent));
    // end-snippet

    assertThat(compliance).containsEntry("time_to_first_token", 100.0);
    assertThat(compliance).containsEntry("database_query", 80.0);
    assertThat(compliance).doesNotContainKey("total_execution");
  }

  @Test
  void sloComplianceByType() {
    PerformanceAnalyzer analyzer = new PerformanceAnalyzer();
    List<PerformanceMetric> metrics = lastHourOfMetrics();

    // snippet: slo-compliance-typed
    Map<MetricType, Double> compliance =
        analyzer.calculateSloCompliance(metrics, Map.of(MetricType.LLM_PROCESSING, 2000.0));
    // end-snippet

    assertThat(compliance).containsExactly(Map.entry(MetricType.LLM_PROCESSING, 100.0 * 20 / 21));
  }

  @Test
  void jfrRecording() throws IOException {
    // snippet: jfr-recording
    Path file = Files.createTempFile("agent-phases", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("io.agentmetrics.Phase");
      recording.start();
      runAgent(collector);
      recording.stop();
      recording.dump(file);
    }
    // end-snippet

    try {
      assertThat(RecordingFile.readAllEvents(file))
          .extracting(event -> event.getEventType().getName())
          .contains("io.agentmetrics.Phase");
    } finally {
      Files.delete(file);
    }
  }

  private static void initialize() {}

  private static void runTools() {}

  private static void loadData() {}

  private static void preprocess() {}

  private static void analyze() {}

  private static String callApi(String path) {
    return "ok " + path;
  }

  private static Iterator<String> streamCompletion(String unusedPrompt) {
    return List.of("The ", "report ", "says ", "hello.").iterator();
  }

  private static List<String> queryAgents() {
    return List.of("supervisor", "researcher");
  }

  private static void performRiskyOperation() {
    throw new IllegalStateException("the risky operation failed");
  }

  @SuppressWarnings("try") // the timers only need closing
  private static void runAgent(ExecutionTimingCollector collector) {
    try (PhaseTimer init = collector.startPhase("initialization")) {
      initialize();
    }
    try (PhaseTimer llm = collector.startPhase("llm_processing")) {
      streamCompletion("hello").forEachRemaining(token -> {});
    }
  }

  /** 20 ordinary executions and one with a 2.4 s LLM call. */
  private static List<PerformanceMetric> lastHourOfMetrics() {
    UUID execution = UUID.randomUUID();
    Instant now = Instant.parse("2026-01-01T12:00:00Z");
    List<PerformanceMetric> metrics = new ArrayList<>();
    Map<String, Object> none = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      metrics.add(
          new PerformanceMetric(MetricType.LLM_PROCESSING, 800 + i % 3, now, execution, "a", none));
      metrics.add(new PerformanceMetric(MetricType.TTFT, 300, now, execution, "a", none));
      if (i < 10) {
        metrics.add(
            new PerformanceMetric(
                MetricType.DATABASE_QUERY, i < 2 ? 150 : 40, now, execution, "a", none));
      }
    }
    metrics.add(new PerformanceMetric(MetricType.LLM_PROCESSING, 2400, now, execution, "a", none));
    return metrics;
  }
}
