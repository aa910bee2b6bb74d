package io.agentmetrics.a2a.profile;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Histogram settings shared by the profiler and the trace report: microseconds, 3 digits. */
final class LatencyHistograms {

  static final int SIGNIFICANT_DIGITS = 3;

  private LatencyHistograms() {}

  /** A new auto-resizing histogram of microsecond values. */
  static Histogram newMicros() {
    Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    histogram.setAutoResize(true);
    return histogram;
  }

  static void recordNanos(Histogram histogram, long nanos) {
    histogram.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
  }

  static void recordMillis(Histogram histogram, double millis) {
    histogram.recordValue(Math.max(0, Math.round(millis * 1000.0)));
  }

  static double toMillis(double micros) {
    return micros / 1000.0;
  }
}
