package io.agentmetrics.a2a.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Where and how to POST task updates. {@link #toString()} shows the URL's scheme and host only, and
 * hides the token and credentials: paths, queries and tokens of webhooks are often secrets.
 *
 * @param id the config's id (the server assigns one when absent)
 * @param url the http(s) URL to POST to
 * @param token a token echoed in the {@code X-A2A-Notification-Token} header; a valid HTTP header
 *     value
 * @param authentication credentials for the receiver
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushNotificationConfig(
    @Nullable String id,
    String url,
    @Nullable String token,
    @Nullable PushNotificationAuthenticationInfo authentication) {

  /**
   * Checks the id, that the URL is present and that the token fits in an HTTP header; the URL's
   * scheme and host are checked by the server's policy.
   */
  public PushNotificationConfig {
    Require.optionalId(id, "id");
    Require.nonBlank(url, "url");
    Require.headerValue(token, "token");
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

  /** The id and the URL's origin; the token and credentials hidden. */
  @Override
  public String toString() {
    return "PushNotificationConfig[id="
        + id
        + ", url="
        + Sanitize.origin(url)
        + ", token="
        + Sanitize.secret(token)
        + ", authentication="
        + authentication
        + "]";
  }
}
