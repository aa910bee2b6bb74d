package io.agentmetrics.a2a.task;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Formats a task status's timestamp exactly as {@link Instant#toString()} does (ISO-8601 in UTC,
 * with 0, 3, 6 or 9 fraction digits), without its formatter: a task changes status three times per
 * turn, and {@code Instant.toString()} built a formatter context and several strings each time. The
 * date and time of day are computed once per second and kept; the fraction is appended.
 *
 * <p>Thread-safe: the kept second is an immutable value published through a volatile field.
 */
final class StatusTimestamps {

  /** The last second formatted: its epoch second and {@code yyyy-MM-ddTHH:mm:ss}. */
  private record Second(long epochSecond, String text) {}

  private static final long FIRST_FOUR_DIGIT_YEAR =
      Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long LAST_FOUR_DIGIT_YEAR =
      Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  private static volatile Second last = new Second(Long.MIN_VALUE, "");

  private StatusTimestamps() {}

  /** {@code instant} as {@link Instant#toString()} writes it. */
  static String format(Instant instant) {
    long epochSecond = instant.getEpochSecond();
    if (epochSecond < FIRST_FOUR_DIGIT_YEAR || epochSecond > LAST_FOUR_DIGIT_YEAR) {
      return instant.toString(); // signed or five-digit years: rare, so the JDK's own
    }
    Second second = last;
    if (second.epochSecond() != epochSecond) {
      second = new Second(epochSecond, dateAndTime(epochSecond));
      last = second;
    }
    int nanos = instant.getNano();
    int digits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
    String text = second.text();
    char[] chars = new char[text.length() + (digits == 0 ? 1 : digits + 2)];
    text.getChars(0, text.length(), chars, 0);
    int at = text.length();
    if (digits > 0) {
      chars[at++] = '.';
      int fraction = nanos;
      for (int skipped = 9; skipped > digits; skipped--) {
        fraction /= 10;
      }
      for (int i = at + digits - 1; i >= at; i--) {
        chars[i] = (char) ('0' + fraction % 10);
        fraction /= 10;
      }
      at += digits;
    }
    chars[at] = 'Z';
    return new String(chars);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss} of a second in a four-digit year. */
  private static String dateAndTime(long epochSecond) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    char[] chars = new char[19];
    digits(chars, 0, time.getYear(), 4);
    chars[4] = '-';
    digits(chars, 5, time.getMonthValue(), 2);
    chars[7] = '-';
    digits(chars, 8, time.getDayOfMonth(), 2);
    chars[10] = 'T';
    digits(chars, 11, time.getHour(), 2);
    chars[13] = ':';
    digits(chars, 14, time.getMinute(), 2);
    chars[16] = ':';
    digits(chars, 17, time.getSecond(), 2);
    return new String(chars);
  }

  private static void digits(char[] chars, int from, int value, int count) {
    for (int i = from + count - 1; i >= from; i--) {
      chars[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
