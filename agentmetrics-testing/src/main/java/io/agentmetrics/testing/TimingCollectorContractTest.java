package io.agentmetrics.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.PhaseTimer;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.api.TimingCollector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link TimingCollector} must show. An implementation's test extends this
 * class and implements {@link #newCollector}; the inherited tests then run against it:
 *
 * <pre>{@code
 * class MyCollectorContractTest extends TimingCollectorContractTest {
 *   @Override
 *   protected TimingCollector newCollector(TimeSource time) {
 *     return new MyCollector(UUID.randomUUID(), "contract_agent", time);
 *   }
 * }
 * }</pre>
 *
 * <p>The tests cover durations on the injected clock, misuse that must not throw (unknown or blank
 * names, stopping twice, invalid metrics, calls after completion), the breakdown's category union
 * and overhead, parallel tasks, time to first token, phase trees, completion, and concurrent use
 * from many threads. They do not count metrics an implementation may add on its own (such as one
 * per categorized phase); they look for the metrics the contract requires.
 *
 * @since 0.1.0
 */
public abstract class TimingCollectorContractTest {

  /** The clock of the collector under test. */
  protected FakeTimeSource time = new FakeTimeSource();

  /** The collector under test, created before each test. */
  protected TimingCollector collector;

  /** Creates a collector for a new execution, created now, that reads {@code time}. */
  protected abstract TimingCollector newCollector(TimeSource time);

  @BeforeEach
  void createCollector() {
    time = new FakeTimeSource();
    collector = newCollector(time);
  }

  @Test
  void stopPhaseReturnsTheDurationOnTheClock() {
    collector.startPhase("data_loading");
    time.advanceMillis(250);

    assertThat(collector.stopPhase("data_loading")).hasValue(250.0);
  }

  @Test
  void timerReportsElapsedTimeWhileRunningAndAfterStopping() {
    PhaseTimer timer = collector.startPhase("work");
    time.advanceMillis(40);
    assertThat(timer.isRunning()).isTrue();
    assertThat(timer.elapsedMs()).isEqualTo(40.0);

    assertThat(timer.stop()).hasValue(40.0);
    time.advanceMillis(100);

    assertThat(timer.isRunning()).isFalse();
    assertThat(timer.elapsedMs()).isEqualTo(40.0);
    assertThat(timer.name()).isEqualTo("work");
  }

  @Test
  void stopPhaseOfUnknownNameReturnsEmpty() {
    assertThat(collector.stopPhase("never_started")).isEmpty();
    assertThat(collector.stopParallelTask("never_started")).isEmpty();
  }

  @Test
  void stoppingAPhaseTwiceReturnsEmptyTheSecondTime() {
    PhaseTimer timer = collector.startPhase("work");
    time.advanceMillis(10);
    assertThat(collector.stopPhase("work")).hasValue(10.0);

    assertThat(collector.stopPhase("work")).isEmpty();
    assertThat(timer.stop()).isEmpty();
    assertThatCode(timer::close).doesNotThrowAnyException();
  }

  @Test
  void startingARunningPhaseAgainReturnsTheRunningTimer() {
    PhaseTimer first = collector.startPhase("work");
    time.advanceMillis(30);
    PhaseTimer second = collector.startPhase("work");
    time.advanceMillis(20);

    assertThat(second).isSameAs(first);
    assertThat(collector.stopPhase("work")).hasValue(50.0);
  }

  @Test
  void aPhaseNameCanBeReusedAfterItStopped() {
    collector.startPhase("retry");
    time.advanceMillis(10);
    collector.stopPhase("retry");
    collector.startPhase("retry");
    time.advanceMillis(15);
    collector.stopPhase("retry");

    assertThat(collector.getBreakdown().phasesMs()).containsEntry("retry", 25.0);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void nullOrBlankPhaseNamesGiveANoopTimerAndRecordNothing(String name) {
    assertThatCode(
            () -> {
              collector.startPhase(name).close();
              collector.startPhase(name, Map.of("k", "v")).close();
              collector.startParallelTask(name).close();
              collector.measure(name, MetricType.DATABASE_QUERY).close();
              assertThat(collector.stopPhase(name)).isEmpty();
              assertThat(collector.stopParallelTask(name)).isEmpty();
            })
        .doesNotThrowAnyException();

    assertThat(collector.startPhase(name).isRunning()).isFalse();
    assertThat(collector.getBreakdown().phasesMs()).isEmpty();
  }

  @Test
  void phaseNamedAfterACategoryCountsInThatCategory() {
    collector.startPhase("initialization");
    time.advanceMillis(100);
    collector.stopPhase("initialization");
    collector.startPhase("tool_execution");
    time.advanceMillis(300);
    collector.stopPhase("tool_execution");
    collector.startPhase("glue");
    time.advanceMillis(100);
    collector.stopPhase("glue");

    TimingBreakdown breakdown = collector.getBreakdown();

    assertThat(breakdown.totalMs()).isEqualTo(500.0);
    assertThat(breakdown.initializationMs()).isEqualTo(100.0);
    assertThat(breakdown.toolExecutionMs()).isEqualTo(300.0);
    assertThat(breakdown.overheadMs()).isEqualTo(100.0);
    assertThat(breakdown.calculateEfficiency()).isEqualTo(80.0);
    assertThat(breakdown.phasesMs())
        .containsExactly(
            Map.entry("initialization", 100.0),
            Map.entry("tool_execution", 300.0),
            Map.entry("glue", 100.0));
  }

  @Test
  void wallTimeBeforeAndBetweenPhasesIsOverhead() {
    time.advanceMillis(50);
    collector.startPhase("llm_processing");
    time.advanceMillis(100);
    collector.stopPhase("llm_processing");
    time.advanceMillis(50);

    TimingBreakdown breakdown = collector.getBreakdown();

    assertThat(breakdown.totalMs()).isEqualTo(200.0);
    assertThat(breakdown.llmProcessingMs()).isEqualTo(100.0);
    assertThat(breakdown.overheadMs()).isEqualTo(100.0);
    assertThat(breakdown.calculateEfficiency()).isEqualTo(50.0);
  }

  @Test
  void overlappingParallelTasksOfOneCategoryAreNotSummed() {
    collector.startParallelTask("tool_execution");
    collector.measure("search", MetricType.TOOL_EXECUTION);
    time.advanceMillis(100);
    collector.stopParallelTask("tool_execution");
    time.advanceMillis(50);
    collector.stopPhase("search");

    TimingBreakdown breakdown = collector.getBreakdown();

    assertThat(breakdown.totalMs()).isEqualTo(150.0);
    assertThat(breakdown.toolExecutionMs()).isEqualTo(150.0);
    assertThat(breakdown.overheadMs()).isZero();
  }

  @Test
  void parallelTasksOverlapWithoutAddingToTheTotal() {
    PhaseTimer first = collector.startParallelTask("api_call_1");
    PhaseTimer second = collector.startParallelTask("api_call_2");
    time.advanceMillis(80);
    assertThat(collector.stopParallelTask("api_call_2")).hasValue(80.0);
    time.advanceMillis(20);
    assertThat(first.stop()).hasValue(100.0);

    TimingBreakdown breakdown = collector.getBreakdown();

    assertThat(second.isRunning()).isFalse();
    assertThat(breakdown.totalMs()).isEqualTo(100.0);
    assertThat(breakdown.phasesMs()).containsEntry("api_call_1", 100.0);
    assertThat(breakdown.phasesMs()).containsEntry("api_call_2", 80.0);
  }

  @Test
  void parallelTasksAndPhasesOfTheSameNameAreIndependent() {
    collector.startPhase("fetch");
    collector.startParallelTask("fetch");
    time.advanceMillis(10);

    assertThat(collector.stopParallelTask("fetch")).hasValue(10.0);
    assertThat(collector.stopParallelTask("fetch")).isEmpty();
    assertThat(collector.stopPhase("fetch")).hasValue(10.0);
  }

  @Test
  void categoriesOfNestedPhasesOverlapButOverheadNeverExceedsTheTotal() {
    collector.startPhase("tool_execution");
    time.advanceMillis(20);
    collector.startPhase("database_query");
    time.advanceMillis(60);
    collector.stopPhase("database_query");
    time.advanceMillis(20);
    collector.stopPhase("tool_execution");

    TimingBreakdown breakdown = collector.getBreakdown();

    assertThat(breakdown.toolExecutionMs()).isEqualTo(100.0);
    assertThat(breakdown.databaseQueryMs()).isEqualTo(60.0);
    assertThat(breakdown.overheadMs()).isZero();
    assertThat(breakdown.calculateEfficiency()).isEqualTo(100.0);
  }

  @Test
  void runningPhasesCountUpToNowInTheBreakdown() {
    collector.startPhase("llm_processing");
    time.advanceMillis(70);

    TimingBreakdown breakdown = collector.getBreakdown();

    assertThat(breakdown.llmProcessingMs()).isEqualTo(70.0);
    assertThat(breakdown.phasesMs()).containsEntry("llm_processing", 70.0);
    assertThat(breakdown.totalMs()).isEqualTo(70.0);
  }

  @Test
  void emptyCollectorHasAZeroBreakdown() {
    TimingBreakdown breakdown = collector.getBreakdown();

    assertThat(breakdown.totalMs()).isZero();
    assertThat(breakdown.overheadMs()).isZero();
    assertThat(breakdown.ttftMs()).isEmpty();
    assertThat(breakdown.calculateEfficiency()).isEqualTo(100.0);
  }

  @Test
  void firstTokenIsMeasuredFromCreationAndTheFirstCallWins() {
    time.advanceMillis(120);
    assertThat(collector.recordFirstToken()).isEqualTo(120.0);
    time.advanceMillis(500);

    assertThat(collector.recordFirstToken()).isEqualTo(120.0);
    assertThat(collector.getBreakdown().ttftMs()).hasValue(120.0);
    assertThat(metricsOf(MetricType.TTFT))
        .extracting(PerformanceMetric::value)
        .containsExactly(120.0);
  }

  @Test
  void addMetricRecordsTypeValueMetadataIdsAndWallClockTimestamp() {
    time.advanceMillis(5);
    collector.addMetric(
        MetricType.DATABASE_QUERY, 125.5, Map.of("query", "SELECT * FROM agents", "rows", 42));
    collector.addMetric(MetricType.MEMORY_USAGE, 512);

    List<PerformanceMetric> metrics = collector.getMetrics();

    assertThat(metrics).hasSize(2);
    PerformanceMetric query = metrics.get(0);
    assertThat(query.metricType()).isEqualTo(MetricType.DATABASE_QUERY);
    assertThat(query.value()).isEqualTo(125.5);
    assertThat(query.metadata()).containsEntry("rows", 42);
    assertThat(query.timestamp()).isEqualTo(FakeTimeSource.DEFAULT_START.plusMillis(5));
    assertThat(query.executionId()).isEqualTo(collector.executionId());
    assertThat(query.agentName()).isEqualTo(collector.agentName());
    assertThat(metrics.get(1).metricType()).isEqualTo(MetricType.MEMORY_USAGE);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void invalidMetricValuesAreDroppedWithoutThrowing(double value) {
    assertThatCode(() -> collector.addMetric(MetricType.EXTERNAL_API, value))
        .doesNotThrowAnyException();

    assertThat(collector.getMetrics()).isEmpty();
  }

  @Test
  @SuppressWarnings("NullAway") // passes null on purpose: the contract is to drop it
  void metricsWithANullTypeOrNullMetadataEntriesAreDroppedWithoutThrowing() {
    Map<String, Object> withNullValue = new HashMap<>();
    withNullValue.put("status", null);

    assertThatCode(
            () -> {
              collector.addMetric(null, 1.0);
              collector.addMetric(MetricType.EXTERNAL_API, 1.0, withNullValue);
            })
        .doesNotThrowAnyException();

    assertThat(collector.getMetrics()).isEmpty();
  }

  @Test
  @SuppressWarnings("try") // the timer is closed by try-with-resources, never read
  void measureRecordsThePhaseInTheTypesCategoryAndAMetricOfTheType() {
    try (PhaseTimer ignored = collector.measure("fetch_orders", MetricType.DATABASE_QUERY)) {
      time.advanceMillis(42);
    }

    assertThat(collector.getBreakdown().databaseQueryMs()).isEqualTo(42.0);
    assertThat(collector.getBreakdown().phasesMs()).containsEntry("fetch_orders", 42.0);
    assertThat(metricsOf(MetricType.DATABASE_QUERY))
        .extracting(PerformanceMetric::value)
        .containsExactly(42.0);
  }

  @Test
  void measureClosedTwiceRecordsOneMetric() {
    PhaseTimer timer = collector.measure("call", MetricType.EXTERNAL_API);
    time.advanceMillis(3);
    timer.close();
    timer.close();

    assertThat(metricsOf(MetricType.EXTERNAL_API)).hasSize(1);
  }

  @Test
  void metadataGivenAtStartAndAnnotatedLaterReachesThePhaseRecord() {
    PhaseTimer timer = collector.startPhase("llm_processing", Map.of(PhaseRecord.LLM_MODEL, "m1"));
    timer.annotate(PhaseRecord.LLM_OUTPUT_TOKENS, 17);
    timer.stop();

    PhaseRecord record = collector.complete(ExecutionOutcome.succeeded()).phases().get(0);

    assertThat(record.metadata())
        .containsExactly(
            Map.entry(PhaseRecord.LLM_MODEL, "m1"), Map.entry(PhaseRecord.LLM_OUTPUT_TOKENS, 17));
  }

  @Test
  void aPhaseStartedInsideAnotherIsItsChildAndParallelTasksAreNeverParents() {
    collector.startPhase("main_processing");
    collector.startPhase("preprocessing");
    collector.stopPhase("preprocessing");
    collector.startParallelTask("api_call");
    collector.startPhase("analysis");
    collector.stopPhase("analysis");
    collector.stopParallelTask("api_call");
    collector.stopPhase("main_processing");
    collector.startPhase("reporting");
    collector.stopPhase("reporting");

    List<PhaseRecord> phases = collector.complete(ExecutionOutcome.succeeded()).phases();

    assertThat(phases)
        .extracting(PhaseRecord::id, PhaseRecord::name, PhaseRecord::parentId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, "main_processing", PhaseRecord.ROOT),
            org.assertj.core.groups.Tuple.tuple(1, "preprocessing", 0),
            org.assertj.core.groups.Tuple.tuple(2, "api_call", 0),
            org.assertj.core.groups.Tuple.tuple(3, "analysis", 0),
            org.assertj.core.groups.Tuple.tuple(4, "reporting", PhaseRecord.ROOT));
    assertThat(phases.get(2).parallel()).isTrue();
  }

  @Test
  void completeClosesRunningPhasesAndRecordsTheTotal() {
    collector.startPhase("finished");
    time.advanceMillis(10);
    collector.stopPhase("finished");
    collector.startPhase("left_open");
    collector.startParallelTask("task_left_open");
    time.advanceMillis(30);

    CompletedExecution execution = collector.complete(ExecutionOutcome.failed("timeout", "slow"));

    assertThat(execution.executionId()).isEqualTo(collector.executionId());
    assertThat(execution.agentName()).isEqualTo(collector.agentName());
    assertThat(execution.startTime()).isEqualTo(FakeTimeSource.DEFAULT_START);
    assertThat(execution.outcome().success()).isFalse();
    assertThat(execution.breakdown().totalMs()).isEqualTo(40.0);
    assertThat(execution.phases())
        .extracting(PhaseRecord::name, PhaseRecord::closedByCollector, PhaseRecord::durationMs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("finished", false, 10.0),
            org.assertj.core.groups.Tuple.tuple("left_open", true, 30.0),
            org.assertj.core.groups.Tuple.tuple("task_left_open", true, 30.0));
    assertThat(execution.phases().get(1).startOffsetNanos()).isEqualTo(10_000_000L);
    assertThat(execution.metrics())
        .filteredOn(metric -> metric.metricType() == MetricType.TOTAL_EXECUTION)
        .extracting(PerformanceMetric::value)
        .containsExactly(40.0);
  }

  @Test
  void completeIsIdempotentAndFreezesTheBreakdown() {
    collector.startPhase("work");
    time.advanceMillis(10);
    CompletedExecution first = collector.complete(ExecutionOutcome.succeeded());
    time.advanceMillis(1000);

    assertThat(collector.complete(ExecutionOutcome.failed("late", "ignored"))).isSameAs(first);
    assertThat(collector.getBreakdown().totalMs()).isEqualTo(10.0);
  }

  @Test
  void instrumentationCallsAfterCompleteAreIgnored() {
    PhaseTimer open = collector.startPhase("open");
    collector.complete(ExecutionOutcome.succeeded());
    int metricsAtCompletion = collector.getMetrics().size();

    assertThatCode(
            () -> {
              assertThat(collector.startPhase("late").isRunning()).isFalse();
              assertThat(collector.startParallelTask("late_task").isRunning()).isFalse();
              assertThat(collector.stopPhase("open")).isEmpty();
              assertThat(open.stop()).isEmpty();
              collector.measure("late_measure", MetricType.EXTERNAL_API).close();
              collector.addMetric(MetricType.EXTERNAL_API, 1.0);
              collector.recordFirstToken();
            })
        .doesNotThrowAnyException();

    assertThat(collector.getMetrics()).hasSize(metricsAtCompletion);
    assertThat(collector.getBreakdown().phasesMs()).containsOnlyKeys("open");
    assertThat(collector.getBreakdown().ttftMs()).isEmpty();
  }

  @Test
  void summaryIsNotEmpty() {
    collector.startPhase("llm_processing");
    time.advanceMillis(10);
    collector.stopPhase("llm_processing");

    assertThat(collector.getSummary()).isNotEmpty();
  }

  @Test
  void timersCanBeStoppedFromAnotherThread() throws Exception {
    PhaseTimer timer = collector.startParallelTask("remote");
    time.advanceMillis(5);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      assertThat(executor.submit(timer::stop).get(30, TimeUnit.SECONDS)).hasValue(5.0);
    } finally {
      executor.shutdownNow();
    }
    assertThat(collector.stopParallelTask("remote")).isEmpty();
  }

  @Test
  @Timeout(60)
  @SuppressWarnings("try") // the timer is closed by try-with-resources, never read
  void concurrentPhasesFromManyThreadsAreAllRecorded() throws Exception {
    int threads = 8;
    int phasesPerThread = 500;
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String prefix = "thread" + t + "_";
      tasks.add(
          () -> {
            for (int i = 0; i < phasesPerThread; i++) {
              String name = prefix + (i % 10);
              if (i % 2 == 0) {
                collector.startParallelTask(name);
                assertThat(collector.stopParallelTask(name)).isPresent();
              } else {
                try (PhaseTimer ignored = collector.startPhase(name)) {
                  collector.addMetric(MetricType.THREAD_POOL_USAGE, i);
                }
              }
            }
            return null;
          });
    }
    Together.run(tasks);

    CompletedExecution execution = collector.complete(ExecutionOutcome.succeeded());

    assertThat(execution.phases()).hasSize(threads * phasesPerThread);
    assertThat(execution.phases()).noneMatch(PhaseRecord::closedByCollector);
    assertThat(execution.phases())
        .extracting(PhaseRecord::id)
        .containsExactlyElementsOf(range(threads * phasesPerThread));
    assertThat(metricsOf(execution.metrics(), MetricType.THREAD_POOL_USAGE))
        .hasSize(threads * phasesPerThread / 2);
  }

  @Test
  @Timeout(60)
  void measuresClosedOnManyThreadsAtOnceEachRecordOneMetric() throws Exception {
    int threads = 8;
    int measuresPerThread = 500;
    List<Callable<Void>> tasks = new ArrayList<>();
    Set<String> expected = new HashSet<>();
    for (int t = 0; t < threads; t++) {
      String prefix = "query" + t + "_";
      for (int i = 0; i < measuresPerThread; i++) {
        expected.add(prefix + i);
      }
      tasks.add(
          () -> {
            for (int i = 0; i < measuresPerThread; i++) {
              collector.measure(prefix + i, MetricType.DATABASE_QUERY).close();
              collector.addMetric(MetricType.EXTERNAL_API, i);
            }
            return null;
          });
    }
    Together.run(tasks);

    List<PerformanceMetric> queries = metricsOf(MetricType.DATABASE_QUERY);
    assertThat(queries)
        .extracting(metric -> metric.metadata().get("phase"))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(metricsOf(MetricType.EXTERNAL_API)).hasSize(threads * measuresPerThread);
  }

  @Test
  @Timeout(60)
  void threadsRacingOnOnePhaseNameStopEachStartedPhaseExactlyOnce() throws Exception {
    int threads = 8;
    int rounds = 1000;
    AtomicInteger successfulStops = new AtomicInteger();
    Callable<Void> racer =
        () -> {
          for (int i = 0; i < rounds; i++) {
            collector.startPhase("shared");
            OptionalDouble stopped = collector.stopPhase("shared");
            if (stopped.isPresent()) {
              successfulStops.incrementAndGet();
            }
          }
          return null;
        };
    Together.run(Collections.nCopies(threads, racer));

    CompletedExecution execution = collector.complete(ExecutionOutcome.succeeded());

    assertThat(execution.phases()).noneMatch(PhaseRecord::closedByCollector);
    assertThat(execution.phases()).hasSize(successfulStops.get());
    assertThat(successfulStops.get()).isPositive();
  }

  @Test
  @Timeout(60)
  void completeRacingWithStopsEndsEachPhaseExactlyOnce() throws Exception {
    int count = 2000;
    List<PhaseTimer> timers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      timers.add(collector.startParallelTask("task" + i));
    }
    AtomicInteger stoppedByCaller = new AtomicInteger();
    Callable<Object> stopper =
        () -> {
          for (PhaseTimer timer : timers) {
            if (timer.stop().isPresent()) {
              stoppedByCaller.incrementAndGet();
            }
          }
          return stoppedByCaller.get();
        };
    Callable<Object> completer = () -> collector.complete(ExecutionOutcome.succeeded());
    CompletedExecution execution =
        (CompletedExecution) Together.run(List.of(stopper, completer)).get(1);

    long closedByCollector =
        execution.phases().stream().filter(PhaseRecord::closedByCollector).count();
    assertThat(execution.phases()).hasSize(count);
    assertThat(stoppedByCaller.get() + closedByCollector).isEqualTo(count);
  }

  @Test
  @SuppressWarnings("NullAway") // passes null on purpose: the contract is to drop it
  void nullMetadataEntriesAndNullAnnotationsAreSkippedWithoutThrowing() {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("kept", "yes");
    metadata.put("dropped", null);

    assertThatCode(
            () -> {
              PhaseTimer timer = collector.startPhase("work", metadata);
              timer.annotate("late", null);
              timer.annotate(null, "value");
              timer.stop();
              collector.startPhase("other", null).stop();
            })
        .doesNotThrowAnyException();

    assertThat(collector.complete(ExecutionOutcome.succeeded()).phases().get(0).metadata())
        .containsExactly(Map.entry("kept", "yes"));
  }

  @Test
  void annotationsAfterCompleteAreIgnored() {
    PhaseTimer timer = collector.startPhase("work");
    timer.stop();
    CompletedExecution execution = collector.complete(ExecutionOutcome.succeeded());

    timer.annotate("late", 1);

    assertThat(execution.phases().get(0).metadata()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(PhaseCategory.class)
  @SuppressWarnings("try") // the timer is closed by try-with-resources, never read
  void everyCategoryIsReachableByNameAndByMeasure(PhaseCategory category) {
    collector.startPhase(category.id());
    time.advanceMillis(10);
    collector.stopPhase(category.id());
    try (PhaseTimer ignored = collector.measure("custom", category.metricType())) {
      time.advanceMillis(5);
    }

    assertThat(collector.getBreakdown().categoryMs(category)).isCloseTo(15.0, within(1e-9));
  }

  /** The metrics of {@code type} the collector under test recorded so far. */
  protected List<PerformanceMetric> metricsOf(MetricType type) {
    return metricsOf(collector.getMetrics(), type);
  }

  private static List<PerformanceMetric> metricsOf(
      List<PerformanceMetric> metrics, MetricType type) {
    List<PerformanceMetric> matching = new ArrayList<>();
    for (PerformanceMetric metric : metrics) {
      if (metric.metricType() == type) {
        matching.add(metric);
      }
    }
    return matching;
  }

  private static List<Integer> range(int count) {
    List<Integer> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(i);
    }
    return ids;
  }
}
