package io.agentmetrics.a2a.stage;

/**
 * The end-to-end time of a send, which the server's summary and {@code trace-report} both set its
 * stages against: its {@link Stage#TOTAL} with {@link Stage#AGENT_PROCESSING} replaced by the
 * longer of that and {@link Stage#TASK_TOTAL}. Both start when the message is handed to the task
 * service; a blocking send's task ends inside {@code agent_processing}, and a non-blocking send's
 * long after its response. Every stage of the send lies within that time, and the request's and the
 * task's parts add up to at most it, so their shares of it add up to at most 100%.
 *
 * @since 0.1.0
 */
public final class SendSpan {

  /**
   * Slack for adding up stage times in floating point, far below the trace log's microsecond: parts
   * that exceed their total by more are inconsistent, and left out, never stretched to fit.
   *
   * @since 0.1.0
   */
  public static final double EPSILON_MS = 1e-6;

  private SendSpan() {}

  /**
   * The part of the end-to-end time the task service had the message.
   *
   * @param agentProcessingMs the request thread's wait for the task service
   * @param taskTotalMs the task, from the hand-off to its final state
   * @return {@code max(agent_processing, task_total)}
   * @since 0.1.0
   */
  public static double agentSpanMs(double agentProcessingMs, double taskTotalMs) {
    return Math.max(agentProcessingMs, taskTotalMs);
  }

  /**
   * The send's end-to-end time.
   *
   * @param totalMs the request's total
   * @param agentProcessingMs the request thread's wait for the task service
   * @param taskTotalMs the task, from the hand-off to its final state
   * @return {@code total − agent_processing + max(agent_processing, task_total)}
   * @since 0.1.0
   */
  public static double endToEndMs(double totalMs, double agentProcessingMs, double taskTotalMs) {
    return totalMs - agentProcessingMs + agentSpanMs(agentProcessingMs, taskTotalMs);
  }
}
