package io.agentmetrics.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentmetrics.agent.llm.LlmRequest;
import io.agentmetrics.agent.llm.LlmStreamListener;
import io.agentmetrics.agent.llm.ModelPrice;
import io.agentmetrics.agent.llm.PriceTable;
import io.agentmetrics.agent.testing.ScriptedLlm;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.api.TimingCollector;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ExecutionCostsTest {

  private final FakeTimeSource time = new FakeTimeSource();

  @Test
  void anAgentsLlmCallsArePricedBeforeItsSinksSeeThem() {
    // gpt-4o-mini at $0.15 / $0.60 per million: 812 input tokens cost 812 x 0.15 / 1e6 =
    // $0.0001218 and 96 output tokens 96 x 0.60 / 1e6 = $0.0000576, $0.0001794 in all.
    List<CompletedExecution> reported = new CopyOnWriteArrayList<>();
    BaseAgent agent = new LlmAgent(List.of(reported::add), time, PriceTable.defaults());

    agent.run(AgentExecutionContext.of("run-1", "llm_agent"));

    PhaseRecord llm = llmPhase(reported.get(0));
    assertThat(llm.amount(PhaseRecord.LLM_COST_USD).orElseThrow())
        .isCloseTo(0.0001794, within(1e-12));
    assertThat(reported.get(0).llmUsage().priced()).isTrue();
    assertThat(agent.prices()).isEqualTo(PriceTable.defaults());
  }

  @Test
  void aModelWithoutAPriceStaysUnpriced() {
    List<CompletedExecution> reported = new CopyOnWriteArrayList<>();
    new LlmAgent(List.of(reported::add), time, PriceTable.empty())
        .run(AgentExecutionContext.of("run-1", "llm_agent"));

    assertThat(llmPhase(reported.get(0)).metadata()).doesNotContainKey(PhaseRecord.LLM_COST_USD);
    assertThat(reported.get(0).llmUsage().unpricedCalls()).isEqualTo(1);
  }

  @Test
  void theAnsweringModelIsPricedBeforeTheOneAskedFor() {
    PriceTable prices =
        PriceTable.of(
            Map.of("asked", new ModelPrice(1, 1), "answered", new ModelPrice(1_000, 1_000)));
    CompletedExecution execution =
        execution(
            llm(
                0,
                Map.of(
                    PhaseRecord.LLM_MODEL,
                    "asked",
                    PhaseRecord.LLM_RESPONSE_MODEL,
                    "answered",
                    PhaseRecord.LLM_INPUT_TOKENS,
                    1_000,
                    PhaseRecord.LLM_OUTPUT_TOKENS,
                    0)));

    // 1,000 tokens at $1,000 per million: $1.
    assertThat(ExecutionCosts.price(execution, prices).llmUsage().costUsd())
        .isCloseTo(1.0, within(1e-12));
  }

  @Test
  void aCostAlreadyThereIsKeptAndNothingToPriceReturnsTheSameExecution() {
    CompletedExecution costed =
        execution(
            llm(
                0,
                Map.of(
                    PhaseRecord.LLM_MODEL,
                    "gpt-4o",
                    PhaseRecord.LLM_INPUT_TOKENS,
                    10,
                    PhaseRecord.LLM_COST_USD,
                    0.5)));

    assertThat(ExecutionCosts.price(costed, PriceTable.defaults())).isSameAs(costed);
  }

  private static PhaseRecord llmPhase(CompletedExecution execution) {
    return execution.phases().stream()
        .filter(phase -> phase.category() == PhaseCategory.LLM_PROCESSING)
        .findFirst()
        .orElseThrow();
  }

  private static PhaseRecord llm(int id, Map<String, Object> metadata) {
    return new PhaseRecord(
        id, PhaseRecord.ROOT, "llm", PhaseCategory.LLM_PROCESSING, 0, 1, false, false, metadata);
  }

  private static CompletedExecution execution(PhaseRecord... phases) {
    return new CompletedExecution(
        UUID.randomUUID(),
        "a",
        Instant.EPOCH,
        TimingBreakdown.empty(),
        List.of(),
        List.of(phases),
        ExecutionOutcome.succeeded(),
        Map.of());
  }

  /** Streams one dated gpt-4o-mini answer of 812 input and 96 output tokens. */
  private static final class LlmAgent extends BaseAgent {
    private final FakeTimeSource time;

    LlmAgent(List<MetricsSink> sinks, FakeTimeSource time, PriceTable prices) {
      super("llm_agent", sinks, time, prices);
      this.time = time;
    }

    @Override
    protected ExecutionResult execute(ExecutionContext context, TimingCollector timing) {
      AgentTiming.streamLlm(
          timing,
          ScriptedLlm.gpt4oMini(time, 100),
          LlmRequest.of("x"),
          LlmStreamListener.ignoring());
      return ExecutionResult.success(Map.of());
    }
  }
}
