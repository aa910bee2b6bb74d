package io.agentmetrics.a2a.dto;

/** Keeps echoed client values short and on one line inside error messages. */
final class Sanitize {

  private static final int MAX_ECHO = 40;

  private Sanitize() {}

  static String shortValue(String value) {
    String oneLine = value.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() <= MAX_ECHO ? oneLine : oneLine.substring(0, MAX_ECHO) + "...";
  }
}
