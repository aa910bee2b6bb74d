package io.agentmetrics.a2a.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the server authenticates to a push-notification receiver.
 *
 * @param schemes authentication schemes, such as {@code Bearer}
 * @param credentials the credentials for the first scheme
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushNotificationAuthenticationInfo(
    List<String> schemes, @Nullable String credentials) {

  /** Checks that at least one scheme is given. */
  public PushNotificationAuthenticationInfo {
    schemes = Require.nonEmpty(schemes, "schemes");
  }
}
