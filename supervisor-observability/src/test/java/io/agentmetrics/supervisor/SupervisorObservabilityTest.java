package io.agentmetrics.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.agentmetrics.agent.AgentExecutionContext;
import io.agentmetrics.agent.ExecutionResult;
import io.agentmetrics.agent.llm.PriceTable;
import io.agentmetrics.aggregator.AggregatorConfig;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.api.AggregatedMetrics;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.PhaseTimer;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.api.TimingCollector;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SupervisorObservabilityTest {

  private final FakeTimeSource time = new FakeTimeSource();
  private final List<CompletedExecution> received = new CopyOnWriteArrayList<>();
  private final MetricsAggregator aggregator =
      new MetricsAggregator(AggregatorConfig.defaults(), time);
  private final SupervisorObservability observability =
      new SupervisorObservability(
          SupervisorConfig.builder().workflowExpiry(Duration.ofMinutes(15)).maxWorkflows(3).build(),
          aggregator,
          List.of(received::add),
          time);

  private final ExecutionContext context =
      AgentExecutionContext.builder()
          .runId("run-1")
          .agentName("supervisor")
          .userId("user123")
          .conversationId("ctx-9")
          .build();

  @Test
  void timesPhasesAndFirstTokenByRunId() {
    observability.startWorkflowTrace(context);
    time.advanceMillis(10);
    observability.startPhase("run-1", "tool_execution");
    time.advanceMillis(40);
    OptionalDouble toolMs = observability.stopPhase("run-1", "tool_execution");
    time.advanceMillis(25);
    OptionalDouble ttft = observability.recordFirstToken("run-1");

    assertThat(toolMs).hasValue(40.0);
    assertThat(ttft).hasValue(75.0);
    TimingBreakdown breakdown = observability.getTimingBreakdown("run-1").orElseThrow();
    assertThat(breakdown.totalMs()).isEqualTo(75.0);
    assertThat(breakdown.toolExecutionMs()).isEqualTo(40.0);
    assertThat(breakdown.ttftMs()).hasValue(75.0);
  }

  @Test
  void completedWorkflowReachesTheSinksWithItsOutcomeAndContext() {
    observability.startWorkflowTrace(context);
    observability.startPhase("run-1", "llm_processing");
    time.advanceMillis(30);
    observability.stopPhase("run-1", "llm_processing");

    observability.completeWorkflowTrace(context, ExecutionResult.success(Map.of("result", "data")));

    assertThat(received).singleElement();
    CompletedExecution execution = received.get(0);
    assertThat(execution.agentName()).isEqualTo("supervisor");
    assertThat(execution.outcome().success()).isTrue();
    assertThat(execution.attributes())
        .containsEntry(CompletedExecution.RUN_ID, "run-1")
        .containsEntry(CompletedExecution.USER_ID, "user123")
        .containsEntry(ExecutionContext.CONVERSATION_ID, "ctx-9")
        .containsEntry(CompletedExecution.WORKFLOW_NAME, "supervisor");
    assertThat(execution.phases())
        .singleElement()
        .satisfies(phase -> assertThat(phase.category()).isEqualTo(PhaseCategory.LLM_PROCESSING));
    assertThat(execution.breakdown().llmProcessingMs()).isEqualTo(30.0);
    assertThat(observability.activeWorkflows()).isZero();
  }

  @Test
  void failedResultBecomesAFailedOutcome() {
    observability.startWorkflowTrace(context);

    observability.completeWorkflowTrace(context, ExecutionResult.failure("tool crashed"));

    assertThat(received.get(0).outcome().success()).isFalse();
    assertThat(received.get(0).outcome().errorMessage()).isEqualTo("tool crashed");
    assertThat(received.get(0).outcome().errorType())
        .isEqualTo(SupervisorObservability.FAILED_RESULT_ERROR_TYPE);
  }

  @Test
  void completedRunIsForgotten() {
    observability.startWorkflowTrace(context);
    observability.completeWorkflowTrace(context, ExecutionResult.success(Map.of()));

    assertThat(observability.getTimingBreakdown("run-1")).isEmpty();
    observability.completeWorkflowTrace(context, ExecutionResult.success(Map.of()));
    assertThat(received).hasSize(1);
  }

  @Test
  void unknownRunIdsGiveEmptyResultsAndAreCounted() {
    assertThatCode(
            () -> {
              observability.startPhase("nope", "tool_execution");
              assertThat(observability.stopPhase("nope", "tool_execution")).isEmpty();
              assertThat(observability.recordFirstToken("nope")).isEmpty();
              assertThat(observability.getTimingBreakdown("nope")).isEmpty();
              assertThat(observability.collector("nope")).isEmpty();
              observability.completeWorkflowTrace(
                  AgentExecutionContext.of("nope", "supervisor"),
                  ExecutionResult.success(Map.of()));
            })
        .doesNotThrowAnyException();

    assertThat(observability.droppedCalls()).isEqualTo(6);
    assertThat(received).isEmpty();
  }

  @Test
  void nullArgumentsAreDroppedNotThrown() {
    assertThatCode(
            () -> {
              observability.startWorkflowTrace(null);
              assertThat(observability.stopPhase(null, "x")).isEmpty();
              observability.completeWorkflowTrace(context, null);
            })
        .doesNotThrowAnyException();
    assertThat(observability.droppedCalls()).isEqualTo(3);
  }

  @Test
  void startingARunTwiceKeepsItsCollector() {
    observability.startWorkflowTrace(context);
    observability.startPhase("run-1", "initialization");
    time.advanceMillis(5);

    observability.startWorkflowTrace(context);

    assertThat(observability.stopPhase("run-1", "initialization")).hasValue(5.0);
    assertThat(observability.activeWorkflows()).isEqualTo(1);
  }

  @Test
  void untouchedWorkflowExpiresAsAbandonedAndNeverReachesTheSinks() {
    observability.startWorkflowTrace(context);

    time.advance(Duration.ofMinutes(15).plusSeconds(1));

    assertThat(observability.getTimingBreakdown("run-1")).isEmpty();
    assertThat(observability.abandonedWorkflows()).isEqualTo(1);
    assertThat(observability.activeWorkflows()).isZero();
    observability.completeWorkflowTrace(context, ExecutionResult.success(Map.of()));
    assertThat(received).isEmpty();
  }

  @Test
  void activityKeepsAWorkflowAlive() {
    observability.startWorkflowTrace(context);
    for (int i = 0; i < 4; i++) {
      time.advance(Duration.ofMinutes(10));
      observability.startPhase("run-1", "step-" + i);
    }

    assertThat(observability.abandonedWorkflows()).isZero();
    assertThat(observability.getTimingBreakdown("run-1")).isPresent();
  }

  @Test
  void workflowsBeyondTheMaximumAreDroppedAsAbandoned() {
    for (int i = 0; i < 10; i++) {
      observability.startWorkflowTrace(AgentExecutionContext.of("run-" + i, "supervisor"));
    }

    assertThat(observability.activeWorkflows()).isEqualTo(3);
    assertThat(observability.abandonedWorkflows()).isEqualTo(7);
  }

  @Test
  void throwingSinkIsSkippedAndTheOthersStillReceiveTheWorkflow() {
    MetricsSink throwing =
        execution -> {
          throw new IllegalStateException("sink down");
        };
    SupervisorObservability isolated =
        new SupervisorObservability(
            SupervisorConfig.defaults(), aggregator, List.of(throwing, received::add), time);
    isolated.startWorkflowTrace(context);

    assertThatCode(() -> isolated.completeWorkflowTrace(context, ExecutionResult.success(Map.of())))
        .doesNotThrowAnyException();

    assertThat(received).hasSize(1);
    assertThat(isolated.failedSinkDeliveries()).isEqualTo(1);
  }

  @Test
  void aWorkflowsLlmCallsArePricedWithTheConfiguredPrices() {
    SupervisorObservability priced =
        new SupervisorObservability(
            SupervisorConfig.builder().prices(PriceTable.parse("house-model=2:8")).build(),
            aggregator,
            List.of(received::add),
            time);
    priced.startWorkflowTrace(context);
    TimingCollector timing = priced.collector("run-1").orElseThrow();
    PhaseTimer llm = timing.measure("plan", MetricType.LLM_PROCESSING);
    llm.annotate(PhaseRecord.LLM_MODEL, "house-model");
    llm.annotate(PhaseRecord.LLM_INPUT_TOKENS, 1_000);
    llm.annotate(PhaseRecord.LLM_OUTPUT_TOKENS, 500);
    llm.close();

    priced.completeWorkflowTrace(context, ExecutionResult.success(Map.of()));

    // 1,000 x $2 / 1e6 + 500 x $8 / 1e6 = $0.002 + $0.004.
    assertThat(received.get(0).llmUsage().costUsd())
        .isCloseTo(0.006, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void threadPoolUsageIsBusyThreadsAsAPercentageOfThePoolsMaximum() {
    // 6 of 8 threads busy is 6 / 8 x 100 = 75%; 3 of 8 is 37.5%; their mean is 56.25%.
    observability.recordResourceMetrics(42.5, 512.0, 6, 8);
    observability.recordResourceMetrics(40.0, 256.0, 3, 8);

    Optional<AggregatedMetrics> pool =
        aggregator.getAggregatedMetrics(MetricType.THREAD_POOL_USAGE, AggregationWindow.MINUTE);
    assertThat(MetricType.THREAD_POOL_USAGE.unit()).isEqualTo("%");
    assertThat(pool)
        .hasValueSatisfying(
            m -> {
              assertThat(m.count()).isEqualTo(2);
              assertThat(m.min()).isCloseTo(37.5, withinPercentage(0.1));
              assertThat(m.max()).isCloseTo(75.0, withinPercentage(0.1));
              assertThat(m.mean()).isCloseTo(56.25, withinPercentage(0.1));
            });
    assertThat(aggregator.getAggregatedMetrics(MetricType.MEMORY_USAGE, AggregationWindow.MINUTE))
        .hasValueSatisfying(m -> assertThat(m.mean()).isCloseTo(384.0, withinPercentage(0.1)));
    assertThat(aggregator.getPerformanceSummary().resourceUtilization())
        .containsKeys(MetricType.MEMORY_USAGE, MetricType.THREAD_POOL_USAGE);
    assertThat(aggregator.exportMetrics(AggregationWindow.MINUTE))
        .filteredOn(metric -> metric.metricType() == MetricType.THREAD_POOL_USAGE)
        .first()
        .satisfies(
            metric ->
                assertThat(metric.metadata())
                    .containsEntry(SupervisorObservability.CPU_PERCENT_KEY, 42.5)
                    .containsEntry(SupervisorObservability.ACTIVE_THREADS_KEY, 6)
                    .containsEntry(SupervisorObservability.MAX_THREADS_KEY, 8));
  }

  @Test
  void aLiveThreadCountIsNeverRecordedAsAPercentage() {
    // The seed's call passes threading.active_count(): 24 threads is not "24%" of anything.
    observability.recordResourceMetrics(42.5, 512.0, 24);

    assertThat(
            aggregator.getAggregatedMetrics(MetricType.THREAD_POOL_USAGE, AggregationWindow.MINUTE))
        .isEmpty();
    assertThat(aggregator.getAggregatedMetrics(MetricType.MEMORY_USAGE, AggregationWindow.MINUTE))
        .hasValueSatisfying(m -> assertThat(m.mean()).isCloseTo(512.0, withinPercentage(0.1)));
    assertThat(aggregator.exportMetrics(AggregationWindow.MINUTE))
        .singleElement()
        .satisfies(
            metric ->
                assertThat(metric.metadata())
                    .containsEntry(SupervisorObservability.CPU_PERCENT_KEY, 42.5)
                    .containsEntry(SupervisorObservability.THREAD_COUNT_KEY, 24));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1.0, Double.NaN, Double.POSITIVE_INFINITY})
  void invalidResourceValuesAreDroppedAndCounted(double bad) {
    observability.recordResourceMetrics(bad, 100.0, 1);
    observability.recordResourceMetrics(10.0, bad, 1);
    observability.recordResourceMetrics(bad, 100.0, 1, 2);
    observability.recordResourceMetrics(10.0, bad, 1, 2);

    assertThat(observability.droppedCalls()).isEqualTo(4);
    assertThat(aggregator.getAggregatedMetrics(MetricType.MEMORY_USAGE, AggregationWindow.MINUTE))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"-1, 8", "9, 8", "0, 0", "1, -4"})
  void impossiblePoolFiguresAreDroppedAndCounted(int active, int max) {
    observability.recordResourceMetrics(10.0, 100.0, active, max);

    assertThat(observability.droppedCalls()).isEqualTo(1);
    assertThat(
            aggregator.getAggregatedMetrics(MetricType.THREAD_POOL_USAGE, AggregationWindow.MINUTE))
        .isEmpty();
  }

  @Test
  void negativeThreadCountIsDropped() {
    observability.recordResourceMetrics(10.0, 100.0, -1);

    assertThat(observability.droppedCalls()).isEqualTo(1);
  }

  @Test
  void uuidRunIdIsTheExecutionId() {
    UUID id = UUID.randomUUID();

    assertThat(SupervisorObservability.executionIdOf(id.toString())).isEqualTo(id);
    assertThat(SupervisorObservability.executionIdOf("run-1"))
        .isEqualTo(SupervisorObservability.executionIdOf("run-1"))
        .isNotEqualTo(SupervisorObservability.executionIdOf("run-2"));
  }

  @Test
  void defaultInstanceRecordsResourcesIntoTheGlobalAggregator() {
    SupervisorObservability defaults = new SupervisorObservability();

    assertThat(defaults.config()).isEqualTo(SupervisorConfig.defaults());
    assertThatCode(() -> defaults.recordResourceMetrics(1.0, 2.0, 3)).doesNotThrowAnyException();
    assertThat(defaults.droppedCalls()).isZero();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.5);
  }
}
