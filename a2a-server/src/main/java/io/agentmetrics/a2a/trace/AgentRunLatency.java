package io.agentmetrics.a2a.trace;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.agent.AgentStageTimings;

/**
 * The agent stages of one task run, how long the run waited for an agent thread, and how long the
 * task took from submission to its final state.
 *
 * @param taskId the task
 * @param contextId its conversation
 * @param stages the four agent stages
 * @param queueWaitMs time between submission and the start of the run (QUEUE_WAIT)
 * @param taskTotalMs time from the hand-off of the message to the task service to the turn's final
 *     state ({@code task_total}): for a non-blocking send it goes on after the response, and it
 *     contains the queue wait and the agent stages
 * @param sampled whether this run is written to the trace log
 * @since 0.1.0
 */
public record AgentRunLatency(
    String taskId,
    String contextId,
    AgentStageTimings stages,
    double queueWaitMs,
    double taskTotalMs,
    boolean sampled) {

  /** Checks the fields. */
  public AgentRunLatency {
    requireNonNull(taskId, "taskId");
    requireNonNull(contextId, "contextId");
    requireNonNull(stages, "stages");
  }
}
