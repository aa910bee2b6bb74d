package io.agentmetrics.a2a.dto;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The lifecycle states of an A2A task.
 *
 * @since 0.1.0
 */
public enum TaskState {
  /** Received, not yet started. */
  SUBMITTED("submitted"),
  /** Being worked on. */
  WORKING("working"),
  /** Waiting for more input from the user. */
  INPUT_REQUIRED("input-required"),
  /** Finished successfully. */
  COMPLETED("completed"),
  /** Canceled by the client. */
  CANCELED("canceled"),
  /** Finished with an error. */
  FAILED("failed"),
  /** Refused by the agent. */
  REJECTED("rejected"),
  /** Waiting for authentication. */
  AUTH_REQUIRED("auth-required"),
  /** State not known. */
  UNKNOWN("unknown");

  private final String wireName;

  TaskState(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name on the wire, such as {@code input-required}.
   *
   * @return the wire name
   * @since 0.1.0
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Whether the task can no longer change.
   *
   * @return {@code true} for completed, canceled, failed and rejected
   * @since 0.1.0
   */
  public boolean isTerminal() {
    return this == COMPLETED || this == CANCELED || this == FAILED || this == REJECTED;
  }
}
