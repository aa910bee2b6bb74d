package io.agentmetrics.a2a.dto;

import org.jspecify.annotations.Nullable;

/**
 * The params of {@code tasks/pushNotificationConfig/get} and {@code
 * tasks/pushNotificationConfig/delete}.
 *
 * @param id the task id
 * @param pushNotificationConfigId the config id; for {@code get}, absent means the task's first
 *     config
 * @param metadata optional metadata
 * @since 0.1.0
 */
public record TaskPushNotificationConfigQuery(
    String id, @Nullable String pushNotificationConfigId, @Nullable RawJson metadata) {

  /** Checks the ids. */
  public TaskPushNotificationConfigQuery {
    Require.id(id, "id");
    Require.optionalId(pushNotificationConfigId, "pushNotificationConfigId");
  }
}
