package io.agentmetrics.a2a.task;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.dto.Task;
import java.util.concurrent.CompletableFuture;

/**
 * A submitted turn of a task: the task as it was when submitted, and a future completed once the
 * turn ends (completed, failed or canceled). The future never completes exceptionally.
 *
 * @param submitted the task snapshot at submission ({@code submitted} state)
 * @param completion completes with the outcome of the turn
 * @since 0.1.0
 */
public record TaskRun(Task submitted, CompletableFuture<RunResult> completion) {

  /** Checks the fields. */
  public TaskRun {
    requireNonNull(submitted, "submitted");
    requireNonNull(completion, "completion");
  }
}
