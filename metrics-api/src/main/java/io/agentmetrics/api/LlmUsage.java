package io.agentmetrics.api;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The token usage and cost of an execution's LLM calls: the sums over its LLM phases that reported
 * usage ({@link PhaseRecord#isLlmCallWithUsage()}), read from their {@link
 * PhaseRecord#LLM_INPUT_TOKENS}, {@link PhaseRecord#LLM_OUTPUT_TOKENS} and {@link
 * PhaseRecord#LLM_COST_USD} metadata. Immutable and thread-safe.
 *
 * @param calls how many LLM calls reported usage
 * @param inputTokens the input tokens of those calls
 * @param outputTokens the output tokens of those calls
 * @param costUsd the cost of the priced calls, in US dollars
 * @param unpricedCalls how many of the calls have no cost, because no price was known for their
 *     model; while any call is unpriced, {@code costUsd} is not the execution's cost
 * @since 0.1.0
 */
public record LlmUsage(
    int calls, long inputTokens, long outputTokens, double costUsd, int unpricedCalls) {

  private static final LlmUsage NONE = new LlmUsage(0, 0, 0, 0, 0);

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException if a field is negative, or more calls are unpriced than made
   */
  public LlmUsage {
    Preconditions.nonNegative(calls, "calls");
    Preconditions.nonNegative(inputTokens, "inputTokens");
    Preconditions.nonNegative(outputTokens, "outputTokens");
    Preconditions.nonNegative(costUsd, "costUsd");
    Preconditions.nonNegative(unpricedCalls, "unpricedCalls");
    if (unpricedCalls > calls) {
      throw new IllegalArgumentException(
          "unpricedCalls must not exceed calls, got " + unpricedCalls + " > " + calls);
    }
  }

  /** The usage of an execution that made no LLM call. */
  public static LlmUsage none() {
    return NONE;
  }

  /**
   * The usage of the LLM phases among {@code phases}. The sums stop at {@code Long.MAX_VALUE}
   * tokens and {@code Double.MAX_VALUE} dollars instead of overflowing, so absurd annotations
   * cannot make the usage invalid.
   */
  public static LlmUsage of(List<PhaseRecord> phases) {
    int calls = 0;
    long input = 0;
    long output = 0;
    double cost = 0;
    int unpriced = 0;
    for (PhaseRecord phase : phases) {
      if (!phase.isLlmCallWithUsage()) {
        continue;
      }
      calls++;
      input = saturatedSum(input, phase.count(PhaseRecord.LLM_INPUT_TOKENS).orElse(0));
      output = saturatedSum(output, phase.count(PhaseRecord.LLM_OUTPUT_TOKENS).orElse(0));
      OptionalDouble phaseCost = phase.amount(PhaseRecord.LLM_COST_USD);
      if (phaseCost.isPresent()) {
        cost = Math.min(Double.MAX_VALUE, cost + phaseCost.getAsDouble());
      } else {
        unpriced++;
      }
    }
    return calls == 0 ? NONE : new LlmUsage(calls, input, output, cost, unpriced);
  }

  /** {@code a + b} for non-negative counts, or {@code Long.MAX_VALUE} where that overflows. */
  private static long saturatedSum(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** Whether at least one call reported usage and every such call has a cost. */
  public boolean priced() {
    return calls > 0 && unpricedCalls == 0;
  }
}
