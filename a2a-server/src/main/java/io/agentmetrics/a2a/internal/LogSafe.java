package io.agentmetrics.a2a.internal;

import org.jspecify.annotations.Nullable;

/**
 * Makes a client-supplied value safe to put in a log line: control characters (CR, LF, ESC, C1 and
 * the Unicode line and paragraph separators) and backslashes are escaped, so the value stays on its
 * line and cannot pass for another log event or drive a terminal, and it is cut to {@value
 * #MAX_LENGTH} characters. Internal, may change.
 *
 * <p>Every value a client chose (ids, methods, hosts, header values, message text) goes through
 * {@link #of} before it reaches a logger.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class LogSafe {

  /**
   * The most characters of a value that are logged; the longest id a client may send.
   *
   * @since 0.1.0
   */
  public static final int MAX_LENGTH = 256;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private LogSafe() {}

  /**
   * {@code value} escaped and cut for a log line; {@code null} for a null value.
   *
   * @param value a client-supplied value, or null
   * @return the value with {@code \r}, {@code \n}, {@code \t} and {@code \\} escaped, other control
   *     characters as {@code \}{@code uXXXX}, and at most {@value #MAX_LENGTH} characters of it
   *     followed by {@code ...(N chars)} when it was longer
   * @since 0.1.0
   */
  public static @Nullable String of(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString();
    int shown = Math.min(text.length(), MAX_LENGTH);
    if (shown == text.length() && isClean(text)) {
      return text;
    }
    StringBuilder safe = new StringBuilder(shown + 16);
    for (int i = 0; i < shown; i++) {
      append(safe, text.charAt(i));
    }
    if (shown < text.length()) {
      safe.append("...(").append(text.length()).append(" chars)");
    }
    return safe.toString();
  }

  private static boolean isClean(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (needsEscape(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\\' || c == '\u2028' || c == '\u2029';
  }

  private static void append(StringBuilder safe, char c) {
    switch (c) {
      case '\r' -> safe.append("\\r");
      case '\n' -> safe.append("\\n");
      case '\t' -> safe.append("\\t");
      case '\\' -> safe.append("\\\\");
      default -> {
        if (needsEscape(c)) {
          safe.append("\\u")
              .append(HEX[(c >> 12) & 0xf])
              .append(HEX[(c >> 8) & 0xf])
              .append(HEX[(c >> 4) & 0xf])
              .append(HEX[c & 0xf]);
        } else {
          safe.append(c);
        }
      }
    }
  }
}
