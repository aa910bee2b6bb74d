package io.agentmetrics.a2a.profile;

import java.util.Locale;

/** Number formatting for console output, independent of the default locale. */
final class Formats {

  private Formats() {}

  static String ms(double millis) {
    return String.format(Locale.ROOT, "%.2f", millis);
  }

  static String ms(long nanos) {
    return ms(nanos / 1e6);
  }

  /** A share as a percentage; small shares keep two decimals so they do not read as zero. */
  static String percent(double share) {
    double percent = share * 100;
    return String.format(Locale.ROOT, percent < 1 ? "%.2f%%" : "%.1f%%", percent);
  }
}
