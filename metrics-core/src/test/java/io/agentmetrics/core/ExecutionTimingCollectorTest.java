package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.groups.Tuple.tuple;

import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseTimer;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.testing.FakeTimeSource;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ExecutionTimingCollectorTest {

  private final FakeTimeSource time = new FakeTimeSource();
  private final ExecutionTimingCollector collector =
      new ExecutionTimingCollector(UUID.randomUUID(), "agent", time);

  @Test
  void criticalPathTakesTheLongerOfTwoParallelTasks() {
    collector.startPhase("initialization");
    time.advanceMillis(10);
    collector.stopPhase("initialization");
    collector.startParallelTask("slow_api");
    collector.startParallelTask("fast_api");
    time.advanceMillis(30);
    collector.stopParallelTask("fast_api");
    time.advanceMillis(70);
    collector.stopParallelTask("slow_api");
    collector.startPhase("respond");
    time.advanceMillis(5);
    collector.stopPhase("respond");

    assertThat(collector.getCriticalPath())
        .extracting(TimingEntry::operation, TimingEntry::durationMs, TimingEntry::startMs)
        .containsExactly(
            tuple("initialization", 10.0, 0.0),
            tuple("slow_api", 100.0, 10.0),
            tuple("respond", 5.0, 110.0));
  }

  @Test
  void criticalPathDescendsIntoTheChildrenOfEachPhaseOnIt() {
    collector.startPhase("main_processing");
    collector.startPhase("preprocessing");
    time.advanceMillis(20);
    collector.stopPhase("preprocessing");
    collector.startParallelTask("short_lookup");
    collector.startParallelTask("long_lookup");
    time.advanceMillis(10);
    collector.stopParallelTask("short_lookup");
    time.advanceMillis(30);
    collector.stopParallelTask("long_lookup");
    collector.stopPhase("main_processing");

    assertThat(collector.getCriticalPath())
        .extracting(TimingEntry::operation, TimingEntry::depth, TimingEntry::durationMs)
        .containsExactly(
            tuple("main_processing", 0, 60.0),
            tuple("preprocessing", 1, 20.0),
            tuple("long_lookup", 1, 40.0));
  }

  @Test
  void criticalPathCountsRunningPhasesUpToNow() {
    collector.startPhase("llm_processing");
    time.advanceMillis(25);

    assertThat(collector.getCriticalPath())
        .extracting(TimingEntry::operation, TimingEntry::durationMs, TimingEntry::endMs)
        .containsExactly(tuple("llm_processing", 25.0, 25.0));
  }

  @Test
  void criticalPathOfAnExecutionWithoutPhasesIsEmpty() {
    time.advanceMillis(25);

    assertThat(collector.getCriticalPath()).isEmpty();
  }

  @Test
  void criticalPathAfterCompleteEndsAtCompletion() {
    collector.startPhase("left_open");
    time.advanceMillis(15);
    collector.complete(ExecutionOutcome.succeeded());
    time.advanceMillis(100);

    assertThat(collector.getCriticalPath())
        .extracting(TimingEntry::operation, TimingEntry::durationMs)
        .containsExactly(tuple("left_open", 15.0));
  }

  @Test
  void droppedMetricsCountsInvalidAndLateMetrics() {
    collector.addMetric(MetricType.EXTERNAL_API, -1);
    collector.addMetric(MetricType.EXTERNAL_API, Double.NaN);
    collector.addMetric(MetricType.EXTERNAL_API, 1);
    collector.complete(ExecutionOutcome.succeeded());
    collector.addMetric(MetricType.EXTERNAL_API, 1);

    assertThat(collector.droppedMetrics()).isEqualTo(3);
    assertThat(collector.getSummary()).containsEntry("dropped_metrics", 3L);
  }

  @Test
  void plainCollectorRecordsNoMetricForAPhaseNamedAfterACategory() {
    collector.startPhase("llm_processing");
    time.advanceMillis(5);
    collector.stopPhase("llm_processing");

    assertThat(collector.getMetrics()).isEmpty();
  }

  @Test
  void measureWithATypeThatIsNotADurationTimesThePhaseButRecordsNoMetric() {
    PhaseTimer timer = collector.measure("heap_probe", MetricType.MEMORY_USAGE);
    time.advanceMillis(5);
    timer.close();

    assertThat(collector.getMetrics()).isEmpty();
    assertThat(collector.getBreakdown().phasesMs()).containsEntry("heap_probe", 5.0);
  }

  @Test
  void measureWithoutACategoryForItsTypeFallsBackToTheNameCategory() {
    PhaseTimer timer = collector.measure("llm_processing", MetricType.TTFT);
    time.advanceMillis(5);
    timer.close();

    assertThat(collector.getBreakdown().llmProcessingMs()).isEqualTo(5.0);
    assertThat(collector.getMetrics())
        .extracting(PerformanceMetric::metricType, PerformanceMetric::value)
        .containsExactly(tuple(MetricType.TTFT, 5.0));
  }

  @Test
  void summaryReportsIdsTotalsAndCounts() {
    collector.startPhase("llm_processing");
    time.advanceMillis(10);
    collector.stopPhase("llm_processing");
    collector.addMetric(MetricType.EXTERNAL_API, 3);

    Map<String, Object> summary = collector.getSummary();

    assertThat(summary)
        .containsEntry("execution_id", collector.executionId().toString())
        .containsEntry("agent_name", collector.agentName())
        .containsEntry("total_ms", 10.0)
        .containsEntry("efficiency_percent", 100.0)
        .containsKey("phases_ms");
  }

  @Test
  void summaryListsRunningPhasesAndCountsMetricsByType() {
    collector.startPhase("still_running");
    collector.addMetric(MetricType.DATABASE_QUERY, 1);
    collector.addMetric(MetricType.DATABASE_QUERY, 2);

    Map<String, Object> summary = collector.getSummary();

    assertThat(summary)
        .containsEntry("running_phases", List.of("still_running"))
        .containsEntry("metric_count", 2)
        .containsEntry("metrics_by_type", Map.of("database_query", 2))
        .containsEntry("completed", false);
  }

  @Test
  void enhancedCollectorRecordsAMetricForEveryCategorizedPhase() {
    EnhancedExecutionTimingCollector enhanced =
        new EnhancedExecutionTimingCollector(UUID.randomUUID(), "agent", time);
    enhanced.startPhase("llm_processing");
    time.advanceMillis(40);
    enhanced.stopPhase("llm_processing");
    enhanced.startPhase("glue");
    time.advanceMillis(1);
    enhanced.stopPhase("glue");
    try (PhaseTimer timer = enhanced.measure("orders", MetricType.DATABASE_QUERY)) {
      time.advanceMillis(7);
      timer.annotate("rows", 3);
    }

    assertThat(enhanced.getMetrics())
        .extracting(PerformanceMetric::metricType, PerformanceMetric::value, m -> m.metadata())
        .containsExactly(
            tuple(MetricType.LLM_PROCESSING, 40.0, Map.of("phase", "llm_processing")),
            tuple(MetricType.DATABASE_QUERY, 7.0, Map.of("phase", "orders")));
  }

  @Test
  void aPhaseNameBuiltAtRunTimeCountsInItsCategoryLikeTheLiteral() {
    String built = String.join("_", "llm", "processing");
    assertThat(built).isNotSameAs("llm_processing");

    collector.startPhase(built);
    time.advanceMillis(40);
    collector.stopPhase(built);
    collector.startPhase("tool_execution");
    time.advanceMillis(10);
    collector.stopPhase("tool_execution");

    TimingBreakdown breakdown = collector.getBreakdown();
    assertThat(breakdown.llmProcessingMs()).isEqualTo(40.0);
    assertThat(breakdown.toolExecutionMs()).isEqualTo(10.0);
    assertThat(breakdown.overheadMs()).isZero();
  }

  @Test
  void collectorsCreatedByAgentNameGetDistinctRandomIds() {
    ExecutionTimingCollector first = new ExecutionTimingCollector("agent");
    ExecutionTimingCollector second = new ExecutionTimingCollector("agent");

    assertThat(first.executionId()).isNotEqualTo(second.executionId());
    assertThat(first.agentName()).isEqualTo("agent");
  }

  @Test
  void constructorsRejectNullArgumentsNamingThem() {
    UUID id = UUID.randomUUID();
    TimeSource system = TimeSource.system();

    assertThatNullPointerException()
        .isThrownBy(() -> new ExecutionTimingCollector(null))
        .withMessage("agentName");
    assertThatNullPointerException()
        .isThrownBy(() -> new ExecutionTimingCollector(null, "agent", system))
        .withMessage("executionId");
    assertThatNullPointerException()
        .isThrownBy(() -> new EnhancedExecutionTimingCollector(id, "agent", null))
        .withMessage("timeSource");
  }

  @Test
  void collectorHierarchyIsClosed() {
    assertThat(ExecutionTimingCollector.class.isSealed()).isTrue();
    assertThat(ExecutionTimingCollector.class.getPermittedSubclasses())
        .containsExactly(EnhancedExecutionTimingCollector.class);
    assertThat(Modifier.isFinal(EnhancedExecutionTimingCollector.class.getModifiers())).isTrue();
  }

  @Test
  void completeRejectsANullOutcome() {
    assertThatNullPointerException()
        .isThrownBy(() -> collector.complete(null))
        .withMessage("outcome");
  }

  @Test
  void metricTimestampsStayOnTheExecutionsTimelineWhenTheWallClockSteps() {
    SteppingWallClock clock = new SteppingWallClock(Instant.parse("2026-06-01T12:00:00Z"));
    EnhancedExecutionTimingCollector enhanced =
        new EnhancedExecutionTimingCollector(UUID.randomUUID(), "agent", clock);
    enhanced.startPhase("llm_processing");
    clock.elapseMillis(10);
    clock.stepWallClock(Duration.ofHours(-1));
    enhanced.stopPhase("llm_processing");
    clock.elapseMillis(5);
    enhanced.recordFirstToken();
    enhanced.addMetric(MetricType.EXTERNAL_API, 1);
    clock.elapseMillis(5);
    enhanced.complete(ExecutionOutcome.succeeded());

    assertThat(enhanced.getMetrics())
        .extracting(PerformanceMetric::metricType, PerformanceMetric::timestamp)
        .containsExactly(
            tuple(MetricType.LLM_PROCESSING, Instant.parse("2026-06-01T12:00:00.010Z")),
            tuple(MetricType.TTFT, Instant.parse("2026-06-01T12:00:00.015Z")),
            tuple(MetricType.EXTERNAL_API, Instant.parse("2026-06-01T12:00:00.015Z")),
            tuple(MetricType.TOTAL_EXECUTION, Instant.parse("2026-06-01T12:00:00.020Z")));
  }

  @Test
  void metricsAreListedInTheOrderRecordedNotTheOrderTheirPhasesStarted() {
    EnhancedExecutionTimingCollector enhanced =
        new EnhancedExecutionTimingCollector(UUID.randomUUID(), "agent", time);
    enhanced.startPhase("tool_execution");
    enhanced.startPhase("database_query");
    time.advanceMillis(4);
    enhanced.stopPhase("database_query");
    enhanced.addMetric(MetricType.MEMORY_USAGE, 12);
    time.advanceMillis(6);
    enhanced.stopPhase("tool_execution");

    assertThat(enhanced.getMetrics())
        .extracting(PerformanceMetric::metricType, PerformanceMetric::value)
        .containsExactly(
            tuple(MetricType.DATABASE_QUERY, 4.0),
            tuple(MetricType.MEMORY_USAGE, 12.0),
            tuple(MetricType.TOOL_EXECUTION, 10.0));
  }

  @Test
  void metricsOfPhasesStoppedAtOnceOnTwoThreadsAreAllListedByPhaseId() {
    EnhancedExecutionTimingCollector enhanced =
        new EnhancedExecutionTimingCollector(UUID.randomUUID(), "agent", time);
    enhanced.startParallelTask("external_api");
    enhanced.startParallelTask("database_query");
    time.advanceMillis(3);
    enhanced.stopParallelTask("database_query");
    enhanced.stopParallelTask("external_api");
    // Two threads stopping at the same moment may both read the same count of metrics recorded
    // (it is not incremented atomically), so their phases' metrics share an order.
    Phase[] phases = enhanced.phasesInStartOrder();
    phases[0].madeMetric(phases[1].metricOrder());

    assertThat(enhanced.getMetrics())
        .extracting(PerformanceMetric::metricType)
        .containsExactly(MetricType.EXTERNAL_API, MetricType.DATABASE_QUERY);
  }

  @Test
  void breakdownMergesPhasesPublishedOutOfTheOrderOfTheirStarts() {
    InterleavingTimeSource clock = new InterleavingTimeSource();
    ExecutionTimingCollector interleaved =
        new ExecutionTimingCollector(UUID.randomUUID(), "agent", clock);
    clock.time.advanceMillis(10);
    // The tool call reads the clock at 10 ms; before it is published, another thread starts and
    // publishes the API call at 11 ms, so the API call comes first in the execution.
    clock.onNextRead = () -> interleaved.startParallelTask("external_api");
    interleaved.startParallelTask("tool_execution");
    clock.time.advanceMillis(9);
    interleaved.stopParallelTask("external_api");
    clock.time.advanceMillis(10);
    interleaved.stopParallelTask("tool_execution");
    clock.time.advanceMillis(10);

    TimingBreakdown breakdown = interleaved.getBreakdown();

    assertThat(breakdown.phasesMs()).containsOnlyKeys("external_api", "tool_execution");
    assertThat(breakdown.externalApiMs()).isEqualTo(9.0);
    assertThat(breakdown.toolExecutionMs()).isEqualTo(20.0);
    // Categorized work covers 10..30 ms of the 40: the union, whatever the publication order.
    assertThat(breakdown.overheadMs()).isEqualTo(20.0);
  }

  /** Clocks whose wall clock can be stepped, as NTP or an operator may, apart from elapsed time. */
  private static final class SteppingWallClock implements TimeSource {

    private long nanos = 5_000_000_000L;
    private Instant wall;

    SteppingWallClock(Instant wall) {
      this.wall = wall;
    }

    void elapseMillis(long millis) {
      nanos += millis * 1_000_000;
      wall = wall.plusMillis(millis);
    }

    void stepWallClock(Duration step) {
      wall = wall.plus(step);
    }

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public Instant now() {
      return wall;
    }
  }

  /**
   * A fake clock that can run an action inside its next monotonic read, after taking the reading
   * and moving time on by 1 ms: the action plays another thread that runs between a phase's clock
   * read and its publication.
   */
  private static final class InterleavingTimeSource implements TimeSource {

    final FakeTimeSource time = new FakeTimeSource();
    @Nullable Runnable onNextRead;

    @Override
    public long nanoTime() {
      long reading = time.nanoTime();
      Runnable action = onNextRead;
      if (action != null) {
        onNextRead = null;
        time.advanceMillis(1);
        action.run();
      }
      return reading;
    }

    @Override
    public Instant now() {
      return time.now();
    }
  }
}
