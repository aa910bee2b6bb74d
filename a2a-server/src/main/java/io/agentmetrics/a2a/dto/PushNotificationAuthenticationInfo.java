package io.agentmetrics.a2a.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the server authenticates to a push-notification receiver: it sends {@code Authorization:
 * <first scheme> <credentials>}. {@link #toString()} hides the credentials.
 *
 * @param schemes authentication schemes, such as {@code Bearer}; each an HTTP token
 * @param credentials the credentials for the first scheme; a valid HTTP header value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushNotificationAuthenticationInfo(
    List<String> schemes, @Nullable String credentials) {

  /** Checks that at least one scheme is given and that every value fits in an HTTP header. */
  public PushNotificationAuthenticationInfo {
    schemes = Require.nonEmpty(schemes, "schemes");
    for (int i = 0; i < schemes.size(); i++) {
      Require.headerToken(schemes.get(i), "schemes[" + i + "]");
    }
    Require.headerValue(credentials, "credentials");
  }

  /** The schemes, with the credentials hidden: a log line or stack trace must not carry them. */
  @Override
  public String toString() {
    return "PushNotificationAuthenticationInfo[schemes="
        + schemes
        + ", credentials="
        + Sanitize.secret(credentials)
        + "]";
  }
}
