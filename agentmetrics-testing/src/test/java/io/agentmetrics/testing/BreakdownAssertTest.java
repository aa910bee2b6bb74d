package io.agentmetrics.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.byLessThan;
import static org.assertj.core.api.Assertions.within;

import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.TimingBreakdown;
import org.junit.jupiter.api.Test;

class BreakdownAssertTest {

  /** 500 ms: initialization 100, a 300 ms tool, 100 ms of glue; first token at 120 ms. */
  private final TimingBreakdown breakdown =
      TimingBreakdown.builder()
          .totalMs(500)
          .addPhaseMs("initialization", 100)
          .addPhaseMs("search", 300)
          .addPhaseMs("glue", 100)
          .categoryMs(PhaseCategory.INITIALIZATION, 100)
          .categoryMs(PhaseCategory.TOOL_EXECUTION, 300)
          .overheadMs(100)
          .ttftMs(120.004)
          .build();

  @Test
  void matchingBreakdownPassesEveryCheck() {
    assertThatCode(
            () ->
                BreakdownAssert.assertThat(breakdown)
                    .hasTotalMs(500)
                    .hasOverheadMs(100)
                    .hasCategoryMs(PhaseCategory.TOOL_EXECUTION, 300)
                    .hasCategoryMs(PhaseCategory.LLM_PROCESSING, 0)
                    .hasPhase("search")
                    .hasPhase("search", 300)
                    .hasPhase("glue", 100.4, within(0.5))
                    .doesNotHavePhase("llm_processing")
                    .hasPhasesInOrder("initialization", "search", "glue")
                    .hasTtftMs(120.0, within(0.01))
                    .hasEfficiency(80.0, within(1e-9)))
        .doesNotThrowAnyException();
  }

  @Test
  void wrongTotalFailsNamingBothValuesAndShowingTheBreakdown() {
    assertThatThrownBy(() -> BreakdownAssert.assertThat(breakdown).hasTotalMs(400))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected totalMs to be <400.0> ms (exactly) but it was <500.0> ms")
        .hasMessageContaining("in the breakdown TimingBreakdown[totalMs=500.0");
  }

  @Test
  void exactComparisonsDoNotRound() {
    assertThatThrownBy(() -> BreakdownAssert.assertThat(breakdown).hasTtftMs(120.0))
        .hasMessageContaining("Expected ttftMs to be <120.0> ms (exactly) but it was <120.004> ms");
  }

  @Test
  void offsetsAreHonouredStrictlyWhenAskedTo() {
    assertThatCode(() -> BreakdownAssert.assertThat(breakdown).hasPhase("glue", 101, within(1.0)))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> BreakdownAssert.assertThat(breakdown).hasPhase("glue", 101, byLessThan(1.0)))
        .hasMessageContaining(
            "Expected phase 'glue' to be <101.0> ms (strictly within 1.0) but it was <100.0> ms");
  }

  @Test
  void wrongCategoryFailsNamingTheCategory() {
    assertThatThrownBy(
            () ->
                BreakdownAssert.assertThat(breakdown)
                    .hasCategoryMs(PhaseCategory.TOOL_EXECUTION, 250, within(10.0)))
        .hasMessageContaining(
            "Expected tool_execution to be <250.0> ms (within 10.0) but it was <300.0> ms");
  }

  @Test
  void missingPhaseFailsListingThePhasesThatRan() {
    assertThatThrownBy(() -> BreakdownAssert.assertThat(breakdown).hasPhase("plan", 10))
        .hasMessageContaining(
            "Expected a phase named <plan> but the phases were <[initialization, search, glue]>");
  }

  @Test
  void unexpectedPhaseFailsWithItsDuration() {
    assertThatThrownBy(() -> BreakdownAssert.assertThat(breakdown).doesNotHavePhase("search"))
        .hasMessageContaining("Expected no phase named <search> but it lasted <300.0> ms");
  }

  @Test
  void phasesInAnotherOrderOrMissingOneFail() {
    assertThatThrownBy(
            () ->
                BreakdownAssert.assertThat(breakdown)
                    .hasPhasesInOrder("search", "initialization", "glue"))
        .hasMessageContaining("but they were <[initialization, search, glue]>");
    assertThatThrownBy(
            () ->
                BreakdownAssert.assertThat(breakdown).hasPhasesInOrder("initialization", "search"))
        .hasMessageContaining("Expected exactly the phases <[initialization, search]>");
  }

  @Test
  void timeToFirstTokenMustBeThereOrAbsentAsAsserted() {
    TimingBreakdown withoutTtft = TimingBreakdown.empty();

    assertThatCode(() -> BreakdownAssert.assertThat(withoutTtft).hasNoTtft())
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> BreakdownAssert.assertThat(withoutTtft).hasTtftMs(120))
        .hasMessageContaining("Expected a time to first token of <120.0> ms but none was recorded");
    assertThatThrownBy(() -> BreakdownAssert.assertThat(breakdown).hasNoTtft())
        .hasMessageContaining("Expected no time to first token but it was <120.004> ms");
  }

  @Test
  void wrongEfficiencyFails() {
    assertThatThrownBy(() -> BreakdownAssert.assertThat(breakdown).hasEfficiency(90.0, within(1.0)))
        .hasMessageContaining("Expected an efficiency of <90.0>% (within 1.0) but it was <80.0>%");
  }

  @Test
  void nullBreakdownFailsAsAssertJDoes() {
    assertThatThrownBy(() -> BreakdownAssert.assertThat(null).hasTotalMs(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }
}
