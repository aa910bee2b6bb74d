package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validation of the records that have no behaviour beyond their checks. */
class ValueValidationTest {

  private static final UUID ID = UUID.randomUUID();
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void performanceMetricRejectsNullsNamingTheField() {
    assertThatNullPointerException()
        .isThrownBy(() -> new PerformanceMetric(null, 1, NOW, ID, "a"))
        .withMessage("metricType");
    assertThatNullPointerException()
        .isThrownBy(() -> new PerformanceMetric(MetricType.TTFT, 1, null, ID, "a"))
        .withMessage("timestamp");
    assertThatNullPointerException()
        .isThrownBy(() -> new PerformanceMetric(MetricType.TTFT, 1, NOW, null, "a"))
        .withMessage("executionId");
    assertThatNullPointerException()
        .isThrownBy(() -> new PerformanceMetric(MetricType.TTFT, 1, NOW, ID, null))
        .withMessage("agentName");
    assertThatNullPointerException()
        .isThrownBy(() -> new PerformanceMetric(MetricType.TTFT, 1, NOW, ID, "a", null))
        .withMessage("metadata");
  }

  @ParameterizedTest
  @CsvSource({"-0.5", "NaN", "Infinity"})
  void performanceMetricRejectsInvalidValues(double value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PerformanceMetric(MetricType.TTFT, value, NOW, ID, "a"))
        .withMessage("value must be a finite, non-negative number, got " + value);
  }

  @Test
  void performanceMetricCopiesMetadataInOrderAndRejectsNullEntries() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("query", "SELECT 1");
    metadata.put("rows", 42);
    PerformanceMetric metric =
        new PerformanceMetric(MetricType.DATABASE_QUERY, 1, NOW, ID, "a", metadata);
    metadata.put("late", true);
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("status", null);

    assertThat(metric.metadata())
        .containsExactly(Map.entry("query", "SELECT 1"), Map.entry("rows", 42));
    assertThatNullPointerException()
        .isThrownBy(() -> new PerformanceMetric(MetricType.TTFT, 1, NOW, ID, "a", withNull))
        .withMessageContaining("metadata must not contain a null value (key 'status')");
  }

  @Test
  void phaseRecordValidatesIdsAndDurations() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> phase(-1, PhaseRecord.ROOT, 0, 0))
        .withMessageStartingWith("id must not be negative");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> phase(2, 2, 0, 0))
        .withMessageStartingWith("parentId must be ROOT or the id of an earlier phase");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> phase(2, -2, 0, 0))
        .withMessageStartingWith("parentId must");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> phase(0, PhaseRecord.ROOT, -1, 0))
        .withMessageStartingWith("startOffsetNanos must not be negative");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> phase(0, PhaseRecord.ROOT, 0, -1))
        .withMessageStartingWith("durationNanos must not be negative");
    assertThatNullPointerException()
        .isThrownBy(
            () -> new PhaseRecord(0, PhaseRecord.ROOT, null, null, 0, 0, false, false, Map.of()))
        .withMessage("name");
  }

  @Test
  void phaseRecordDerivesEndDurationAndRoot() {
    PhaseRecord child = phase(3, 1, 2_000_000, 1_500_000);

    assertThat(child.endOffsetNanos()).isEqualTo(3_500_000);
    assertThat(child.durationMs()).isEqualTo(1.5);
    assertThat(child.isRoot()).isFalse();
    assertThat(phase(0, PhaseRecord.ROOT, 0, 0).isRoot()).isTrue();
  }

  @Test
  void aggregatedMetricsValidatesCountRangeAndValues() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> aggregated(0, 1, 2))
        .withMessage("count must be at least 1, got 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> aggregated(1, 3, 2))
        .withMessage("min must not exceed max, got min 3.0 > max 2.0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> aggregated(1, -1, 2))
        .withMessageStartingWith("min must be a finite, non-negative number");
    assertThatNullPointerException()
        .isThrownBy(
            () -> new AggregatedMetrics(null, AggregationWindow.HOUR, 1, 1, 1, 1, 0, 1, 1, 1))
        .withMessage("metricType");
    assertThat(aggregated(5, 1, 2).count()).isEqualTo(5);
  }

  @Test
  void aggregationWindowsHaveTheSeedDurations() {
    assertThat(AggregationWindow.values())
        .extracting(AggregationWindow::duration)
        .containsExactly(
            Duration.ofSeconds(60),
            Duration.ofSeconds(300),
            Duration.ofSeconds(3600),
            Duration.ofSeconds(86_400),
            Duration.ofSeconds(604_800));
  }

  @Test
  void successfulOutcomeHasNoError() {
    ExecutionOutcome success = ExecutionOutcome.succeeded();

    assertThat(success.success()).isTrue();
    assertThat(success.errorType()).isNull();
    assertThat(success.errorMessage()).isNull();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ExecutionOutcome(true, "x", null))
        .withMessageContaining("errorType");
  }

  @Test
  void failedOutcomeNeedsATypeAndAMessage() {
    assertThatNullPointerException()
        .isThrownBy(() -> new ExecutionOutcome(false, null, "m"))
        .withMessage("errorType");
    assertThatNullPointerException()
        .isThrownBy(() -> new ExecutionOutcome(false, "t", null))
        .withMessage("errorMessage");
    assertThat(ExecutionOutcome.failed("timeout", "took too long").errorType())
        .isEqualTo("timeout");
  }

  @Test
  void failedOutcomeFromAThrowableUsesItsClassAndMessage() {
    ExecutionOutcome withMessage = ExecutionOutcome.failed(new IllegalStateException("boom"));
    ExecutionOutcome withoutMessage = ExecutionOutcome.failed(new IllegalStateException());

    assertThat(withMessage.errorType()).isEqualTo("java.lang.IllegalStateException");
    assertThat(withMessage.errorMessage()).isEqualTo("boom");
    assertThat(withoutMessage.errorMessage()).isEqualTo("IllegalStateException");
  }

  @Test
  void completedExecutionValidatesAndMergesContextAttributes() {
    CompletedExecution execution =
        new CompletedExecution(
            ID,
            "agent",
            NOW,
            TimingBreakdown.empty(),
            List.of(),
            List.of(),
            ExecutionOutcome.succeeded(),
            Map.of("existing", 1));
    ExecutionContext context = context(Optional.of("user123"));

    CompletedExecution merged = execution.withContext(ExecutionOutcome.failed("t", "m"), context);

    assertThat(merged.outcome().success()).isFalse();
    assertThat(merged.attributes())
        .containsEntry("existing", 1)
        .containsEntry(ExecutionContext.CONVERSATION_ID, "c1")
        .containsEntry(CompletedExecution.RUN_ID, "run-1")
        .containsEntry(CompletedExecution.USER_ID, "user123");
    assertThat(
            execution
                .withContext(ExecutionOutcome.succeeded(), context(Optional.empty()))
                .attributes())
        .doesNotContainKey(CompletedExecution.USER_ID);
    assertThatNullPointerException()
        .isThrownBy(
            () ->
                new CompletedExecution(
                    ID,
                    "agent",
                    NOW,
                    null,
                    List.of(),
                    List.of(),
                    ExecutionOutcome.succeeded(),
                    Map.of()))
        .withMessage("breakdown");
  }

  @Test
  void completedExecutionCopiesItsLists() {
    List<PerformanceMetric> metrics = new ArrayList<>();
    CompletedExecution execution =
        new CompletedExecution(
            ID,
            "agent",
            NOW,
            TimingBreakdown.empty(),
            metrics,
            List.of(),
            ExecutionOutcome.succeeded(),
            Map.of());
    metrics.add(new PerformanceMetric(MetricType.TTFT, 1, NOW, ID, "agent"));

    assertThat(execution.metrics()).isEmpty();
  }

  @Test
  void noopTimerMeasuresNothing() {
    PhaseTimer noop = PhaseTimer.noop();
    noop.annotate("k", "v");
    noop.close();

    assertThat(noop.isRunning()).isFalse();
    assertThat(noop.elapsedMs()).isZero();
    assertThat(noop.stop()).isEmpty();
  }

  @Test
  void systemTimeSourceIsMonotonic() {
    TimeSource system = TimeSource.system();
    long first = system.nanoTime();

    assertThat(system.nanoTime()).isGreaterThanOrEqualTo(first);
    assertThat(system.now()).isNotNull();
  }

  private static PhaseRecord phase(int id, int parentId, long start, long duration) {
    return new PhaseRecord(id, parentId, "p", null, start, duration, false, false, Map.of());
  }

  private static AggregatedMetrics aggregated(long count, double min, double max) {
    return new AggregatedMetrics(
        MetricType.LLM_PROCESSING, AggregationWindow.HOUR, count, 1, min, max, 0, 1, 1, 1);
  }

  private static ExecutionContext context(Optional<String> userId) {
    return new ExecutionContext() {
      @Override
      public String runId() {
        return "run-1";
      }

      @Override
      public String agentName() {
        return "agent";
      }

      @Override
      public Optional<String> userId() {
        return userId;
      }

      @Override
      public Map<String, Object> attributes() {
        return Map.of(ExecutionContext.CONVERSATION_ID, "c1");
      }
    };
  }
}
