package io.agentmetrics.agent.llm;

import io.agentmetrics.agent.concurrent.DaemonThreadFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An offline stand-in for a real model, and the default client, so that agents, tests and demos run
 * without network or key. It answers every request with a short study plan built from the last user
 * message, the same answer for the same question, after a configurable time to first token and
 * inter-token delay.
 *
 * <p>It reports the provider {@code "simulated"} and says so in its log at creation, so that nobody
 * mistakes its latencies for a real model's. Token counts are estimates (about four characters per
 * input token; one streamed piece per output token).
 *
 * <p>Thread-safe: any number of concurrent calls, each stream on its own daemon thread.
 *
 * @since 0.1.0
 */
public final class SimulatedLlmClient implements LlmClient {

  /** The provider id this client reports: {@value}. */
  public static final String PROVIDER = "simulated";

  private static final Logger logger = LoggerFactory.getLogger(SimulatedLlmClient.class);

  private final SimulatedLlmConfig config;
  private final Sleeper sleeper;
  private final ExecutorService streamThreads;

  /** A client with the default latency. */
  public SimulatedLlmClient() {
    this(SimulatedLlmConfig.defaults());
  }

  /** A client with the given settings. */
  public SimulatedLlmClient(SimulatedLlmConfig config) {
    this(config, Sleeper.SYSTEM);
  }

  /** A client whose waits are injected, for tests. */
  SimulatedLlmClient(SimulatedLlmConfig config, Sleeper sleeper) {
    this.config = config;
    this.sleeper = sleeper;
    this.streamThreads =
        Executors.newCachedThreadPool(new DaemonThreadFactory("agentmetrics-simulated-stream"));
    logger.info(
        "Using the SIMULATED LLM client (no real model): model {}, time to first token {} ms,"
            + " {} ms between tokens",
        config.model(),
        config.timeToFirstToken().toMillis(),
        config.interTokenDelay().toMillis());
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public String model() {
    return config.model();
  }

  /** The settings of this client. */
  public SimulatedLlmConfig config() {
    return config;
  }

  /** Waits as long as the stream would take in all, then returns the whole answer. */
  @Override
  public LlmResponse generate(LlmRequest request) {
    String answer = StudyPlanWriter.write(request.lastUserText());
    int tokenCount = StudyPlanWriter.tokenCount(answer);
    Duration total =
        config.timeToFirstToken().plus(config.interTokenDelay().multipliedBy(tokenCount - 1L));
    try {
      sleeper.sleep(total);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmCancelledException(PROVIDER, "the waiting thread was interrupted", e);
    }
    return response(request, answer, tokenCount);
  }

  /**
   * Emits the tokens on the calling thread, with the same waits as {@link #stream}: a blocking
   * caller pays for no thread hand-off, as with a real client whose socket the caller reads.
   */
  @Override
  public LlmResponse generateStreaming(LlmRequest request, LlmStreamListener listener) {
    String answer = StudyPlanWriter.write(request.lastUserText());
    List<String> tokens = StudyPlanWriter.tokens(answer);
    try {
      emit(tokens, listener, () -> false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmCancelledException(PROVIDER, "the waiting thread was interrupted", e);
    }
    return response(request, answer, tokens.size());
  }

  @Override
  public CompletableFuture<LlmResponse> stream(LlmRequest request, LlmStreamListener listener) {
    CompletableFuture<LlmResponse> future = new CompletableFuture<>();
    Streamer streamer = new Streamer(request, listener, future);
    CompletableFuture<?> unused = future.whenComplete((response, failure) -> streamer.stop());
    try {
      streamThreads.execute(streamer);
    } catch (RejectedExecutionException closed) {
      future.completeExceptionally(
          new LlmUnavailableException(PROVIDER, 0, "this simulated client is closed", closed));
    }
    return future;
  }

  @Override
  public void close() {
    streamThreads.shutdownNow();
  }

  @Override
  public String toString() {
    return "SimulatedLlmClient[" + config + "]";
  }

  /**
   * Waits the time to first token, then passes each token on after the inter-token delay.
   *
   * @return false if {@code stopped} ended the stream early
   */
  private boolean emit(List<String> tokens, LlmStreamListener listener, BooleanSupplier stopped)
      throws InterruptedException {
    Duration wait = config.timeToFirstToken();
    for (String token : tokens) {
      sleeper.sleep(wait);
      if (stopped.getAsBoolean()) {
        return false;
      }
      listener.onToken(token);
      wait = config.interTokenDelay();
    }
    return true;
  }

  /** The answer; its streamed tokens concatenate to {@code answer}, so it is not rebuilt. */
  private LlmResponse response(LlmRequest request, String answer, int outputTokens) {
    return new LlmResponse(
        answer,
        config.model(),
        PROVIDER,
        estimateInputTokens(request),
        outputTokens,
        FinishReason.STOP);
  }

  private static int estimateInputTokens(LlmRequest request) {
    long chars = request.systemInstruction() == null ? 0 : request.systemInstruction().length();
    for (LlmMessage message : request.messages()) {
      chars += message.text().length();
    }
    return (int) Math.min(Integer.MAX_VALUE, (chars + 3) / 4);
  }

  /** One stream: sleeps, emits, and stops early when its future completes. */
  private final class Streamer implements Runnable {
    private final LlmRequest request;
    private final LlmStreamListener listener;
    private final CompletableFuture<LlmResponse> future;
    private @Nullable Thread worker;
    private boolean stopped;

    Streamer(
        LlmRequest request, LlmStreamListener listener, CompletableFuture<LlmResponse> future) {
      this.request = request;
      this.listener = listener;
      this.future = future;
    }

    @Override
    public void run() {
      synchronized (this) {
        if (stopped) {
          return;
        }
        worker = Thread.currentThread();
      }
      try {
        String answer = StudyPlanWriter.write(request.lastUserText());
        List<String> tokens = StudyPlanWriter.tokens(answer);
        if (emit(tokens, listener, future::isDone)) {
          future.complete(response(request, answer, tokens.size()));
        }
      } catch (InterruptedException e) {
        future.completeExceptionally(
            new LlmCancelledException(PROVIDER, "the simulated stream was cancelled", e));
      } catch (Throwable failure) {
        future.completeExceptionally(failure);
      } finally {
        synchronized (this) {
          worker = null;
        }
        // stop() may have interrupted this pooled thread; the flag must not leak to its next task.
        Thread.interrupted();
      }
    }

    synchronized void stop() {
      stopped = true;
      if (worker != null && worker != Thread.currentThread()) {
        worker.interrupt();
      }
    }
  }
}
