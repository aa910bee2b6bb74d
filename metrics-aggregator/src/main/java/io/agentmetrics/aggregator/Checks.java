package io.agentmetrics.aggregator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The generic argument checks of this module, each written once; every message names the field and
 * what it got. Range rules that belong to the aggregator's domain (a percentile, a slice that
 * divides its window) stay with {@link AggregatorConfig}, which defines them.
 *
 * <p>Each module keeps its own checks: a package-private class cannot serve another module, and a
 * public one would make a handful of three-line checks part of the API every module has to keep.
 */
final class Checks {

  private Checks() {}

  /** Returns {@code value} if it is above zero; otherwise throws naming {@code field}. */
  static Duration positive(Duration value, String field) {
    requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is finite and above zero; otherwise throws naming {@code field}.
   */
  static double positive(double value, String field) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          field + " must be a finite, positive number, got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is finite and not negative; otherwise throws naming {@code field}.
   */
  static double nonNegative(double value, String field) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          field + " must be a finite, non-negative number, got " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is at least {@code min}; otherwise throws naming {@code field}. */
  static long atLeast(long value, long min, String field) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be at least " + min + ", got " + value);
    }
    return value;
  }
}
