package io.agentmetrics.a2a.store;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.dto.TaskState;
import java.time.Instant;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * Which tasks a listing returns, in {@link StoredTask#LISTING_ORDER}, and from where.
 *
 * @param contextId only tasks of this conversation, or {@code null} for all
 * @param state only tasks in this state, or {@code null} for all
 * @param updatedAfter only tasks whose status changed after this instant, or {@code null}
 * @param after start right after this position (the last task of the page before), or {@code null}
 *     for the first page
 * @param limit the most tasks returned, at least 1
 * @since 0.1.0
 */
public record TaskFilter(
    @Nullable String contextId,
    @Nullable TaskState state,
    @Nullable Instant updatedAfter,
    @Nullable Position after,
    int limit) {

  /** Checks the limit. */
  public TaskFilter {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
  }

  /**
   * Whether {@code task} passes the filters, wherever its position.
   *
   * @param task a stored task
   * @return whether it matches the context, state and time filters
   * @since 0.1.0
   */
  public boolean matches(StoredTask task) {
    return (contextId == null || contextId.equals(task.task().contextId()))
        && (state == null || state == task.state())
        && (updatedAfter == null || task.updated().isAfter(updatedAfter));
  }

  /**
   * A place in the listing order.
   *
   * @param updated the status change time of the task there
   * @param id its id
   * @since 0.1.0
   */
  public record Position(Instant updated, String id) {

    /** The listing order: newest status change first, then by id. */
    public static final Comparator<Position> ORDER =
        Comparator.comparing(Position::updated).reversed().thenComparing(Position::id);

    /** Checks the fields. */
    public Position {
      requireNonNull(updated, "updated");
      requireNonNull(id, "id");
    }
  }
}
