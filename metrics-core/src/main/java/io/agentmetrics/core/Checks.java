package io.agentmetrics.core;

/**
 * The argument checks of this module, each written once; every message names the field and what it
 * got.
 *
 * <p>Each module keeps its own: a package-private class cannot serve another module, and a public
 * one would make a handful of three-line checks part of the API every module has to keep. This
 * module's value types and configurations use this one.
 */
final class Checks {

  private Checks() {}

  /** Returns {@code value} if it is finite; otherwise throws naming {@code field}. */
  static double finite(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite, got " + value);
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

  /**
   * Returns {@code value} if it is finite and above zero; otherwise throws naming {@code field}.
   */
  static double positive(double value, String field) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          field + " must be a positive, finite number, got " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is at least {@code min}; otherwise throws naming {@code field}. */
  static int atLeast(int value, int min, String field) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be at least " + min + ", got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it lies in {@code (0, 100]}; otherwise throws naming {@code field}.
   */
  static double percent(double value, String field) {
    if (!(value > 0 && value <= 100)) {
      throw new IllegalArgumentException(field + " must be in (0, 100], got " + value);
    }
    return value;
  }
}
