package io.agentmetrics.a2a.store;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.api.Preconditions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A task as a {@link TaskRepository} holds it: its snapshot, when its status last changed, its
 * push-notification configs and its version, which every accepted write raises by one.
 *
 * @param task the task snapshot
 * @param updated when the task's status last changed: the order of listings
 * @param pushConfigs the task's push-notification configs, in the order they were added
 * @param version the version this value was read at; {@code 0} for a task not stored yet
 * @since 0.1.0
 */
public record StoredTask(
    Task task, Instant updated, List<StoredPushConfig> pushConfigs, long version) {

  /** The listing order: newest status change first, then by task id. */
  public static final Comparator<StoredTask> LISTING_ORDER =
      Comparator.comparing(StoredTask::position, TaskFilter.Position.ORDER);

  /** Checks the fields and copies the configs. */
  public StoredTask {
    requireNonNull(task, "task");
    requireNonNull(updated, "updated");
    pushConfigs = List.copyOf(pushConfigs);
    Preconditions.nonNegative(version, "version");
  }

  /**
   * The task's id.
   *
   * @return {@code task().id()}
   * @since 0.1.0
   */
  public String id() {
    return task.id();
  }

  /**
   * This task at another version.
   *
   * @param newVersion the version
   * @return a copy
   * @since 0.1.0
   */
  public StoredTask withVersion(long newVersion) {
    return new StoredTask(task, updated, pushConfigs, newVersion);
  }

  /**
   * The task's place in the listing order.
   *
   * @return its status change time and id
   * @since 0.1.0
   */
  public TaskFilter.Position position() {
    return new TaskFilter.Position(updated, task.id());
  }

  /**
   * The task's state.
   *
   * @return {@code task().status().state()}
   * @since 0.1.0
   */
  public TaskState state() {
    return task.status().state();
  }

  /**
   * Whether no write may change the state any more: canceled, failed and rejected tasks stay so (a
   * completed task may start another turn).
   *
   * @param state a task state
   * @return whether {@code state} is final
   * @since 0.1.0
   */
  public static boolean isFinal(TaskState state) {
    return state == TaskState.CANCELED || state == TaskState.FAILED || state == TaskState.REJECTED;
  }

  /**
   * The bytes this task retains, estimated: what the stores weigh it by.
   *
   * @return the estimate
   * @since 0.1.0
   */
  public long retainedBytes() {
    long bytes = RetainedSize.of(task);
    for (StoredPushConfig push : pushConfigs) {
      bytes += RetainedSize.of(push.config()) + RetainedSize.of(push.protocol());
    }
    return bytes;
  }
}
