package io.agentmetrics.a2a;

import io.agentmetrics.agent.config.ConfigException;
import org.jspecify.annotations.Nullable;

/**
 * Who may call the A2A endpoints. The token never appears in {@link #toString()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param token the bearer token every A2A request must carry, or {@code null} for none ({@code
 *     A2A_AUTH_TOKEN})
 * @since 0.1.0
 */
public record AuthConfig(@Nullable String token) {

  /**
   * Checks the token.
   *
   * @throws ConfigException if the token is blank
   */
  public AuthConfig {
    if (token != null && token.isBlank()) {
      throw new ConfigException(
          "A2A_AUTH_TOKEN", "a non-blank token; leave it unset for none", "(blank)");
    }
  }

  /**
   * No token: every A2A request is accepted.
   *
   * @return open access
   * @since 0.1.0
   */
  public static AuthConfig none() {
    return new AuthConfig(null);
  }

  /**
   * Whether requests need the bearer token.
   *
   * @return {@code true} when a token is set
   * @since 0.1.0
   */
  public boolean required() {
    return token != null;
  }

  /** Says whether a token is set, never the token. */
  @Override
  public String toString() {
    return "AuthConfig[token=" + (token == null ? "none" : "(redacted)") + "]";
  }
}
