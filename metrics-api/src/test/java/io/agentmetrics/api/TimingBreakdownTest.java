package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimingBreakdownTest {

  @Test
  void builderSetsEveryFieldAndSumsRepeatedPhases() {
    TimingBreakdown breakdown =
        TimingBreakdown.builder()
            .totalMs(1000)
            .categoryMs(PhaseCategory.INITIALIZATION, 1)
            .categoryMs(PhaseCategory.TOOL_EXECUTION, 2)
            .categoryMs(PhaseCategory.LLM_PROCESSING, 3)
            .categoryMs(PhaseCategory.WEBSOCKET_NOTIFICATION, 4)
            .categoryMs(PhaseCategory.DATABASE_QUERY, 5)
            .categoryMs(PhaseCategory.EXTERNAL_API, 6)
            .categoryMs(PhaseCategory.QUEUE_WAIT, 7)
            .overheadMs(250)
            .ttftMs(120)
            .addPhaseMs("b", 10)
            .addPhaseMs("a", 5)
            .addPhaseMs("b", 2.5)
            .build();

    assertThat(breakdown.totalMs()).isEqualTo(1000);
    assertThat(breakdown.initializationMs()).isEqualTo(1);
    assertThat(breakdown.toolExecutionMs()).isEqualTo(2);
    assertThat(breakdown.llmProcessingMs()).isEqualTo(3);
    assertThat(breakdown.websocketNotificationMs()).isEqualTo(4);
    assertThat(breakdown.databaseQueryMs()).isEqualTo(5);
    assertThat(breakdown.externalApiMs()).isEqualTo(6);
    assertThat(breakdown.queueWaitMs()).isEqualTo(7);
    assertThat(breakdown.overheadMs()).isEqualTo(250);
    assertThat(breakdown.ttftMs()).hasValue(120);
    assertThat(breakdown.phasesMs()).containsExactly(Map.entry("b", 12.5), Map.entry("a", 5.0));
    assertThat(breakdown.calculateEfficiency()).isEqualTo(75.0);
  }

  @ParameterizedTest
  @EnumSource(PhaseCategory.class)
  void categoryMsReadsTheMatchingAccessor(PhaseCategory category) {
    TimingBreakdown breakdown =
        TimingBreakdown.builder().totalMs(100).categoryMs(category, 42).build();

    assertThat(breakdown.categoryMs(category)).isEqualTo(42);
    assertThat(breakdown.categoriesMs()).hasSize(PhaseCategory.values().length);
    assertThat(breakdown.categoriesMs()).containsEntry(category, 42.0);
  }

  @Test
  void emptyBreakdownIsFullyEfficient() {
    TimingBreakdown empty = TimingBreakdown.empty();

    assertThat(empty.totalMs()).isZero();
    assertThat(empty.ttftMs()).isEmpty();
    assertThat(empty.phasesMs()).isEmpty();
    assertThat(empty.calculateEfficiency()).isEqualTo(100.0);
  }

  @Test
  void allOverheadIsZeroPercentEfficient() {
    assertThat(TimingBreakdown.builder().totalMs(50).overheadMs(50).build().calculateEfficiency())
        .isZero();
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
  void invalidDurationsAreRejectedNamingTheField(double bad) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TimingBreakdown.builder().totalMs(bad).build())
        .withMessageStartingWith("totalMs must be a finite, non-negative number");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> TimingBreakdown.builder().categoryMs(PhaseCategory.EXTERNAL_API, bad).build())
        .withMessageStartingWith("externalApiMs must");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TimingBreakdown.builder().ttftMs(bad).build())
        .withMessageStartingWith("ttftMs must");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TimingBreakdown.builder().addPhaseMs("load", bad).build())
        .withMessageStartingWith("phasesMs[load] must");
  }

  @Test
  void overheadMustNotExceedTheTotal() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TimingBreakdown.builder().totalMs(10).overheadMs(11).build())
        .withMessage("overheadMs must not exceed totalMs, got 11.0 > 10.0");
  }

  @Test
  void nullsAreRejectedNamingTheField() {
    assertThatNullPointerException()
        .isThrownBy(() -> new TimingBreakdown(0, 0, 0, 0, 0, 0, 0, 0, 0, null, Map.of()))
        .withMessage("ttftMs");
    assertThatNullPointerException()
        .isThrownBy(
            () -> new TimingBreakdown(0, 0, 0, 0, 0, 0, 0, 0, 0, OptionalDouble.empty(), null))
        .withMessage("phasesMs");
    assertThatNullPointerException()
        .isThrownBy(() -> TimingBreakdown.builder().addPhaseMs(null, 1))
        .withMessage("name");
  }

  @Test
  void phasesMapIsAnUnmodifiableCopy() {
    java.util.Map<String, Double> phases = new java.util.LinkedHashMap<>();
    phases.put("a", 1.0);
    TimingBreakdown breakdown =
        new TimingBreakdown(1, 0, 0, 0, 0, 0, 0, 0, 0, OptionalDouble.empty(), phases);
    phases.put("b", 2.0);

    assertThat(breakdown.phasesMs()).containsOnlyKeys("a");
    assertThat(breakdown.phasesMs()).isUnmodifiable();
  }

  @Test
  void carriesTheExecutionItsCollectorSetAndNoneWhenBuiltByHand() {
    UUID id = UUID.randomUUID();

    assertThat(TimingBreakdown.builder().executionId(id).build().executionId()).isEqualTo(id);
    assertThat(TimingBreakdown.builder().build().executionId()).isNull();
    assertThat(
            new TimingBreakdown(1, 0, 0, 0, 0, 0, 0, 0, 0, OptionalDouble.empty(), Map.of())
                .executionId())
        .isNull();
  }
}
