package io.agentmetrics.a2a.agent;

import static java.util.Objects.requireNonNull;

/**
 * The agent's answer to one turn.
 *
 * @param text the reply text
 * @param timings how long each agent stage took
 * @since 0.1.0
 */
public record AgentReply(String text, AgentStageTimings timings) {

  /** Checks the fields. */
  public AgentReply {
    requireNonNull(text, "text");
    requireNonNull(timings, "timings");
  }
}
