package io.agentmetrics.a2a.dto;

import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Field checks for the compact constructors of this package; messages name the field. */
final class Require {

  /** The longest id accepted, in characters; a longer one is refused, never echoed. */
  static final int MAX_ID_LENGTH = 256;

  private Require() {}

  static <T> T present(@Nullable T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  static String nonBlank(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required and must be a non-empty string");
    }
    return value;
  }

  static String id(@Nullable String value, String field) {
    return bounded(nonBlank(value, field), field);
  }

  static @Nullable String optionalId(@Nullable String value, String field) {
    return value == null ? null : bounded(value, field);
  }

  /**
   * Checks the length, and refuses U+0000: no id holds one, and a database's text (PostgreSQL's)
   * cannot store it.
   */
  private static String bounded(String id, String field) {
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          field + " must be at most " + MAX_ID_LENGTH + " characters, got " + id.length());
    }
    if (id.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(field + " must not contain the NUL character (U+0000)");
    }
    return id;
  }

  static <T> List<T> nonEmpty(@Nullable List<T> value, String field) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(field + " is required and must be a non-empty array");
    }
    return copyOf(value, field);
  }

  static <T> List<T> copyOrEmpty(@Nullable List<T> value, String field) {
    return value == null ? List.of() : copyOf(value, field);
  }

  static @Nullable Integer nonNegative(@Nullable Integer value, String field) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, got " + value);
    }
    return value;
  }

  /**
   * A value that can go into an HTTP header as it is: printable ASCII, spaces and tabs inside only.
   * CR, LF and other control characters would split the header (and forge log lines).
   */
  static @Nullable String headerValue(@Nullable String value, String field) {
    if (value != null && !isHeaderValue(value)) {
      throw new IllegalArgumentException(
          field
              + " must be a valid HTTP header value: printable ASCII, without CR, LF or other"
              + " control characters, and without leading or trailing spaces");
    }
    return value;
  }

  /**
   * Base64 as {@link Base64#getMimeDecoder()} reads it back (line breaks allowed), but with no
   * character outside the alphabet, which that decoder would silently skip. The value is never
   * echoed.
   */
  static @Nullable String base64(@Nullable String value, String field) {
    if (value != null && !isBase64(value)) {
      throw new IllegalArgumentException(
          field
              + " must be base64: A-Z, a-z, 0-9, + and /, with = padding and line breaks"
              + " allowed, and no lone last character");
    }
    return value;
  }

  /** An HTTP token (RFC 9110), as an authentication scheme must be: no spaces or separators. */
  static String headerToken(String value, String field) {
    if (value.isEmpty() || !value.chars().allMatch(Require::isTokenChar)) {
      throw new IllegalArgumentException(
          field
              + " must be a valid HTTP header token, such as Bearer or Basic: letters, digits and"
              + " !#$%&'*+-.^_`|~ only");
    }
    return value;
  }

  private static boolean isHeaderValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean visible = c > 0x20 && c < 0x7f;
      boolean inner = (c == ' ' || c == '\t') && i > 0 && i < value.length() - 1;
      if (!visible && !inner) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBase64(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alphabet && "+/=\r\n".indexOf(c) < 0) {
        return false;
      }
    }
    try {
      Base64.getMimeDecoder().decode(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static <T> List<T> copyOf(List<T> value, String field) {
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i) == null) {
        throw new IllegalArgumentException(field + "[" + i + "] must not be null");
      }
    }
    return List.copyOf(value);
  }
}
