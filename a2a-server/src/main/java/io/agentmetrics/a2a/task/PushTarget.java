package io.agentmetrics.a2a.task;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.dto.PushNotificationConfig;
import org.jspecify.annotations.Nullable;

/**
 * A push-notification config with the payload its notifications carry.
 *
 * @param config where and how to post
 * @param payload the body's format, or {@code null} for the A2A 0.3 task
 * @since 0.1.0
 */
public record PushTarget(PushNotificationConfig config, @Nullable PushPayload payload) {

  /** Checks the config. */
  public PushTarget {
    requireNonNull(config, "config");
  }
}
