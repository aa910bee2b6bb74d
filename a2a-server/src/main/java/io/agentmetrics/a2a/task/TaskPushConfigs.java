package io.agentmetrics.a2a.task;

import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.TaskPushNotificationConfig;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The push-notification configs of tasks: set, get, list and delete, with every URL checked by the
 * {@link PushUrlChecker} (its host resolved, within a short deadline) before it is stored, and at
 * most {@code maxConfigsPerTask} configs per task. The configs are kept with their tasks, so a
 * config set here reaches the turn that is running and the replicas that share the store; {@link
 * PushNotifier} delivers them.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class TaskPushConfigs {

  private final TaskStore store;
  private final PushUrlChecker urls;
  private final int maxPerTask;

  TaskPushConfigs(TaskStore store, PushUrlChecker urls, int maxPerTask) {
    this.store = store;
    this.urls = urls;
    this.maxPerTask = maxPerTask;
  }

  /**
   * Attaches a push-notification config to a task; an absent config id gets a generated one.
   *
   * @param config the task and config
   * @return the stored config
   * @throws TaskException if the task is unknown, the URL is refused, or the task holds as many
   *     push configs as it may
   * @since 0.1.0
   */
  public TaskPushNotificationConfig set(TaskPushNotificationConfig config) {
    return set(config, null);
  }

  /**
   * Attaches a push-notification config whose notifications carry {@code payload}.
   *
   * @param config the task and config
   * @param payload the body's format, or {@code null} for the A2A 0.3 task
   * @return the stored config
   * @throws TaskException if the task is unknown, the URL is refused or the task holds as many
   *     configs as it may
   * @since 0.1.0
   */
  public TaskPushNotificationConfig set(
      TaskPushNotificationConfig config, @Nullable PushPayload payload) {
    // An unknown task is answered before its URL's host is looked up.
    TaskRecord record = store.get(config.taskId());
    PushTarget push = checked(new PushTarget(config.pushNotificationConfig(), payload));
    return new TaskPushNotificationConfig(record.id(), record.putPushConfig(push, maxPerTask));
  }

  /**
   * One push-notification config of a task.
   *
   * @param taskId the task
   * @param configId the config id, or {@code null} for the task's first config
   * @return the config
   * @throws TaskException if the task or the config is unknown
   * @since 0.1.0
   */
  public TaskPushNotificationConfig get(String taskId, @Nullable String configId) {
    return store.get(taskId).pushConfigs().stream()
        .filter(c -> configId == null || configId.equals(c.id()))
        .findFirst()
        .map(c -> new TaskPushNotificationConfig(taskId, c))
        .orElseThrow(
            () ->
                new TaskException(
                    TaskException.Reason.INVALID_PARAMS,
                    "task "
                        + taskId
                        + " has no push notification config"
                        + (configId == null ? "" : " with id " + configId)));
  }

  /**
   * The push-notification configs of a task.
   *
   * @param taskId the task
   * @return its configs, possibly empty
   * @throws TaskException if the task is unknown
   * @since 0.1.0
   */
  public List<TaskPushNotificationConfig> list(String taskId) {
    return store.get(taskId).pushConfigs().stream()
        .map(c -> new TaskPushNotificationConfig(taskId, c))
        .toList();
  }

  /**
   * Removes a push-notification config.
   *
   * @param taskId the task
   * @param configId the config
   * @throws TaskException if the task or the config is unknown
   * @since 0.1.0
   */
  public void delete(String taskId, String configId) {
    if (!store.get(taskId).removePushConfig(configId)) {
      throw new TaskException(
          TaskException.Reason.INVALID_PARAMS,
          "task " + taskId + " has no push notification config with id " + configId);
    }
  }

  /** The target, its URL checked (its host resolved), with a generated id if it had none. */
  PushTarget checked(PushTarget target) {
    PushNotificationConfig push = target.config();
    urls.check(push.url());
    return push.id() == null
        ? new PushTarget(push.withId(UUID.randomUUID().toString()), target.payload())
        : target;
  }

  /** How many configs one task may hold. */
  int maxPerTask() {
    return maxPerTask;
  }
}
