package io.agentmetrics.agent.llm;

import io.agentmetrics.api.Preconditions;

/**
 * What one model costs, in US dollars per million tokens, as providers publish their prices.
 * Immutable and thread-safe.
 *
 * @param inputUsdPerMillion the price of a million input (prompt) tokens; finite, not negative
 * @param outputUsdPerMillion the price of a million output tokens, thinking tokens included;
 *     finite, not negative
 * @since 0.1.0
 */
public record ModelPrice(double inputUsdPerMillion, double outputUsdPerMillion) {

  private static final double TOKENS_PER_MILLION = 1_000_000.0;

  /**
   * Validates both prices.
   *
   * @throws IllegalArgumentException naming the price that is negative or not finite
   */
  public ModelPrice {
    Preconditions.nonNegative(inputUsdPerMillion, "inputUsdPerMillion");
    Preconditions.nonNegative(outputUsdPerMillion, "outputUsdPerMillion");
  }

  /**
   * The cost of a call, in US dollars: {@code input / 1e6 * inputUsdPerMillion + output / 1e6 *
   * outputUsdPerMillion}.
   *
   * @throws IllegalArgumentException if a token count is negative
   */
  public double costUsd(long inputTokens, long outputTokens) {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException(
          "token counts must not be negative, got " + inputTokens + " and " + outputTokens);
    }
    return inputTokens / TOKENS_PER_MILLION * inputUsdPerMillion
        + outputTokens / TOKENS_PER_MILLION * outputUsdPerMillion;
  }
}
