package io.agentmetrics.a2a.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A streaming event announcing a status change; the last event of a stream has {@code final: true}.
 *
 * @param taskId the task
 * @param contextId its conversation
 * @param status the new status
 * @param isFinal whether this ends the stream (JSON {@code final})
 * @param kind always {@code status-update}
 * @since 0.1.0
 */
public record TaskStatusUpdateEvent(
    String taskId,
    String contextId,
    TaskStatus status,
    @JsonProperty("final") boolean isFinal,
    String kind) {

  /** Checks the ids; {@code kind} is always {@code status-update}. */
  public TaskStatusUpdateEvent {
    requireNonNull(taskId, "taskId");
    requireNonNull(contextId, "contextId");
    requireNonNull(status, "status");
    kind = "status-update";
  }

  /**
   * A status update.
   *
   * @param taskId the task
   * @param contextId its conversation
   * @param status the new status
   * @param isFinal whether the stream ends here
   * @since 0.1.0
   */
  public TaskStatusUpdateEvent(
      String taskId, String contextId, TaskStatus status, boolean isFinal) {
    this(taskId, contextId, status, isFinal, "status-update");
  }
}
