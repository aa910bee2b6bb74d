package io.agentmetrics.a2a.task;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.dto.Task;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a turn ended.
 *
 * @param task the task in its final state for this turn
 * @param stages the agent's stage timings, when the agent answered
 * @param queueWaitMs how long the turn waited for an agent thread (QUEUE_WAIT)
 * @param asMessage whether the agent answered with a direct message (the task's status message)
 *     rather than a task
 * @since 0.1.0
 */
public record RunResult(
    Task task, @Nullable AgentStageTimings stages, double queueWaitMs, boolean asMessage) {

  /** Checks the task. */
  public RunResult {
    requireNonNull(task, "task");
  }

  /**
   * The stage timings, when the agent answered.
   *
   * @return the timings, or empty for a failed or cancelled turn
   * @since 0.1.0
   */
  public Optional<AgentStageTimings> agentStages() {
    return Optional.ofNullable(stages);
  }
}
