package io.agentmetrics.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingCollector;
import io.agentmetrics.testing.FakeTimeSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BaseAgentTest {

  private final FakeTimeSource time = new FakeTimeSource();
  private final List<CompletedExecution> reported = new CopyOnWriteArrayList<>();

  /** An agent whose steps the test supplies. */
  private final class ScriptedAgent extends BaseAgent {
    private final Step initialize;
    private final Step execute;

    ScriptedAgent(Step initialize, Step execute, List<MetricsSink> sinks, TimeSource timeSource) {
      super("scripted_agent", sinks, timeSource);
      this.initialize = initialize;
      this.execute = execute;
    }

    ScriptedAgent(Step execute) {
      this((context, timing) -> null, execute, List.of(reported::add), time);
    }

    @Override
    protected void initialize(ExecutionContext context, TimingCollector timing) throws Exception {
      initialize.run(context, timing);
    }

    @Override
    protected ExecutionResult execute(ExecutionContext context, TimingCollector timing)
        throws Exception {
      return execute.run(context, timing);
    }
  }

  @FunctionalInterface
  private interface Step {
    ExecutionResult run(ExecutionContext context, TimingCollector timing) throws Exception;
  }

  private static AgentExecutionContext context(String runId) {
    return AgentExecutionContext.builder()
        .runId(runId)
        .agentName("scripted_agent")
        .userId("user123")
        .conversationId("conv-1")
        .build();
  }

  @Test
  void runTimesInitializationAndExecutionAndReportsTheExecutionWithItsContext() {
    ScriptedAgent agent =
        new ScriptedAgent(
            (context, timing) -> {
              time.advanceMillis(20);
              return null;
            },
            (context, timing) -> {
              timing.startPhase("processing");
              time.advanceMillis(30);
              timing.stopPhase("processing");
              return ExecutionResult.success(Map.of("answer", 42));
            },
            List.of(reported::add),
            time);

    ExecutionResult result = agent.run(context("run-1"));

    assertThat(result).isEqualTo(ExecutionResult.success(Map.of("answer", 42)));
    assertThat(reported).hasSize(1);
    CompletedExecution execution = reported.get(0);
    assertThat(execution.agentName()).isEqualTo("scripted_agent");
    assertThat(execution.outcome().success()).isTrue();
    assertThat(execution.breakdown().totalMs()).isEqualTo(50.0);
    assertThat(execution.breakdown().initializationMs()).isEqualTo(20.0);
    assertThat(execution.breakdown().phasesMs())
        .containsEntry("initialization", 20.0)
        .containsEntry("execution", 30.0)
        .containsEntry("processing", 30.0);
    assertThat(execution.attributes())
        .containsEntry(CompletedExecution.RUN_ID, "run-1")
        .containsEntry(CompletedExecution.USER_ID, "user123")
        .containsEntry(ExecutionContext.CONVERSATION_ID, "conv-1");
    assertThat(execution.metrics())
        .extracting(metric -> metric.metricType())
        .contains(MetricType.INITIALIZATION, MetricType.TOTAL_EXECUTION);
  }

  @Test
  void processingIsAChildOfTheExecutionPhase() {
    new ScriptedAgent(
            (context, timing) -> {
              timing.startPhase("processing").close();
              return ExecutionResult.success(Map.of());
            })
        .run(context("run-1"));

    List<PhaseRecord> phases = reported.get(0).phases();
    PhaseRecord execution = phase(phases, BaseAgent.EXECUTION_PHASE);
    assertThat(phase(phases, "processing").parentId()).isEqualTo(execution.id());
    assertThat(phase(phases, BaseAgent.INITIALIZATION_PHASE).isRoot()).isTrue();
  }

  @Test
  void everyExecutionGetsItsOwnCollectorAndExecutionId() {
    List<TimingCollector> collectors = new CopyOnWriteArrayList<>();
    ScriptedAgent agent =
        new ScriptedAgent(
            (context, timing) -> {
              collectors.add(timing);
              return ExecutionResult.success(Map.of());
            });

    agent.run(context("run-1"));
    agent.run(context("run-2"));

    assertThat(collectors).hasSize(2).doesNotHaveDuplicates();
    assertThat(reported.get(0).executionId()).isNotEqualTo(reported.get(1).executionId());
  }

  @Test
  void concurrentExecutionsOfOneAgentAreIsolated() throws Exception {
    int threads = 8;
    int runsPerThread = 5;
    CyclicBarrier together = new CyclicBarrier(threads);
    ScriptedAgent agent =
        new ScriptedAgent(
            (context, timing) -> null,
            (context, timing) -> {
              String runId = context.runId();
              timing.startPhase("step_a_" + runId);
              // All threads are inside an execution at once, with phases running.
              together.await(20, TimeUnit.SECONDS);
              timing.startPhase("step_b_" + runId).close();
              timing.stopPhase("step_a_" + runId);
              timing.recordFirstToken();
              return ExecutionResult.success(Map.of("runId", runId));
            },
            List.of(reported::add),
            TimeSource.system());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<ExecutionResult>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  List<ExecutionResult> results = new ArrayList<>();
                  for (int r = 0; r < runsPerThread; r++) {
                    results.add(agent.run(context("run-" + thread + "-" + r)));
                  }
                  return results;
                }));
      }
      for (Future<List<ExecutionResult>> future : futures) {
        assertThat(future.get(60, TimeUnit.SECONDS)).allMatch(ExecutionResult::success);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(reported).hasSize(threads * runsPerThread);
    for (CompletedExecution execution : reported) {
      String runId = (String) execution.attributes().get(CompletedExecution.RUN_ID);
      assertThat(execution.breakdown().phasesMs().keySet())
          .containsExactly("initialization", "execution", "step_a_" + runId, "step_b_" + runId);
      assertThat(execution.breakdown().ttftMs()).isPresent();
      assertThat(execution.metrics())
          .filteredOn(metric -> metric.metricType() == MetricType.TTFT)
          .hasSize(1);
    }
    Set<UUID> ids =
        reported.stream().map(CompletedExecution::executionId).collect(Collectors.toSet());
    assertThat(ids).hasSize(threads * runsPerThread);
  }

  @Test
  void exceptionBecomesAFailedResultWithTheErrorInTheMetrics() {
    ExecutionResult result =
        new ScriptedAgent(
                (context, timing) -> {
                  time.advanceMillis(5);
                  throw new IllegalStateException("search index unavailable");
                })
            .run(context("run-1"));

    assertThat(result.success()).isFalse();
    assertThat(result.error()).contains("search index unavailable");
    CompletedExecution execution = reported.get(0);
    assertThat(execution.outcome().success()).isFalse();
    assertThat(execution.outcome().errorType()).isEqualTo(IllegalStateException.class.getName());
    assertThat(execution.outcome().errorMessage()).isEqualTo("search index unavailable");
    assertThat(execution.breakdown().phasesMs()).containsEntry("execution", 5.0);
  }

  @Test
  void failingInitializationSkipsExecute() {
    List<String> calls = new CopyOnWriteArrayList<>();
    ScriptedAgent agent =
        new ScriptedAgent(
            (context, timing) -> {
              throw new IllegalArgumentException("no model configured");
            },
            (context, timing) -> {
              calls.add("execute");
              return ExecutionResult.success(Map.of());
            },
            List.of(reported::add),
            time);

    assertThat(agent.run(context("run-1")).error()).contains("no model configured");
    assertThat(calls).isEmpty();
    assertThat(reported.get(0).breakdown().phasesMs()).containsOnlyKeys("initialization");
  }

  @Test
  void failedResultIsReportedAsAFailedOutcome() {
    ExecutionResult result =
        new ScriptedAgent((context, timing) -> ExecutionResult.failure("no plan possible"))
            .run(context("run-1"));

    assertThat(result.error()).contains("no plan possible");
    assertThat(reported.get(0).outcome().errorType()).isEqualTo(BaseAgent.FAILED_RESULT);
    assertThat(reported.get(0).outcome().errorMessage()).isEqualTo("no plan possible");
  }

  @Test
  void nullResultIsAFailureThatSaysWhatToReturn() {
    ExecutionResult result = new ScriptedAgent((context, timing) -> null).run(context("run-1"));

    assertThat(result.error())
        .hasValueSatisfying(error -> assertThat(error).contains("returned null"));
    assertThat(reported.get(0).outcome().success()).isFalse();
  }

  @Test
  void interruptedExecutionFailsAndKeepsTheInterruptFlag() {
    ExecutionResult result =
        new ScriptedAgent(
                (context, timing) -> {
                  throw new InterruptedException("shutting down");
                })
            .run(context("run-1"));

    assertThat(Thread.interrupted()).isTrue();
    assertThat(result.error()).contains("shutting down");
    assertThat(reported.get(0).outcome().errorType())
        .isEqualTo(InterruptedException.class.getName());
  }

  @Test
  void errorIsReportedThenRethrown() {
    ScriptedAgent agent =
        new ScriptedAgent(
            (context, timing) -> {
              throw new AssertionError("bug in the agent");
            });

    assertThatThrownBy(() -> agent.run(context("run-1"))).isInstanceOf(AssertionError.class);
    assertThat(reported.get(0).outcome().errorType()).isEqualTo(AssertionError.class.getName());
  }

  @Test
  void phasesLeftRunningAreClosedByTheCollector() {
    new ScriptedAgent(
            (context, timing) -> {
              timing.startPhase("forgotten");
              time.advanceMillis(10);
              return ExecutionResult.success(Map.of());
            })
        .run(context("run-1"));

    PhaseRecord forgotten = phase(reported.get(0).phases(), "forgotten");
    assertThat(forgotten.closedByCollector()).isTrue();
    assertThat(forgotten.durationMs()).isEqualTo(10.0);
  }

  @Test
  void throwingSinkIsSkippedAndTheOtherSinksStillGetTheExecution() {
    List<CompletedExecution> after = new CopyOnWriteArrayList<>();
    MetricsSink broken =
        execution -> {
          throw new IllegalStateException("exporter down");
        };
    ScriptedAgent agent =
        new ScriptedAgent(
            (context, timing) -> null,
            (context, timing) -> ExecutionResult.success(Map.of("ok", true)),
            List.of(broken, after::add),
            time);

    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    ExecutionResult result;
    try {
      result = agent.run(context("run-1"));
    } finally {
      System.setErr(original);
    }

    assertThat(result.success()).isTrue();
    assertThat(after).hasSize(1);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains(
            "WARN", "Metrics sink", broken.getClass().getName(), "scripted_agent", "exporter down");
  }

  @Test
  void agentWithoutSinksStillRuns() {
    BaseAgent agent =
        new BaseAgent("lonely") {
          @Override
          protected ExecutionResult execute(ExecutionContext context, TimingCollector timing) {
            return ExecutionResult.success(Map.of("name", name()));
          }
        };

    assertThat(agent.run(context("run-1")).data()).containsEntry("name", "lonely");
    assertThat(agent.sinks()).isEmpty();
  }

  @Test
  void loggerIsNamedAfterTheConcreteClass() {
    ScriptedAgent agent = new ScriptedAgent((context, timing) -> ExecutionResult.success(Map.of()));

    assertThat(agent.logger().getName()).isEqualTo(ScriptedAgent.class.getName());
    assertThat(agent.name()).isEqualTo("scripted_agent");
  }

  @Test
  void blankNameIsRejected() {
    assertThatThrownBy(
            () ->
                new BaseAgent(" ") {
                  @Override
                  protected ExecutionResult execute(
                      ExecutionContext context, TimingCollector timing) {
                    return ExecutionResult.success(Map.of());
                  }
                })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank");
  }

  private static PhaseRecord phase(List<PhaseRecord> phases, String name) {
    return phases.stream()
        .filter(phase -> phase.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no phase " + name + " in " + phases));
  }
}
