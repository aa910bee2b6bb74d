package io.agentmetrics.a2a.agent;

import org.jspecify.annotations.Nullable;

/**
 * The four agent stages of the seed's tracing guide, in milliseconds.
 *
 * @param textExtractionMs extracting the query from the message
 * @param contextLookupMs reading the conversation history
 * @param llmInvocationMs calling the LLM
 * @param responseBuildingMs building the reply and storing the turn
 * @param llmUsage the tokens and cost of the {@code llm_invocation} stage, or null when the
 *     provider reported no usage
 * @since 0.1.0
 */
public record AgentStageTimings(
    double textExtractionMs,
    double contextLookupMs,
    double llmInvocationMs,
    double responseBuildingMs,
    @Nullable InvocationUsage llmUsage) {

  /** Checks that every duration is finite and not negative. */
  public AgentStageTimings {
    check(textExtractionMs, "textExtractionMs");
    check(contextLookupMs, "contextLookupMs");
    check(llmInvocationMs, "llmInvocationMs");
    check(responseBuildingMs, "responseBuildingMs");
  }

  /** Timings without LLM usage. */
  public AgentStageTimings(
      double textExtractionMs,
      double contextLookupMs,
      double llmInvocationMs,
      double responseBuildingMs) {
    this(textExtractionMs, contextLookupMs, llmInvocationMs, responseBuildingMs, null);
  }

  private static void check(double value, String field) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and >= 0, got " + value);
    }
  }
}
