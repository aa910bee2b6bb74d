package io.agentmetrics.a2a.agent;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.telex.NormalizedMessage;

/**
 * One turn for the agent.
 *
 * @param taskId the task
 * @param contextId the conversation
 * @param message the normalized message
 * @param messageId the client's id of the message, empty when unknown
 * @since 0.1.0
 */
public record AgentRequest(
    String taskId, String contextId, NormalizedMessage message, String messageId) {

  /** Checks the fields. */
  public AgentRequest {
    requireNonNull(taskId, "taskId");
    requireNonNull(contextId, "contextId");
    requireNonNull(message, "message");
    requireNonNull(messageId, "messageId");
  }

  /**
   * A turn whose message id does not matter to the agent.
   *
   * @param taskId the task
   * @param contextId the conversation
   * @param message the normalized message
   * @since 0.1.0
   */
  public AgentRequest(String taskId, String contextId, NormalizedMessage message) {
    this(taskId, contextId, message, "");
  }
}
