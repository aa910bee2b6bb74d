package io.agentmetrics.a2a.store;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.dto.PushNotificationConfig;

/**
 * A push-notification config as stored with its task, with the protocol version it was registered
 * in, which decides the body of its notifications.
 *
 * @param config where and how to post
 * @param protocol the A2A version of the registration, such as {@code 0.3} or {@code 1.0}
 * @since 0.1.0
 */
public record StoredPushConfig(PushNotificationConfig config, String protocol) {

  /** Checks the fields. */
  public StoredPushConfig {
    requireNonNull(config, "config");
    requireNonNull(protocol, "protocol");
  }
}
