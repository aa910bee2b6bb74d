package io.agentmetrics.a2a.profile;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number formatting for console output, independent of the default locale. */
final class Formats {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Formats() {}

  static String ms(double millis) {
    return String.format(Locale.ROOT, "%.2f", millis);
  }

  static String ms(long nanos) {
    return ms(nanos / 1e6);
  }

  /** A duration for people: {@code 30 s}, {@code 250 ms}, {@code 2.50 min}. */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 120_000) {
      return millis % 1000 == 0 ? millis / 1000 + " s" : ms(millis / 1000.0) + " s";
    }
    return ms(millis / 60_000.0) + " min";
  }

  /** An instant to the second, in UTC. */
  static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  /** A count with its noun, singular for one: {@code 1 send}, {@code 1,204 sends}. */
  static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  /**
   * Text from a log made safe to print on one line: control characters, such as a newline a client
   * put in its request id, become {@code ?}.
   */
  static String printable(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, '?');
      }
    }
    return out == null ? text : out.toString();
  }

  /** A share as a percentage; small shares keep two decimals so they do not read as zero. */
  static String percent(double share) {
    double percent = share * 100;
    return String.format(Locale.ROOT, percent < 1 ? "%.2f%%" : "%.1f%%", percent);
  }

  /** US dollars to a millionth, enough for the cost of one LLM call: {@code $0.000179}. */
  static String usd(double dollars) {
    return String.format(Locale.ROOT, "$%.6f", dollars);
  }

  /** A token count with thousands separators. */
  static String tokens(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }
}
