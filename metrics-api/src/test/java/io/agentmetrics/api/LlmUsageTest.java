package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LlmUsageTest {

  @Test
  void sumsTheTokensAndCostOfTheLlmCallsThatReportedUsage() {
    // 812 + 188 = 1,000 input tokens; 96 + "24" = 120 output; $0.000218 + $0.000052 = $0.00027.
    List<PhaseRecord> phases =
        List.of(
            phase(0, PhaseCategory.LLM_PROCESSING, usage(812, 96, 0.000218)),
            phase(1, PhaseCategory.TOOL_EXECUTION, Map.of(PhaseRecord.TOOL_NAME, "search")),
            phase(
                2,
                PhaseCategory.LLM_PROCESSING,
                Map.of(
                    PhaseRecord.LLM_INPUT_TOKENS,
                    188L,
                    PhaseRecord.LLM_OUTPUT_TOKENS,
                    "24",
                    PhaseRecord.LLM_COST_USD,
                    0.000052)),
            phase(3, PhaseCategory.LLM_PROCESSING, Map.of(PhaseRecord.LLM_MODEL, "no-usage")));

    LlmUsage usage = LlmUsage.of(phases);

    assertThat(usage.calls()).isEqualTo(2);
    assertThat(usage.inputTokens()).isEqualTo(1_000);
    assertThat(usage.outputTokens()).isEqualTo(120);
    assertThat(usage.costUsd()).isCloseTo(0.00027, within(1e-12));
    assertThat(usage.priced()).isTrue();
  }

  @Test
  void aCallWithoutACostMakesTheExecutionUnpriced() {
    LlmUsage usage =
        LlmUsage.of(
            List.of(
                phase(0, PhaseCategory.LLM_PROCESSING, usage(100, 10, 0.001)),
                phase(
                    1,
                    PhaseCategory.LLM_PROCESSING,
                    Map.of(PhaseRecord.LLM_INPUT_TOKENS, 50, PhaseRecord.LLM_OUTPUT_TOKENS, 5))));

    assertThat(usage.calls()).isEqualTo(2);
    assertThat(usage.unpricedCalls()).isEqualTo(1);
    assertThat(usage.inputTokens()).isEqualTo(150);
    assertThat(usage.priced()).isFalse();
  }

  @Test
  void anExecutionWithoutLlmCallsHasNoUsage() {
    assertThat(LlmUsage.of(List.of())).isEqualTo(LlmUsage.none());
    assertThat(LlmUsage.none().priced()).isFalse();
  }

  @Test
  void metadataThatIsNotACountIsIgnored() {
    PhaseRecord phase =
        phase(
            0,
            PhaseCategory.LLM_PROCESSING,
            Map.of(
                PhaseRecord.LLM_INPUT_TOKENS,
                -3,
                PhaseRecord.LLM_OUTPUT_TOKENS,
                2.5,
                PhaseRecord.LLM_COST_USD,
                "free",
                PhaseRecord.LLM_MODEL,
                " "));

    assertThat(phase.count(PhaseRecord.LLM_INPUT_TOKENS)).isEmpty();
    assertThat(phase.count(PhaseRecord.LLM_OUTPUT_TOKENS)).isEmpty();
    assertThat(phase.amount(PhaseRecord.LLM_COST_USD)).isEmpty();
    assertThat(phase.amount(PhaseRecord.LLM_OUTPUT_TOKENS)).hasValue(2.5);
    assertThat(phase.text(PhaseRecord.LLM_MODEL)).isEmpty();
    assertThat(phase.isLlmCallWithUsage()).isFalse();
  }

  @Test
  void rejectsImpossibleUsage() {
    assertThatThrownBy(() -> new LlmUsage(1, 0, 0, 0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unpricedCalls must not exceed calls, got 2 > 1");
    assertThatThrownBy(() -> new LlmUsage(1, -1, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inputTokens must not be negative, got -1");
  }

  @Test
  void aCompletedExecutionReadsItsOwnPhases() {
    CompletedExecution execution =
        new CompletedExecution(
            UUID.randomUUID(),
            "a",
            Instant.EPOCH,
            TimingBreakdown.empty(),
            List.of(),
            List.of(phase(0, PhaseCategory.LLM_PROCESSING, usage(10, 20, 0.5))),
            ExecutionOutcome.succeeded(),
            Map.of());

    assertThat(execution.llmUsage()).isEqualTo(new LlmUsage(1, 10, 20, 0.5, 0));
  }

  private static Map<String, Object> usage(long input, long output, double cost) {
    return Map.of(
        PhaseRecord.LLM_INPUT_TOKENS,
        input,
        PhaseRecord.LLM_OUTPUT_TOKENS,
        output,
        PhaseRecord.LLM_COST_USD,
        cost);
  }

  @Test
  void sumsStopAtTheLargestValueInsteadOfOverflowing() {
    List<PhaseRecord> phases =
        List.of(
            phase(0, PhaseCategory.LLM_PROCESSING, usage(Long.MAX_VALUE, 1, Double.MAX_VALUE)),
            phase(1, PhaseCategory.LLM_PROCESSING, usage(Long.MAX_VALUE, 1, Double.MAX_VALUE)));

    LlmUsage usage = LlmUsage.of(phases);

    assertThat(usage.inputTokens()).isEqualTo(Long.MAX_VALUE);
    assertThat(usage.outputTokens()).isEqualTo(2);
    assertThat(usage.costUsd()).isEqualTo(Double.MAX_VALUE);
  }

  private static PhaseRecord phase(int id, PhaseCategory category, Map<String, Object> metadata) {
    return new PhaseRecord(
        id, PhaseRecord.ROOT, "call-" + id, category, 0, 1_000, false, false, metadata);
  }
}
