package io.agentmetrics.a2a.task;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

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
    /**
     * The server cannot serve the request now: the agent's queue cannot take the turn, too many
     * event streams are open, or the task store cannot be reached. The same request may be sent
     * again a little later.
     */
    OVERLOADED
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
    super(requireNonNull(message, "message"), null, false, false);
    this.reason = requireNonNull(reason, "reason");
  }

  /** The message given at construction, which is never null. */
  @Override
  public String getMessage() {
    return requireNonNull(super.getMessage());
  }

  /** The refusal of a turn that found {@code waiting} turns already waiting for the agent. */
  static TaskException queueFull(int waiting) {
    return new TaskException(
        Reason.OVERLOADED,
        "the agent queue is full ("
            + waiting
            + " turns waiting, A2A_AGENT_QUEUE); retry in a few seconds");
  }

  /** The refusal of a turn that would wait {@code expected}, longer than {@code timeout}. */
  static TaskException queueTooSlow(Duration expected, Duration timeout) {
    return new TaskException(
        Reason.OVERLOADED,
        "a new turn would wait about "
            + expected.toSeconds()
            + " s for the agent, longer than A2A_AGENT_QUEUE_TIMEOUT_MS ("
            + timeout.toMillis()
            + " ms); retry in a few seconds");
  }

  /** The refusal of a stream beyond the {@code max} open in all. */
  static TaskException tooManyStreams(int max) {
    return new TaskException(
        Reason.OVERLOADED,
        max + " event streams are open (A2A_MAX_STREAMS); retry when one has ended");
  }

  /** The refusal of a stream beyond the {@code max} open on task {@code id}. */
  static TaskException tooManyTaskStreams(String id, int max) {
    return new TaskException(
        Reason.OVERLOADED,
        "task "
            + id
            + " already has "
            + max
            + " open event streams (A2A_MAX_STREAMS_PER_TASK); retry when one has ended");
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
