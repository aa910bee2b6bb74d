package io.agentmetrics.a2a.task;

import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.api.Preconditions;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which tasks to list, and which page of them.
 *
 * @param contextId only tasks of this conversation, or {@code null} for all
 * @param state only tasks in this state, or {@code null} for all
 * @param updatedAfter only tasks whose status changed after this instant, or {@code null}
 * @param pageSize how many tasks a page holds, at least 1
 * @param pageToken where the page starts: the {@link TaskPage#nextPageToken()} of the page before,
 *     or {@code null} for the first page
 * @since 0.1.0
 */
public record TaskQuery(
    @Nullable String contextId,
    @Nullable TaskState state,
    @Nullable Instant updatedAfter,
    int pageSize,
    @Nullable String pageToken) {

  /** Checks the page size. */
  public TaskQuery {
    Preconditions.atLeast(pageSize, 1, "pageSize");
  }
}
