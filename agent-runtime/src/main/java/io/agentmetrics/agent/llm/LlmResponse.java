package io.agentmetrics.agent.llm;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.Preconditions;

/**
 * A complete answer from an LLM, with what observability needs to know about it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the generated text
 * @param model the model that answered, as the provider reported it (or as configured, if it did
 *     not report one)
 * @param provider the provider: {@code "gemini"}, {@code "openai"} or {@code "simulated"}
 * @param inputTokens the prompt tokens the provider counted; 0 if it did not report usage
 * @param outputTokens the generated tokens the provider counted (thinking tokens included); 0 if it
 *     did not report usage
 * @param finishReason why generation stopped
 * @param usageReported whether the provider reported usage; without it the token counts are 0 and
 *     say nothing, so the call is neither counted nor priced
 * @since 0.1.0
 */
public record LlmResponse(
    String text,
    String model,
    String provider,
    int inputTokens,
    int outputTokens,
    FinishReason finishReason,
    boolean usageReported) {

  /** Checks every field. */
  public LlmResponse {
    requireNonNull(text, "text");
    requireNonNull(model, "model");
    requireNonNull(provider, "provider");
    Preconditions.nonNegative(inputTokens, "inputTokens");
    Preconditions.nonNegative(outputTokens, "outputTokens");
    requireNonNull(finishReason, "finishReason");
  }

  /** A response whose provider reported the given usage. */
  public LlmResponse(
      String text,
      String model,
      String provider,
      int inputTokens,
      int outputTokens,
      FinishReason finishReason) {
    this(text, model, provider, inputTokens, outputTokens, finishReason, true);
  }
}
