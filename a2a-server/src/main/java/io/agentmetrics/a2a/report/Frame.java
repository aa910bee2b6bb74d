package io.agentmetrics.a2a.report;

/**
 * The plotting area of a chart in SVG user units, and the mapping from data to it. Every chart is
 * drawn in a fixed {@link #WIDTH} x {@link #HEIGHT} view box and scaled by CSS to its container.
 */
record Frame(double xMin, double xMax, double yMin, double yMax) {

  static final double WIDTH = 640;
  static final double HEIGHT = 300;
  static final double LEFT = 64;
  static final double RIGHT = 20;
  static final double TOP = 16;
  static final double BOTTOM = 48;

  double x(double value) {
    double span = xMax - xMin;
    return LEFT + (span == 0 ? 0 : (value - xMin) / span) * plotWidth();
  }

  double y(double value) {
    double span = yMax - yMin;
    return TOP + plotHeight() - (span == 0 ? 0 : (value - yMin) / span) * plotHeight();
  }

  static double plotWidth() {
    return WIDTH - LEFT - RIGHT;
  }

  static double plotHeight() {
    return HEIGHT - TOP - BOTTOM;
  }

  static double bottom() {
    return TOP + plotHeight();
  }
}
