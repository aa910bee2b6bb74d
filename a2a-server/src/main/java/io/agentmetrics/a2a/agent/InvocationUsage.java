package io.agentmetrics.a2a.agent;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The token usage and cost of a turn's LLM invocation, as the provider reported the tokens and the
 * agent's price table priced them.
 *
 * @param model the model that answered, as the provider named it
 * @param inputTokens the input (prompt) tokens
 * @param outputTokens the output tokens, thinking tokens included
 * @param costUsd the cost in US dollars, or null if the model has no known price
 * @since 0.1.0
 */
public record InvocationUsage(
    String model, long inputTokens, long outputTokens, @Nullable Double costUsd) {

  /** Checks every field. */
  public InvocationUsage {
    requireNonNull(model, "model");
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException(
          "token counts must not be negative, got " + inputTokens + " and " + outputTokens);
    }
    if (costUsd != null && (!(costUsd >= 0) || costUsd.isInfinite())) {
      throw new IllegalArgumentException("costUsd must be finite and >= 0, got " + costUsd);
    }
  }
}
