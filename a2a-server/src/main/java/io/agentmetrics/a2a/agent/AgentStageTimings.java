package io.agentmetrics.a2a.agent;

/**
 * The four agent stages of the seed's tracing guide, in milliseconds.
 *
 * @param textExtractionMs extracting the query from the message
 * @param contextLookupMs reading the conversation history
 * @param llmInvocationMs calling the LLM
 * @param responseBuildingMs building the reply and storing the turn
 * @since 0.1.0
 */
public record AgentStageTimings(
    double textExtractionMs,
    double contextLookupMs,
    double llmInvocationMs,
    double responseBuildingMs) {

  /** Checks that every duration is finite and not negative. */
  public AgentStageTimings {
    check(textExtractionMs, "textExtractionMs");
    check(contextLookupMs, "contextLookupMs");
    check(llmInvocationMs, "llmInvocationMs");
    check(responseBuildingMs, "responseBuildingMs");
  }

  private static void check(double value, String field) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and >= 0, got " + value);
    }
  }
}
