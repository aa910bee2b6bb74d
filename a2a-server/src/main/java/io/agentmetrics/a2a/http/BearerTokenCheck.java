package io.agentmetrics.a2a.http;

import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@code Authorization: Bearer <token>} in constant time. Both sides are hashed first, so
 * neither the token's content nor its length leaks through timing.
 *
 * <p>Immutable and thread-safe.
 */
final class BearerTokenCheck {

  private static final String PREFIX = "Bearer ";

  private final byte @Nullable [] expectedDigest;

  BearerTokenCheck(@Nullable String token) {
    this.expectedDigest = token == null ? null : Sha256.of(token);
  }

  boolean accepts(@Nullable String authorizationHeader) {
    if (expectedDigest == null) {
      return true;
    }
    if (authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    byte[] presented = Sha256.of(authorizationHeader.substring(PREFIX.length()).trim());
    return MessageDigest.isEqual(expectedDigest, presented);
  }
}
