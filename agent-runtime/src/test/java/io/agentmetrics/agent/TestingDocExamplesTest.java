package io.agentmetrics.agent;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseTimer;
import io.agentmetrics.api.TimingCollector;
import io.agentmetrics.api.testing.DocSnippets;
import io.agentmetrics.testing.BreakdownAssert;
import io.agentmetrics.testing.FakeTimeSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Runs the Java examples of docs/testing.md. The sink example and its contract test are {@link
 * OutcomeCounter} and {@link OutcomeCounterContractTest}; the collector example is metrics-core's
 * own contract test of the enhanced collector.
 */
class TestingDocExamplesTest {

  @Test
  void pageMatchesTheseExamples() {
    DocSnippets.assertPageMatches(
        Path.of("../docs/testing.md"),
        Path.of("src/test/java/io/agentmetrics/agent/TestingDocExamplesTest.java"),
        Path.of("src/test/java/io/agentmetrics/agent/OutcomeCounter.java"),
        Path.of("src/test/java/io/agentmetrics/agent/OutcomeCounterContractTest.java"),
        Path.of(
            "../metrics-core/src/test/java/io/agentmetrics/core/"
                + "EnhancedExecutionTimingCollectorContractTest.java"));
  }

  @Test
  @SuppressWarnings("try") // the timer is closed by try-with-resources, never read
  void agentTimingsWithAFakeClock() {
    // snippet: agent-timings
    FakeTimeSource time = new FakeTimeSource();
    List<CompletedExecution> reported = new CopyOnWriteArrayList<>();
    BaseAgent agent =
        new BaseAgent("answering_agent", List.of(reported::add), time) {
          @Override
          protected ExecutionResult execute(ExecutionContext context, TimingCollector timing) {
            try (PhaseTimer ignored = timing.startPhase("llm_processing")) {
              time.advanceMillis(120); // the model thinks
              timing.recordFirstToken();
              time.advanceMillis(130); // and streams the rest
            }
            return ExecutionResult.success(Map.of());
          }
        };

    agent.run(AgentExecutionContext.builder().runId("run-1").agentName("answering_agent").build());

    BreakdownAssert.assertThat(reported.get(0).breakdown())
        .hasTotalMs(250.0)
        .hasCategoryMs(PhaseCategory.LLM_PROCESSING, 250.0)
        .hasTtftMs(120.0)
        .hasOverheadMs(0.0)
        .hasPhasesInOrder("initialization", "execution", "llm_processing");
    // end-snippet
  }
}
