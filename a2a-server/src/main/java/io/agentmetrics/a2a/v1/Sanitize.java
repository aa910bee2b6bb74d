package io.agentmetrics.a2a.v1;

/**
 * Client values and parser messages, made safe to echo in an error: one line, bounded length. An
 * echoed client value (a header, a path) keeps at most {@value #MAX_ECHO} characters, as the 0.3
 * records' checks do, so that no id over the 256-character limit comes back whole.
 */
final class Sanitize {

  private static final int MAX = 200;
  private static final int MAX_ECHO = 40;

  private Sanitize() {}

  static String message(Exception e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    text = text.replaceAll("[\\r\\n\\t]+", " ");
    return text.length() > MAX ? text.substring(0, MAX) + "..." : text;
  }

  static String header(String value) {
    String text = value.replaceAll("[\\p{Cntrl}]", "?");
    return text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "..." : text;
  }
}
