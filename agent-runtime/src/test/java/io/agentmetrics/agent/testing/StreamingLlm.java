package io.agentmetrics.agent.testing;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.LlmRequest;
import io.agentmetrics.agent.llm.LlmResponse;
import io.agentmetrics.agent.llm.LlmStreamListener;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * An {@link LlmClient} whose every answer comes from one function, the test's: {@link #stream}
 * calls it, and {@link #generate} waits for what it returns, passing no text on. Thread-safe as
 * long as the function is.
 *
 * @since 0.1.0
 */
public final class StreamingLlm implements LlmClient {

  private final String provider;
  private final String model;
  private final BiFunction<LlmRequest, LlmStreamListener, CompletableFuture<LlmResponse>> answer;

  private StreamingLlm(
      String provider,
      String model,
      BiFunction<LlmRequest, LlmStreamListener, CompletableFuture<LlmResponse>> answer) {
    this.provider = requireNonNull(provider, "provider");
    this.model = requireNonNull(model, "model");
    this.answer = requireNonNull(answer, "answer");
  }

  /**
   * A client of {@code provider} asked for {@code model}, answering each request through {@code
   * answer}, which may call the listener and may complete later or exceptionally.
   */
  public static StreamingLlm of(
      String provider,
      String model,
      BiFunction<LlmRequest, LlmStreamListener, CompletableFuture<LlmResponse>> answer) {
    return new StreamingLlm(provider, model, answer);
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public LlmResponse generate(LlmRequest request) {
    return generateStreaming(request, LlmStreamListener.ignoring());
  }

  @Override
  public CompletableFuture<LlmResponse> stream(LlmRequest request, LlmStreamListener listener) {
    return answer.apply(request, listener);
  }

  /** Nothing to release. */
  @Override
  public void close() {}
}
