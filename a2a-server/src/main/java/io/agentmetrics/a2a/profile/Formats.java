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

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
