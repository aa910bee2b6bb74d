package io.agentmetrics.a2a.profile;

import org.HdrHistogram.Histogram;

/**
 * Summary statistics in milliseconds, all read from an HdrHistogram of microsecond values (3
 * significant digits), so they are exact to about 0.1%.
 */
record LatencyStats(
    long count,
    double mean,
    double median,
    double min,
    double max,
    double stdDev,
    double p90,
    double p95,
    double p99,
    double p999) {

  static LatencyStats of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return new LatencyStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
    return new LatencyStats(
        micros.getTotalCount(),
        ms(micros.getMean()),
        ms(micros.getValueAtPercentile(50)),
        ms(micros.getMinValue()),
        ms(micros.getMaxValue()),
        ms(micros.getStdDeviation()),
        ms(micros.getValueAtPercentile(90)),
        ms(micros.getValueAtPercentile(95)),
        ms(micros.getValueAtPercentile(99)),
        ms(micros.getValueAtPercentile(99.9)));
  }

  private static double ms(double micros) {
    return LatencyHistograms.toMillis(micros);
  }

  /** A recorded value in microseconds, exact as a double below 2^53 (285 years). */
  private static double ms(long micros) {
    return ms((double) micros);
  }
}
