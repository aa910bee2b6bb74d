package io.agentmetrics.a2a.v1;

/** Error messages from parsers, made safe to echo: one line, bounded length. */
final class Sanitize {

  private static final int MAX = 200;

  private Sanitize() {}

  static String message(Exception e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    text = text.replaceAll("[\\r\\n\\t]+", " ");
    return text.length() > MAX ? text.substring(0, MAX) + "..." : text;
  }

  static String header(String value) {
    String text = value.replaceAll("[\\p{Cntrl}]", "?");
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
