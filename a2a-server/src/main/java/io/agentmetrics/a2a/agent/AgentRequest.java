package io.agentmetrics.a2a.agent;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.telex.NormalizedMessage;

/**
 * One turn for the agent.
 *
 * @param taskId the task
 * @param contextId the conversation
 * @param message the normalized message
 * @since 0.1.0
 */
public record AgentRequest(String taskId, String contextId, NormalizedMessage message) {

  /** Checks the fields. */
  public AgentRequest {
    requireNonNull(taskId, "taskId");
    requireNonNull(contextId, "contextId");
    requireNonNull(message, "message");
  }
}
