package io.agentmetrics.a2a.dto;

import org.jspecify.annotations.Nullable;

/**
 * The params of {@code tasks/cancel}, {@code tasks/resubscribe} and {@code
 * tasks/pushNotificationConfig/list}.
 *
 * @param id the task id
 * @param metadata optional metadata
 * @since 0.1.0
 */
public record TaskIdParams(String id, @Nullable RawJson metadata) {

  /** Checks the id. */
  public TaskIdParams {
    Require.id(id, "id");
  }
}
