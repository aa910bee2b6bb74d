package io.agentmetrics.a2a.task;

import static java.util.Objects.requireNonNull;

/**
 * A task operation that cannot be done; {@link #reason()} tells the JSON-RPC layer which error to
 * answer with, and the message says what to do instead.
 *
 * @since 0.1.0
 */
public final class TaskException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Why the operation was refused.
   *
   * @since 0.1.0
   */
  public enum Reason {
    /** No task with that id (or it expired). */
    NOT_FOUND,
    /** The task already reached a final state. */
    NOT_CANCELABLE,
    /** The operation does not apply to the task's state. */
    UNSUPPORTED,
    /** The request's values conflict with the task. */
    INVALID_PARAMS,
    /** The agent queue is full. */
    OVERLOADED,
    /** The task store cannot be reached for now; the request may be retried. */
    UNAVAILABLE
  }

  private final Reason reason;

  /**
   * An exception with the given reason and message.
   *
   * @param reason why
   * @param message what went wrong and what to do
   * @since 0.1.0
   */
  public TaskException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = requireNonNull(reason, "reason");
  }

  /** The refusal of a turn that found {@code waiting} turns already waiting for the agent. */
  static TaskException queueFull(int waiting) {
    return new TaskException(
        Reason.OVERLOADED, "the agent queue is full (" + waiting + " waiting); retry later");
  }

  /**
   * Why the operation was refused.
   *
   * @return the reason
   * @since 0.1.0
   */
  public Reason reason() {
    return reason;
  }
}
