package io.agentmetrics.a2a.report;

import java.util.Locale;

/** Escaping and number formatting for HTML and SVG text. */
final class Html {

  private Html() {}

  /** Escapes text for element content and double- or single-quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A coordinate with at most two decimals, locale-independent. */
  static String num(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "0";
    }
    return trimZeros(String.format(Locale.ROOT, "%.2f", value));
  }

  private static String trimZeros(String decimal) {
    String text =
        decimal.contains(".") ? decimal.replaceAll("0+$", "").replaceAll("\\.$", "") : decimal;
    return "-0".equals(text) ? "0" : text;
  }

  /** A value for axis labels and tables: fewer decimals as numbers grow. */
  static String label(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 1000 || value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (magnitude >= 10) {
      return num(Math.round(value * 10) / 10.0);
    }
    if (magnitude >= 0.1) {
      return num(value);
    }
    return trimZeros(String.format(Locale.ROOT, "%.3f", value));
  }
}
