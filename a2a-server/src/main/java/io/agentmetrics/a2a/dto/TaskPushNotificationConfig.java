package io.agentmetrics.a2a.dto;

/**
 * A push-notification config bound to a task.
 *
 * @param taskId the task
 * @param pushNotificationConfig the config
 * @since 0.1.0
 */
public record TaskPushNotificationConfig(
    String taskId, PushNotificationConfig pushNotificationConfig) {

  /** Checks both fields. */
  public TaskPushNotificationConfig {
    Require.id(taskId, "taskId");
    Require.present(pushNotificationConfig, "pushNotificationConfig");
  }
}
