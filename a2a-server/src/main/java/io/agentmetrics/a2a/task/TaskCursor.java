package io.agentmetrics.a2a.task;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A position in the listing order (newest status change first, then task id), carried between pages
 * as an opaque page token. A token names the last task of a page, so a page starts right after it
 * however many tasks were added or removed meanwhile.
 */
record TaskCursor(Instant updated, String id) {

  String token() {
    String plain = updated.getEpochSecond() + "." + updated.getNano() + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  static TaskCursor parse(String token) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int dot = plain.indexOf('.');
      int colon = plain.indexOf(':');
      if (dot < 1 || colon < dot) {
        throw new IllegalArgumentException("malformed");
      }
      return new TaskCursor(
          Instant.ofEpochSecond(
              Long.parseLong(plain.substring(0, dot)),
              Long.parseLong(plain.substring(dot + 1, colon))),
          plain.substring(colon + 1));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new TaskException(
          TaskException.Reason.INVALID_PARAMS,
          "pageToken is not a token this server issued; pass the nextPageToken of the previous"
              + " page, or none for the first page");
    }
  }
}
