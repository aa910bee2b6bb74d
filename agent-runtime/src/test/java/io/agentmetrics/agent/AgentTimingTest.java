package io.agentmetrics.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.agent.llm.FinishReason;
import io.agentmetrics.agent.llm.LlmCancelledException;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.LlmRequest;
import io.agentmetrics.agent.llm.LlmResponse;
import io.agentmetrics.agent.llm.LlmStreamListener;
import io.agentmetrics.agent.llm.SimulatedLlmClient;
import io.agentmetrics.agent.llm.SimulatedLlmConfig;
import io.agentmetrics.agent.testing.ScriptedLlm;
import io.agentmetrics.agent.testing.StreamingLlm;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.StreamTiming;
import io.agentmetrics.core.EnhancedExecutionTimingCollector;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentTimingTest {

  private final FakeTimeSource time = new FakeTimeSource();
  private final EnhancedExecutionTimingCollector timing =
      new EnhancedExecutionTimingCollector(UUID.randomUUID(), "agent", time);
  private final ExecutorService pool = Executors.newFixedThreadPool(3);
  private final LlmClient llm =
      new SimulatedLlmClient(
          SimulatedLlmConfig.builder()
              .timeToFirstToken(Duration.ZERO)
              .interTokenDelay(Duration.ZERO)
              .build());

  @AfterEach
  void close() {
    pool.shutdownNow();
    llm.close();
  }

  @Test
  void toolCallIsAToolExecutionPhaseNamedAfterTheTool() throws Exception {
    String result =
        AgentTiming.tool(
            timing,
            "web_search",
            () -> {
              time.advanceMillis(40);
              return "3 hits";
            });

    CompletedExecution done = timing.complete(ExecutionOutcome.succeeded());
    assertThat(result).isEqualTo("3 hits");
    PhaseRecord phase = phase(done, "web_search");
    assertThat(phase.category()).isEqualTo(PhaseCategory.TOOL_EXECUTION);
    assertThat(phase.metadata()).containsEntry(PhaseRecord.TOOL_NAME, "web_search");
    assertThat(done.breakdown().toolExecutionMs()).isEqualTo(40.0);
    assertThat(metrics(done, MetricType.TOOL_EXECUTION))
        .extracting(PerformanceMetric::value)
        .containsExactly(40.0);
  }

  @Test
  void failingToolIsRethrownWithItsTypeOnThePhase() {
    assertThatThrownBy(
            () ->
                AgentTiming.tool(
                    timing,
                    "web_search",
                    () -> {
                      throw new IllegalStateException("rate limited");
                    }))
        .hasMessage("rate limited");

    PhaseRecord phase = phase(timing.complete(ExecutionOutcome.succeeded()), "web_search");
    assertThat(phase.metadata())
        .containsEntry(PhaseRecord.ERROR_TYPE, IllegalStateException.class.getName());
    assertThat(phase.closedByCollector()).isFalse();
  }

  @Test
  void parallelToolsRunAsParallelTasksInsideOneToolExecutionPhase() throws Exception {
    CountDownLatch allStarted = new CountDownLatch(3);

    List<ToolResult<String>> results =
        AgentTiming.parallel(
            timing,
            pool,
            List.of(
                ToolCall.of("search", () -> together(allStarted, "found")),
                ToolCall.of("calendar", () -> together(allStarted, "free")),
                ToolCall.of(
                    "notes",
                    () -> {
                      together(allStarted, "");
                      throw new IllegalStateException("notes offline");
                    })));

    assertThat(results)
        .extracting(ToolResult::toolName)
        .containsExactly("search", "calendar", "notes");
    assertThat(results.get(0).value()).isEqualTo("found");
    assertThat(results.get(1).value()).isEqualTo("free");
    assertThat(results.get(2).isSuccess()).isFalse();
    assertThat(results.get(2).failure()).containsInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> results.get(2).value())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("notes offline");

    CompletedExecution done = timing.complete(ExecutionOutcome.succeeded());
    PhaseRecord batch = phase(done, AgentTiming.PARALLEL_TOOLS_PHASE);
    assertThat(batch.category()).isEqualTo(PhaseCategory.TOOL_EXECUTION);
    for (String tool : List.of("search", "calendar", "notes")) {
      PhaseRecord task = phase(done, tool);
      assertThat(task.parallel()).isTrue();
      assertThat(task.parentId()).isEqualTo(batch.id());
      assertThat(task.metadata()).containsEntry(PhaseRecord.TOOL_NAME, tool);
    }
    assertThat(phase(done, "notes").metadata())
        .containsEntry(PhaseRecord.ERROR_TYPE, IllegalStateException.class.getName());
  }

  @Test
  void parallelBatchCountsItsWallTimeNotTheSumOfItsCalls() throws Exception {
    CountDownLatch allStarted = new CountDownLatch(2);
    CountDownLatch timeMoved = new CountDownLatch(1);
    AgentTiming.parallel(
        timing,
        pool,
        List.of(
            ToolCall.of(
                "a",
                () -> {
                  together(allStarted, "");
                  time.advanceMillis(100);
                  timeMoved.countDown();
                  return "a";
                }),
            ToolCall.of(
                "b",
                () -> {
                  together(allStarted, "");
                  timeMoved.await(20, TimeUnit.SECONDS);
                  return "b";
                })));

    CompletedExecution done = timing.complete(ExecutionOutcome.succeeded());
    assertThat(done.breakdown().toolExecutionMs()).isEqualTo(100.0);
    assertThat(phase(done, "a").durationMs()).isEqualTo(100.0);
    assertThat(phase(done, "b").durationMs()).isEqualTo(100.0);
  }

  @Test
  void errorInAParallelToolIsRethrown() {
    assertThatThrownBy(
            () ->
                AgentTiming.parallel(
                    timing,
                    pool,
                    List.of(
                        ToolCall.of(
                            "broken",
                            () -> {
                              throw new AssertionError("bug in the tool");
                            }))))
        .isInstanceOf(AssertionError.class)
        .hasMessage("bug in the tool");
  }

  @Test
  void duplicateToolNamesInOneBatchAreRejected() {
    assertThatThrownBy(
            () ->
                AgentTiming.parallel(
                    timing,
                    pool,
                    List.of(ToolCall.of("search", () -> 1), ToolCall.of("search", () -> 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'search' twice");
  }

  @Test
  void callRejectedByTheExecutorIsAFailedResult() throws Exception {
    pool.shutdown();

    List<ToolResult<Integer>> results =
        AgentTiming.parallel(timing, pool, List.of(ToolCall.of("search", () -> 1)));

    assertThat(results.get(0).failure())
        .containsInstanceOf(java.util.concurrent.RejectedExecutionException.class);
  }

  @Test
  void streamedLlmCallRecordsTimeToFirstTokenAndTheModelMetadata() {
    time.advanceMillis(25);
    StringBuilder streamed = new StringBuilder();

    LlmResponse response =
        AgentTiming.streamLlm(
            timing,
            llm,
            LlmRequest.of("How do I learn Rust?"),
            text -> {
              streamed.append(text);
              time.advanceMillis(10);
            });

    CompletedExecution done = timing.complete(ExecutionOutcome.succeeded());
    assertThat(streamed.toString()).isEqualTo(response.text());
    assertThat(done.breakdown().ttftMs()).hasValue(25.0);
    assertThat(metrics(done, MetricType.TTFT))
        .extracting(PerformanceMetric::value)
        .containsExactly(25.0);
    PhaseRecord phase = phase(done, AgentTiming.LLM_PHASE);
    assertThat(phase.category()).isEqualTo(PhaseCategory.LLM_PROCESSING);
    assertThat(phase.durationMs()).isEqualTo(10.0 * response.outputTokens());
    assertThat(phase.metadata())
        .containsEntry(PhaseRecord.LLM_PROVIDER, "simulated")
        .containsEntry(PhaseRecord.LLM_MODEL, SimulatedLlmConfig.DEFAULT_MODEL)
        .containsEntry(PhaseRecord.LLM_INPUT_TOKENS, response.inputTokens())
        .containsEntry(PhaseRecord.LLM_OUTPUT_TOKENS, response.outputTokens());
    assertThat(metrics(done, MetricType.LLM_PROCESSING)).hasSize(1);
  }

  @Test
  void blockingLlmCallRecordsNoFirstToken() {
    LlmResponse response = AgentTiming.callLlm(timing, llm, LlmRequest.of("Rust"));

    CompletedExecution done = timing.complete(ExecutionOutcome.succeeded());
    assertThat(response.text()).isNotEmpty();
    assertThat(done.breakdown().ttftMs()).isEmpty();
    assertThat(phase(done, AgentTiming.LLM_PHASE).metadata())
        .containsEntry(PhaseRecord.LLM_OUTPUT_TOKENS, response.outputTokens());
  }

  @Test
  void failedLlmCallIsRethrownWithItsTypeOnThePhase() {
    LlmClient failing =
        StreamingLlm.of(
            "test",
            "broken",
            (request, listener) ->
                CompletableFuture.failedFuture(
                    new LlmCancelledException("test", "cancelled", null)));

    assertThatThrownBy(
            () ->
                AgentTiming.streamLlm(
                    timing, failing, LlmRequest.of("x"), LlmStreamListener.ignoring()))
        .isInstanceOf(LlmCancelledException.class);

    PhaseRecord phase = phase(timing.complete(ExecutionOutcome.succeeded()), AgentTiming.LLM_PHASE);
    assertThat(phase.metadata())
        .containsEntry(PhaseRecord.ERROR_TYPE, LlmCancelledException.class.getName())
        .containsEntry(PhaseRecord.LLM_MODEL, "broken");
  }

  @Test
  void streamedLlmCallKeepsWhenEveryChunkArrivedAndBothModels() {
    // Chunks arrive 300 ms after the call is issued, then 15 ms and 20 ms apart.
    LlmClient scripted = ScriptedLlm.gpt4oMini(time, 300, 15, 20);

    AgentTiming.streamLlm(timing, scripted, LlmRequest.of("x"), LlmStreamListener.ignoring());

    PhaseRecord phase = phase(timing.complete(ExecutionOutcome.succeeded()), AgentTiming.LLM_PHASE);
    assertThat(phase.metadata())
        .containsEntry(PhaseRecord.LLM_STREAM, true)
        .containsEntry(PhaseRecord.LLM_MODEL, "gpt-4o-mini")
        .containsEntry(PhaseRecord.LLM_RESPONSE_MODEL, "gpt-4o-mini-2024-07-18")
        .containsEntry(PhaseRecord.LLM_STREAM_TIMING, new StreamTiming(300, new double[] {15, 20}));
    assertThat(phase.durationMs()).isEqualTo(335.0);
  }

  @Test
  void chunksHandedFromThreadToThreadAreEachTimed() {
    // 100 chunks, 2 ms apart, each delivered by a task of the pool after the one before ended:
    // more chunks than the clock's first array holds, on threads that change from chunk to chunk.
    int chunkCount = 100;
    LlmClient handedOn =
        StreamingLlm.of(
            "test",
            "relay",
            (request, listener) -> {
              CompletableFuture<Void> chunks = CompletableFuture.completedFuture(null);
              for (int i = 0; i < chunkCount; i++) {
                chunks =
                    chunks.thenRunAsync(
                        () -> {
                          time.advanceMillis(2);
                          listener.onToken("x");
                        },
                        pool);
              }
              return chunks.thenApply(
                  done ->
                      new LlmResponse(
                          "x".repeat(chunkCount),
                          "relay",
                          "test",
                          1,
                          chunkCount,
                          FinishReason.STOP));
            });

    AgentTiming.streamLlm(timing, handedOn, LlmRequest.of("x"), LlmStreamListener.ignoring());

    double[] intervals = new double[chunkCount - 1];
    Arrays.fill(intervals, 2.0);
    PhaseRecord phase = phase(timing.complete(ExecutionOutcome.succeeded()), AgentTiming.LLM_PHASE);
    assertThat(phase.metadata())
        .containsEntry(PhaseRecord.LLM_STREAM_TIMING, new StreamTiming(2.0, intervals));
  }

  @Test
  void blockingLlmCallIsNotMarkedAsStreamed() {
    AgentTiming.callLlm(timing, llm, LlmRequest.of("Rust"));

    PhaseRecord phase = phase(timing.complete(ExecutionOutcome.succeeded()), AgentTiming.LLM_PHASE);
    assertThat(phase.metadata())
        .doesNotContainKeys(PhaseRecord.LLM_STREAM, PhaseRecord.LLM_STREAM_TIMING)
        .containsEntry(PhaseRecord.LLM_RESPONSE_MODEL, SimulatedLlmConfig.DEFAULT_MODEL);
  }

  @Test
  void anAnswerWithoutUsageRecordsNoTokenCounts() {
    LlmClient silent = ScriptedLlm.gpt4oMini(time, 10).withoutUsage();

    AgentTiming.streamLlm(timing, silent, LlmRequest.of("x"), LlmStreamListener.ignoring());

    PhaseRecord phase = phase(timing.complete(ExecutionOutcome.succeeded()), AgentTiming.LLM_PHASE);
    assertThat(phase.metadata())
        .doesNotContainKeys(PhaseRecord.LLM_INPUT_TOKENS, PhaseRecord.LLM_OUTPUT_TOKENS);
    assertThat(phase.isLlmCallWithUsage()).isFalse();
  }

  /** Waits until every task of the batch has started, so that they really overlap. */
  private static <T> T together(CountDownLatch allStarted, T value) throws InterruptedException {
    allStarted.countDown();
    if (!allStarted.await(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the tasks did not run in parallel");
    }
    return value;
  }

  private static PhaseRecord phase(CompletedExecution execution, String name) {
    return execution.phases().stream()
        .filter(phase -> phase.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no phase " + name + " in " + execution.phases()));
  }

  private static List<PerformanceMetric> metrics(CompletedExecution execution, MetricType type) {
    return execution.metrics().stream().filter(metric -> metric.metricType() == type).toList();
  }
}
