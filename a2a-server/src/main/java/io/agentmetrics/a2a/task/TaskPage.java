package io.agentmetrics.a2a.task;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.dto.Task;
import java.util.List;

/**
 * One page of a task listing, newest status change first.
 *
 * @param tasks the tasks of this page
 * @param nextPageToken the token of the next page, empty on the last page
 * @param totalSize how many tasks match the query across all pages
 * @since 0.1.0
 */
public record TaskPage(List<Task> tasks, String nextPageToken, int totalSize) {

  /** Copies the tasks. */
  public TaskPage {
    tasks = List.copyOf(tasks);
    requireNonNull(nextPageToken, "nextPageToken");
  }
}
