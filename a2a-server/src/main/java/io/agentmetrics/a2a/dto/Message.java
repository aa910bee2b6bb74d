package io.agentmetrics.a2a.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One turn of a conversation between a user and an agent.
 *
 * @param role {@code user} or {@code agent}
 * @param parts the content, at least one part
 * @param messageId the sender's id for this message
 * @param contextId the conversation this message belongs to, if known
 * @param taskId the task this message continues, if any
 * @param referenceTaskIds tasks this message refers to
 * @param metadata optional metadata
 * @param kind always {@code message}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Message(
    String role,
    List<Part> parts,
    String messageId,
    @Nullable String contextId,
    @Nullable String taskId,
    @Nullable List<String> referenceTaskIds,
    @Nullable RawJson metadata,
    @Nullable String kind) {

  /** The role of messages sent by the client. */
  public static final String ROLE_USER = "user";

  /** The role of messages sent by the agent. */
  public static final String ROLE_AGENT = "agent";

  /**
   * Checks role, parts and the ids (each at most {@value Require#MAX_ID_LENGTH} characters); {@code
   * kind} defaults to {@code message}.
   */
  public Message {
    Require.nonBlank(role, "role");
    if (!ROLE_USER.equals(role) && !ROLE_AGENT.equals(role)) {
      throw new IllegalArgumentException(
          "role must be 'user' or 'agent', got '" + Sanitize.shortValue(role) + "'");
    }
    parts = Require.nonEmpty(parts, "parts");
    Require.id(messageId, "messageId");
    Require.optionalId(contextId, "contextId");
    Require.optionalId(taskId, "taskId");
    if (referenceTaskIds != null) {
      referenceTaskIds = Require.copyOrEmpty(referenceTaskIds, "referenceTaskIds");
      for (int i = 0; i < referenceTaskIds.size(); i++) {
        Require.optionalId(referenceTaskIds.get(i), "referenceTaskIds[" + i + "]");
      }
    }
    if (kind != null && !"message".equals(kind)) {
      throw new IllegalArgumentException(
          "kind must be 'message', got '" + Sanitize.shortValue(kind) + "'");
    }
    kind = "message";
  }

  /**
   * An agent message with one text part.
   *
   * @param text the reply text
   * @param messageId a fresh message id
   * @param contextId the conversation
   * @param taskId the task
   * @return the message
   * @since 0.1.0
   */
  public static Message agentText(String text, String messageId, String contextId, String taskId) {
    return new Message(
        ROLE_AGENT, List.of(Part.text(text)), messageId, contextId, taskId, null, null, null);
  }

  /**
   * This message, bound to a task and a context (the server fills these in on receipt).
   *
   * @param boundContextId the conversation
   * @param boundTaskId the task
   * @return a copy with both ids set
   * @since 0.1.0
   */
  public Message withIds(String boundContextId, String boundTaskId) {
    return new Message(
        role, parts, messageId, boundContextId, boundTaskId, referenceTaskIds, metadata, kind);
  }
}
