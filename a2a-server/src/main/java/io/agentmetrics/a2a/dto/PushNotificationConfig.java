package io.agentmetrics.a2a.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Where and how to POST task updates.
 *
 * @param id the config's id (the server assigns one when absent)
 * @param url the http(s) URL to POST to
 * @param token a token echoed in the {@code X-A2A-Notification-Token} header
 * @param authentication credentials for the receiver
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushNotificationConfig(
    @Nullable String id,
    String url,
    @Nullable String token,
    @Nullable PushNotificationAuthenticationInfo authentication) {

  /** Checks the id and that the URL is present; the server's policy checks the URL itself. */
  public PushNotificationConfig {
    Require.optionalId(id, "id");
    Require.nonBlank(url, "url");
  }

  /**
   * This config with the given id.
   *
   * @param newId the id
   * @return a copy
   * @since 0.1.0
   */
  public PushNotificationConfig withId(String newId) {
    return new PushNotificationConfig(newId, url, token, authentication);
  }
}
