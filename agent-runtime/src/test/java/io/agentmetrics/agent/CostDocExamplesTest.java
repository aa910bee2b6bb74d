package io.agentmetrics.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.LlmRequest;
import io.agentmetrics.agent.llm.LlmStreamListener;
import io.agentmetrics.agent.llm.PriceTable;
import io.agentmetrics.agent.testing.ScriptedLlm;
import io.agentmetrics.aggregator.AggregatedSeries;
import io.agentmetrics.aggregator.AggregatorConfig;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.aggregator.NamedMetric;
import io.agentmetrics.aggregator.Slo;
import io.agentmetrics.aggregator.SloStatus;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingCollector;
import io.agentmetrics.api.testing.DocSnippets;
import io.agentmetrics.core.EnhancedExecutionTimingCollector;
import io.agentmetrics.testing.FakeTimeSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Compiles and runs every Java example of docs/cost.md, and checks the page still matches. */
class CostDocExamplesTest {

  private final FakeTimeSource time = new FakeTimeSource();

  @Test
  void pageMatchesTheseExamples() {
    DocSnippets.assertPageMatches(
        Path.of("../docs/cost.md"),
        Path.of("src/test/java/io/agentmetrics/agent/CostDocExamplesTest.java"));
  }

  @Test
  void pricesFromTheEnvironment() {
    // snippet: prices
    // The built-in prices, overridden by LLM_PRICE_FILE and then LLM_PRICES
    PriceTable prices = PriceTable.fromEnvironment(System.getenv());

    // 812 input and 96 output tokens of gpt-4o-mini ($0.15 and $0.60 per million)
    OptionalDouble cost = prices.costUsd("gpt-4o-mini-2024-07-18", 812, 96);
    // end-snippet

    // 812 x 0.15 / 1e6 + 96 x 0.60 / 1e6 = 0.0001218 + 0.0000576, unless the environment
    // overrides gpt-4o-mini.
    if (System.getenv(PriceTable.LLM_PRICES) == null
        && System.getenv(PriceTable.LLM_PRICE_FILE) == null) {
      assertThat(cost.orElseThrow()).isCloseTo(0.0001794, within(1e-12));
    }
  }

  @Test
  void anAgentWithItsOwnPrices() {
    List<CompletedExecution> reported = new CopyOnWriteArrayList<>();
    PlannerAgent agent =
        new PlannerAgent(
            ScriptedLlm.gpt4oMini(time, 100),
            List.of(reported::add),
            PriceTable.parse("gpt-4o-mini=0.2:0.8"));

    agent.run(AgentExecutionContext.of("run-1", "planner"));

    // 812 x 0.2 / 1e6 + 96 x 0.8 / 1e6 = 0.0001624 + 0.0000768.
    assertThat(reported.get(0).llmUsage().costUsd()).isCloseTo(0.0002392, within(1e-12));
  }

  // snippet: agent-prices
  final class PlannerAgent extends BaseAgent {
    private final LlmClient llm;

    PlannerAgent(LlmClient llm, List<MetricsSink> sinks, PriceTable prices) {
      super("planner", sinks, TimeSource.system(), prices);
      this.llm = llm;
    }

    @Override
    protected ExecutionResult execute(ExecutionContext context, TimingCollector timing) {
      // Tokens land on the phase; the cost is added from them when the execution completes.
      String plan =
          AgentTiming.streamLlm(
                  timing, llm, LlmRequest.of("Plan my week"), LlmStreamListener.ignoring())
              .text();
      return ExecutionResult.success(Map.of("plan", plan));
    }
  }

  // end-snippet

  @Test
  void pricingAnExecutionCompletedElsewhere() {
    TimingCollector collector = plannerCall();
    PriceTable prices = PriceTable.defaults();

    // snippet: price-execution
    CompletedExecution completed = collector.complete(ExecutionOutcome.succeeded());
    CompletedExecution priced = ExecutionCosts.price(completed, prices);
    double costUsd = priced.llmUsage().costUsd();
    // end-snippet

    assertThat(costUsd).isCloseTo(ScriptedLlm.GPT_4O_MINI_COST_USD, within(1e-12));
  }

  @Test
  void costPerTaskInTheAggregator() {
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), time);
    // Three tasks of 812 / 96 tokens at gpt-4o-mini's price: $0.0001794 each.
    for (int task = 0; task < 3; task++) {
      aggregator.onExecutionCompleted(
          ExecutionCosts.price(
              plannerCall().complete(ExecutionOutcome.succeeded()), PriceTable.defaults()));
    }

    // snippet: cost-per-task
    Optional<AggregatedSeries> cost =
        aggregator.getAggregatedMetrics("cost_usd", AggregationWindow.HOUR);
    cost.ifPresent(
        perTask ->
            System.out.printf(
                "cost per task: p50 $%.6f  p95 $%.6f  p99 $%.6f%n",
                perTask.p50(), perTask.p95(), perTask.p99()));

    Optional<SloStatus> objective =
        aggregator.checkSlo(Slo.atMost(NamedMetric.COST_USD, 95, 0.01, AggregationWindow.HOUR));
    boolean withinBudget = objective.map(SloStatus::met).orElse(true);
    // end-snippet

    assertThat(cost.orElseThrow().count()).isEqualTo(3);
    assertThat(cost.orElseThrow().p95()).isCloseTo(ScriptedLlm.GPT_4O_MINI_COST_USD, within(1e-7));
    assertThat(withinBudget).isTrue();
  }

  /** An execution of one gpt-4o-mini call of 812 input and 96 output tokens. */
  private TimingCollector plannerCall() {
    TimingCollector collector =
        new EnhancedExecutionTimingCollector(UUID.randomUUID(), "planner", time);
    AgentTiming.streamLlm(
        collector,
        ScriptedLlm.gpt4oMini(time, 50),
        LlmRequest.of("x"),
        LlmStreamListener.ignoring());
    return collector;
  }
}
