package io.agentmetrics.agent;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.LlmRequest;
import io.agentmetrics.agent.llm.LlmResponse;
import io.agentmetrics.agent.llm.LlmStreamListener;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.PhaseTimer;
import io.agentmetrics.api.StreamTiming;
import io.agentmetrics.api.TimingCollector;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Times what agents do all the time: tool calls, tool calls in parallel, and LLM calls, with the
 * categories and metadata the breakdown, the aggregator and the OpenTelemetry bridge expect.
 *
 * <ul>
 *   <li>{@link #tool}: a {@link MetricType#TOOL_EXECUTION} phase named after the tool, with {@link
 *       PhaseRecord#TOOL_NAME}.
 *   <li>{@link #parallel}: one {@link MetricType#TOOL_EXECUTION} phase around the batch (its wall
 *       time, so overlapping calls are not summed), marked {@link PhaseRecord#TOOL_BATCH}, with a
 *       parallel task per call carrying its {@link PhaseRecord#TOOL_NAME}.
 *   <li>{@link #streamLlm} and {@link #callLlm}: a {@link MetricType#LLM_PROCESSING} phase with the
 *       provider, the model asked and the model that answered, and the token counts the provider
 *       reported ({@link PhaseRecord#LLM_PROVIDER} and friends). A streamed call is marked {@link
 *       PhaseRecord#LLM_STREAM}, records the execution's time to first token when the first piece
 *       of text arrives, and keeps when every chunk arrived as a {@link StreamTiming}. Cost is
 *       added from the token counts when the execution completes (see {@link ExecutionCosts}).
 * </ul>
 *
 * <p>Phase names identify running phases, so two calls that overlap within one execution need
 * different names: {@link #parallel} requires distinct tool names, and the LLM methods take a phase
 * name for concurrent calls. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class AgentTiming {

  /** The phase name of LLM calls: the LLM category's id. */
  public static final String LLM_PHASE = PhaseCategory.LLM_PROCESSING.id();

  /** The phase name of a {@link #parallel} batch. */
  public static final String PARALLEL_TOOLS_PHASE = "parallel_tools";

  private AgentTiming() {}

  /**
   * Calls a tool inside a {@link MetricType#TOOL_EXECUTION} phase named {@code toolName}.
   *
   * @return what the tool returned
   * @throws Exception whatever the tool throws; the phase records its type under {@link
   *     PhaseRecord#ERROR_TYPE}
   */
  public static <T> T tool(TimingCollector timing, String toolName, Callable<? extends T> call)
      throws Exception {
    requireNonNull(call, "call");
    PhaseTimer phase =
        timing.measure(requireNonNull(toolName, "toolName"), MetricType.TOOL_EXECUTION);
    phase.annotate(PhaseRecord.TOOL_NAME, toolName);
    try {
      return call.call();
    } catch (Exception | Error e) {
      phase.annotate(PhaseRecord.ERROR_TYPE, e.getClass().getName());
      throw e;
    } finally {
      phase.close();
    }
  }

  /**
   * Runs tool calls in parallel on {@code executor} inside a {@value #PARALLEL_TOOLS_PHASE} phase,
   * each tracked as a parallel task, and waits for all of them.
   *
   * @return one result per call, in the order of {@code calls}; a call that threw an exception (or
   *     that the executor rejected) is a failed result; an {@link Error} is rethrown
   * @throws IllegalArgumentException if two calls have the same tool name
   * @throws InterruptedException if the waiting thread is interrupted; calls not yet started are
   *     skipped, and calls already running finish in the background
   */
  public static <T> List<ToolResult<T>> parallel(
      TimingCollector timing, Executor executor, List<ToolCall<? extends T>> calls)
      throws InterruptedException {
    return parallel(timing, PARALLEL_TOOLS_PHASE, executor, calls);
  }

  /**
   * {@link #parallel(TimingCollector, Executor, List)} with a batch phase named {@code batchName},
   * for batches that overlap within one execution.
   */
  public static <T> List<ToolResult<T>> parallel(
      TimingCollector timing,
      String batchName,
      Executor executor,
      List<ToolCall<? extends T>> calls)
      throws InterruptedException {
    requireNonNull(executor, "executor");
    List<ToolCall<? extends T>> copy = List.copyOf(calls);
    Set<String> names = new HashSet<>();
    for (ToolCall<? extends T> call : copy) {
      if (!names.add(call.toolName())) {
        throw new IllegalArgumentException(
            "tool names in one parallel batch must be distinct, got '"
                + call.toolName()
                + "' twice; name the calls apart, for example search_1 and search_2");
      }
    }
    List<CompletableFuture<ToolResult<T>>> futures = new ArrayList<>(copy.size());
    PhaseTimer batch =
        timing.measure(requireNonNull(batchName, "batchName"), MetricType.TOOL_EXECUTION);
    batch.annotate(PhaseRecord.TOOL_BATCH, true);
    try {
      for (ToolCall<? extends T> call : copy) {
        futures.add(submit(timing, executor, call));
      }
      List<ToolResult<T>> results = new ArrayList<>(futures.size());
      for (CompletableFuture<ToolResult<T>> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      futures.forEach(future -> future.cancel(true));
      throw e;
    } catch (ExecutionException e) {
      // runTask turns every exception into a result, so only an Error gets here.
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("a tool task failed outside its own error handling", e);
    } finally {
      batch.close();
    }
  }

  private static <T> CompletableFuture<ToolResult<T>> submit(
      TimingCollector timing, Executor executor, ToolCall<? extends T> call) {
    try {
      return CompletableFuture.supplyAsync(() -> runTask(timing, call), executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(ToolResult.failure(call.toolName(), e, 0));
    }
  }

  private static <T> ToolResult<T> runTask(TimingCollector timing, ToolCall<? extends T> call) {
    PhaseTimer task = timing.startParallelTask(call.toolName());
    task.annotate(PhaseRecord.TOOL_NAME, call.toolName());
    try {
      T value = call.call().call();
      task.stop();
      return ToolResult.success(call.toolName(), value, task.elapsedMs());
    } catch (Exception e) {
      task.annotate(PhaseRecord.ERROR_TYPE, e.getClass().getName());
      task.stop();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return ToolResult.failure(call.toolName(), e, task.elapsedMs());
    } catch (Error e) {
      task.annotate(PhaseRecord.ERROR_TYPE, e.getClass().getName());
      throw e;
    } finally {
      task.close();
    }
  }

  /**
   * Streams an LLM answer inside an {@code llm_processing} phase, recording the time to first token
   * when the first piece of text arrives, the time of every chunk, then the provider, models and
   * token counts.
   *
   * @param listener also gets every piece of text, after its time is taken
   * @return the whole answer
   * @throws io.agentmetrics.agent.llm.LlmException if the call fails; the phase records its type
   */
  public static LlmResponse streamLlm(
      TimingCollector timing, LlmClient client, LlmRequest request, LlmStreamListener listener) {
    return streamLlm(timing, LLM_PHASE, client, request, listener);
  }

  /**
   * {@link #streamLlm(TimingCollector, LlmClient, LlmRequest, LlmStreamListener)} in a phase named
   * {@code phaseName}.
   */
  public static LlmResponse streamLlm(
      TimingCollector timing,
      String phaseName,
      LlmClient client,
      LlmRequest request,
      LlmStreamListener listener) {
    requireNonNull(listener, "listener");
    return timeLlm(
        timing,
        phaseName,
        client,
        true,
        phase -> {
          ChunkClock clock = new ChunkClock(timing, phase, listener);
          try {
            return client.generateStreaming(request, clock);
          } finally {
            clock.annotate();
          }
        });
  }

  /**
   * Asks an LLM for a whole answer inside an {@code llm_processing} phase. No first token is
   * recorded: use {@link #streamLlm} where time to first token matters.
   *
   * @throws io.agentmetrics.agent.llm.LlmException if the call fails; the phase records its type
   */
  public static LlmResponse callLlm(TimingCollector timing, LlmClient client, LlmRequest request) {
    return timeLlm(timing, LLM_PHASE, client, false, phase -> client.generate(request));
  }

  private static LlmResponse timeLlm(
      TimingCollector timing, String phaseName, LlmClient client, boolean stream, LlmCall call) {
    PhaseTimer phase =
        timing.measure(requireNonNull(phaseName, "phaseName"), MetricType.LLM_PROCESSING);
    phase.annotate(PhaseRecord.LLM_PROVIDER, client.provider());
    phase.annotate(PhaseRecord.LLM_MODEL, client.model());
    if (stream) {
      phase.annotate(PhaseRecord.LLM_STREAM, true);
    }
    try {
      LlmResponse response = call.call(phase);
      // The provider may answer with a more specific model version than the one asked for.
      phase.annotate(PhaseRecord.LLM_RESPONSE_MODEL, response.model());
      if (response.usageReported()) {
        phase.annotate(PhaseRecord.LLM_INPUT_TOKENS, response.inputTokens());
        phase.annotate(PhaseRecord.LLM_OUTPUT_TOKENS, response.outputTokens());
      }
      return response;
    } catch (RuntimeException | Error e) {
      phase.annotate(PhaseRecord.ERROR_TYPE, e.getClass().getName());
      throw e;
    } finally {
      phase.close();
    }
  }

  @FunctionalInterface
  private interface LlmCall {
    LlmResponse call(PhaseTimer phase);
  }

  /**
   * Takes the time of every chunk on the phase's clock, records the execution's first token at the
   * first one, then passes each piece on. Calls come one at a time and in order (the {@link
   * LlmStreamListener} contract), though not always from the same thread, so a chunk takes no lock:
   * each call publishes what it wrote with a release store of the chunk count, which the next call
   * and {@link #annotate} read with an acquire load.
   */
  private static final class ChunkClock implements LlmStreamListener {
    private static final VarHandle CHUNKS;

    static {
      try {
        CHUNKS = MethodHandles.lookup().findVarHandle(ChunkClock.class, "chunks", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final TimingCollector timing;
    private final PhaseTimer phase;
    private final LlmStreamListener delegate;
    private double firstChunkMs;
    private double lastChunkMs;
    private double[] intervalsMs = new double[64];

    /** How many chunks have arrived; read and written through {@link #CHUNKS}. */
    @SuppressWarnings("unused")
    private int chunks;

    ChunkClock(TimingCollector timing, PhaseTimer phase, LlmStreamListener delegate) {
      this.timing = timing;
      this.phase = phase;
      this.delegate = delegate;
    }

    @Override
    public void onToken(String text) {
      double atMs = phase.elapsedMs();
      int arrived = (int) CHUNKS.getAcquire(this);
      if (arrived == 0) {
        firstChunkMs = atMs;
        lastChunkMs = atMs;
        CHUNKS.setRelease(this, 1);
        timing.recordFirstToken();
      } else {
        double[] intervals = intervalsMs;
        if (arrived - 1 == intervals.length) {
          intervals = Arrays.copyOf(intervals, intervals.length * 2);
          intervalsMs = intervals;
        }
        intervals[arrived - 1] = Math.max(0, atMs - lastChunkMs);
        lastChunkMs = atMs;
        CHUNKS.setRelease(this, arrived + 1);
      }
      delegate.onToken(text);
    }

    /** Puts the chunk times on the phase, if a chunk arrived. */
    void annotate() {
      int arrived = (int) CHUNKS.getAcquire(this);
      if (arrived > 0) {
        phase.annotate(
            PhaseRecord.LLM_STREAM_TIMING,
            new StreamTiming(firstChunkMs, Arrays.copyOf(intervalsMs, arrived - 1)));
      }
    }
  }
}
