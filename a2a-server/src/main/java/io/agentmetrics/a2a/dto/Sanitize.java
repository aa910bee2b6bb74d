package io.agentmetrics.a2a.dto;

import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps echoed client values short and on one line inside error messages, and secrets out of {@code
 * toString()}.
 */
final class Sanitize {

  private static final int MAX_ECHO = 40;

  private Sanitize() {}

  /** {@code null}, or {@code ***} in place of a secret. */
  static @Nullable String secret(@Nullable String value) {
    return value == null ? null : "***";
  }

  /** {@code scheme://host:port/...} of a URL whose path and query may be secret. */
  static String origin(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() != null && uri.getHost() != null) {
        return shortValue(
            uri.getScheme()
                + "://"
                + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + "/...");
      }
    } catch (URISyntaxException e) {
      // Fall through: a malformed URL shows nothing of itself.
    }
    return "***";
  }

  static String shortValue(String value) {
    String oneLine = value.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() <= MAX_ECHO ? oneLine : oneLine.substring(0, MAX_ECHO) + "...";
  }
}
