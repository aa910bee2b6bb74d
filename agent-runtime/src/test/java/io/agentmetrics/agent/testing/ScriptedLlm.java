package io.agentmetrics.agent.testing;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.agent.llm.FinishReason;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.LlmRequest;
import io.agentmetrics.agent.llm.LlmResponse;
import io.agentmetrics.agent.llm.LlmStreamListener;
import io.agentmetrics.testing.FakeTimeSource;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * An {@link LlmClient} that answers at once with fixed token usage, streaming one chunk after each
 * given delay, which it takes by advancing a {@link FakeTimeSource} (or not at all without one).
 * Its numbers are known in advance, so tests can work out tokens, cost and chunk timings by hand.
 * Thread-safe as long as its clock is.
 *
 * @since 0.1.0
 */
public final class ScriptedLlm implements LlmClient {

  /** The input tokens of {@link #gpt4oMini}. */
  public static final int INPUT_TOKENS = 812;

  /** The output tokens of {@link #gpt4oMini}. */
  public static final int OUTPUT_TOKENS = 96;

  /**
   * What a {@link #gpt4oMini} call costs at the default price of {@code gpt-4o-mini} ($0.15 and
   * $0.60 per million): 812 x 0.15 / 1e6 + 96 x 0.60 / 1e6 = $0.0001218 + $0.0000576.
   */
  public static final double GPT_4O_MINI_COST_USD = 0.0001794;

  private final String provider;
  private final String model;
  private final String responseModel;
  private final int inputTokens;
  private final int outputTokens;
  private final boolean usageReported;
  private final @Nullable FakeTimeSource time;
  private final long[] chunkDelaysMs;

  private ScriptedLlm(
      String provider,
      String model,
      String responseModel,
      int inputTokens,
      int outputTokens,
      boolean usageReported,
      @Nullable FakeTimeSource time,
      long[] chunkDelaysMs) {
    this.provider = requireNonNull(provider, "provider");
    this.model = requireNonNull(model, "model");
    this.responseModel = requireNonNull(responseModel, "responseModel");
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
    this.usageReported = usageReported;
    this.time = time;
    this.chunkDelaysMs = chunkDelaysMs.clone();
  }

  /**
   * OpenAI's {@code gpt-4o-mini}, answering as {@code gpt-4o-mini-2024-07-18} with {@value
   * #INPUT_TOKENS} input and {@value #OUTPUT_TOKENS} output tokens, one chunk after each of {@code
   * chunkDelaysMs} on {@code time} (null: no waiting).
   */
  public static ScriptedLlm gpt4oMini(@Nullable FakeTimeSource time, long... chunkDelaysMs) {
    return new ScriptedLlm(
        "openai",
        "gpt-4o-mini",
        "gpt-4o-mini-2024-07-18",
        INPUT_TOKENS,
        OUTPUT_TOKENS,
        true,
        time,
        chunkDelaysMs);
  }

  /** The same calls, answering as {@code model} (asked and answering) of {@code provider}. */
  public ScriptedLlm as(String provider, String model) {
    return new ScriptedLlm(
        provider, model, model, inputTokens, outputTokens, usageReported, time, chunkDelaysMs);
  }

  /** The same calls, with a provider that reports no usage. */
  public ScriptedLlm withoutUsage() {
    return new ScriptedLlm(provider, model, responseModel, 0, 0, false, time, chunkDelaysMs);
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
  public LlmResponse generateStreaming(LlmRequest request, LlmStreamListener listener) {
    StringBuilder text = new StringBuilder();
    for (long delay : chunkDelaysMs) {
      if (time != null) {
        time.advanceMillis(delay);
      }
      listener.onToken("chunk ");
      text.append("chunk ");
    }
    return new LlmResponse(
        text.toString(),
        responseModel,
        provider,
        inputTokens,
        outputTokens,
        FinishReason.STOP,
        usageReported);
  }

  @Override
  public CompletableFuture<LlmResponse> stream(LlmRequest request, LlmStreamListener listener) {
    return CompletableFuture.completedFuture(generateStreaming(request, listener));
  }

  @Override
  public void close() {}
}
