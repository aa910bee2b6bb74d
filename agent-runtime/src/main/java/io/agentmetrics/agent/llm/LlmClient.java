package io.agentmetrics.agent.llm;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A client of one model at one LLM provider.
 *
 * <p>{@link #generate} blocks until the whole answer is there. {@link #stream} returns at once and
 * reports each piece of text to a listener as it arrives, which is what time to first token is
 * measured from. Cancelling the returned future (or interrupting a thread blocked in {@link
 * #generate} or {@link #generateStreaming}) stops the exchange with the provider.
 *
 * <p>Failures are {@link LlmException}s. Implementations are thread-safe: one client serves many
 * concurrent calls. Close it to release its threads and connections.
 *
 * @since 0.1.0
 */
public interface LlmClient extends AutoCloseable {

  /** The provider this client calls: {@code "gemini"}, {@code "openai"} or {@code "simulated"}. */
  String provider();

  /** The model this client asks. */
  String model();

  /**
   * Asks the model and waits for the whole answer.
   *
   * @throws LlmException if the call fails; {@link LlmCancelledException} if the calling thread is
   *     interrupted, whose interrupt flag is then set again
   */
  LlmResponse generate(LlmRequest request);

  /**
   * Asks the model for a streamed answer. Returns at once; {@code listener} gets the text as it
   * arrives and the future completes with the whole answer, or exceptionally with an {@link
   * LlmException}. Cancelling the future stops the stream.
   */
  CompletableFuture<LlmResponse> stream(LlmRequest request, LlmStreamListener listener);

  /**
   * Streams the answer to {@code listener} and waits for it: {@link #stream} for callers that want
   * to block but still see the first token early.
   *
   * @throws LlmException if the call fails; {@link LlmCancelledException} if the calling thread is
   *     interrupted, which also cancels the stream and sets the interrupt flag again
   */
  default LlmResponse generateStreaming(LlmRequest request, LlmStreamListener listener) {
    CompletableFuture<LlmResponse> future = stream(request, listener);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new LlmCancelledException(provider(), "the waiting thread was interrupted", e);
    } catch (CancellationException e) {
      throw new LlmCancelledException(provider(), "the stream was cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new LlmProtocolException(provider(), 0, "the stream failed: " + cause, cause);
    }
  }

  /** Stops accepting calls and releases threads and connections. Calls in flight are cancelled. */
  @Override
  void close();
}
