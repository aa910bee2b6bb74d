package io.agentmetrics.a2a.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Axis ticks at "nice" numbers (1, 2, 2.5, 5 times a power of ten) covering a data range, after
 * Heckbert's algorithm in Graphics Gems.
 */
record NiceScale(double min, double max, double step) {

  static NiceScale of(double dataMin, double dataMax, int maxTicks) {
    double low = Math.min(dataMin, dataMax);
    double high = Math.max(dataMin, dataMax);
    if (high - low < 1e-9) {
      high = low == 0 ? 1 : low + Math.abs(low) * 0.1;
    }
    double step = nice((high - low) / Math.max(1, maxTicks - 1));
    return new NiceScale(Math.floor(low / step) * step, Math.ceil(high / step) * step, step);
  }

  /** The smallest nice number not below {@code value}. */
  static double nice(double value) {
    double exponent = Math.floor(Math.log10(value));
    double fraction = value / Math.pow(10, exponent);
    double niceFraction;
    if (fraction <= 1) {
      niceFraction = 1;
    } else if (fraction <= 2) {
      niceFraction = 2;
    } else if (fraction <= 2.5) {
      niceFraction = 2.5;
    } else if (fraction <= 5) {
      niceFraction = 5;
    } else {
      niceFraction = 10;
    }
    return niceFraction * Math.pow(10, exponent);
  }

  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    long n = Math.round((max - min) / step);
    for (long i = 0; i <= n; i++) {
      ticks.add(min + i * step);
    }
    return ticks;
  }
}
