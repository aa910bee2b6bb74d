package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NoopTimingCollectorTest {

  private final TimingCollector noop = TimingCollector.noop();

  @Test
  void isOneSharedInstance() {
    assertThat(TimingCollector.noop()).isSameAs(noop);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"llm_processing", " "})
  void everyInstrumentationCallIsANoopThatNeverThrows(String name) {
    Map<String, Object> nullEntries = new HashMap<>();
    nullEntries.put(null, null);

    assertThatCode(
            () -> {
              assertThat(noop.startPhase(name)).isSameAs(PhaseTimer.noop());
              assertThat(noop.startPhase(name, nullEntries)).isSameAs(PhaseTimer.noop());
              assertThat(noop.startPhase(name, null)).isSameAs(PhaseTimer.noop());
              assertThat(noop.startParallelTask(name)).isSameAs(PhaseTimer.noop());
              assertThat(noop.measure(name, null)).isSameAs(PhaseTimer.noop());
              assertThat(noop.measure(name, MetricType.TTFT)).isSameAs(PhaseTimer.noop());
              assertThat(noop.stopPhase(name)).isEmpty();
              assertThat(noop.stopParallelTask(name)).isEmpty();
              assertThat(noop.recordFirstToken()).isZero();
              noop.addMetric(null, Double.NaN);
              noop.addMetric(MetricType.EXTERNAL_API, -1, null);
              noop.addMetric(MetricType.EXTERNAL_API, 1.0, nullEntries);
            })
        .doesNotThrowAnyException();
  }

  @Test
  void recordsNothing() {
    noop.startPhase("tool_execution");
    noop.measure("query", MetricType.DATABASE_QUERY).close();
    noop.recordFirstToken();
    noop.addMetric(MetricType.MEMORY_USAGE, 512);

    assertThat(noop.getMetrics()).isEmpty();
    assertThat(noop.getBreakdown()).isEqualTo(TimingBreakdown.empty());
    assertThat(noop.getSummary()).isEmpty();
  }

  @Test
  void identifiesItselfWithTheNilUuid() {
    assertThat(noop.executionId()).isEqualTo(new UUID(0, 0));
    assertThat(noop.agentName()).isEqualTo("noop");
    assertThat(noop).hasToString("TimingCollector.noop()");
  }

  @Test
  void completeReturnsAnEmptyExecutionWithTheGivenOutcome() {
    ExecutionOutcome failed = ExecutionOutcome.failed("timeout", "slow");

    CompletedExecution execution = noop.complete(failed);

    assertThat(execution.outcome()).isEqualTo(failed);
    assertThat(execution.executionId()).isEqualTo(new UUID(0, 0));
    assertThat(execution.phases()).isEmpty();
    assertThat(execution.metrics()).isEmpty();
    assertThat(execution.breakdown()).isEqualTo(TimingBreakdown.empty());
  }

  @Test
  void completeWithANullOutcomeCountsAsASuccessInsteadOfThrowing() {
    assertThat(noop.complete(null).outcome()).isEqualTo(ExecutionOutcome.succeeded());
    assertThat(noop.complete(ExecutionOutcome.succeeded())).isSameAs(noop.complete(null));
  }
}
