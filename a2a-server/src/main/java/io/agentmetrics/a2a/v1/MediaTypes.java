package io.agentmetrics.a2a.v1;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The media types an A2A 1.0 request body may declare. */
final class MediaTypes {

  private MediaTypes() {}

  /**
   * Whether {@code contentType} is {@code application/json} or {@code application/a2a+json} (the
   * HTTP+JSON binding's own type, section 11.1), with any parameters.
   */
  static boolean isJson(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.equals("application/a2a+json");
  }
}
