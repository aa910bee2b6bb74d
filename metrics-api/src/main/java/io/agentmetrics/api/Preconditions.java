package io.agentmetrics.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Argument checks for constructors and configuration setters, written once for every agentmetrics
 * module and also useful to authors of sinks and collectors.
 *
 * <p>Each check returns the value it accepted, so that it can be used in an assignment, and
 * otherwise throws an {@link IllegalArgumentException} whose message names the field, the rule and
 * the value it got, as in {@code "retention must be positive, got PT0S"}. A check of a reference
 * throws a {@link NullPointerException} whose message is the field's name when the value is null.
 *
 * @since 0.1.0
 */
public final class Preconditions {

  private Preconditions() {}

  /**
   * Returns {@code value} if it is finite.
   *
   * @throws IllegalArgumentException {@code "<field> must be finite, got <value>"} for NaN or an
   *     infinity
   */
  public static double finite(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite, got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is finite and not negative; zero is accepted.
   *
   * @throws IllegalArgumentException {@code "<field> must be a finite, non-negative number, got
   *     <value>"} for a negative number, NaN or an infinity
   */
  public static double nonNegative(double value, String field) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          field + " must be a finite, non-negative number, got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is finite and above zero.
   *
   * @throws IllegalArgumentException {@code "<field> must be a finite, positive number, got
   *     <value>"} for zero, a negative number, NaN or an infinity
   */
  public static double positive(double value, String field) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          field + " must be a finite, positive number, got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is not negative; zero is accepted.
   *
   * @throws IllegalArgumentException {@code "<field> must not be negative, got <value>"}
   */
  public static int nonNegative(int value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is not negative; zero is accepted.
   *
   * @throws IllegalArgumentException {@code "<field> must not be negative, got <value>"}
   */
  public static long nonNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is at least {@code min}.
   *
   * @throws IllegalArgumentException {@code "<field> must be at least <min>, got <value>"}
   */
  public static int atLeast(int value, int min, String field) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be at least " + min + ", got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is at least {@code min}.
   *
   * @throws IllegalArgumentException {@code "<field> must be at least <min>, got <value>"}
   */
  public static long atLeast(long value, long min, String field) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be at least " + min + ", got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is longer than zero.
   *
   * @throws NullPointerException {@code "<field>"} if {@code value} is null
   * @throws IllegalArgumentException {@code "<field> must be positive, got <value>"} for zero or a
   *     negative duration, printed as {@link Duration#toString()} does ({@code PT0S})
   */
  public static Duration positive(Duration value, String field) {
    requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is not negative; zero is accepted.
   *
   * @throws NullPointerException {@code "<field>"} if {@code value} is null
   * @throws IllegalArgumentException {@code "<field> must not be negative, got <value>"}
   */
  public static Duration nonNegative(Duration value, String field) {
    requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it holds at least one character that is not white space.
   *
   * @throws NullPointerException {@code "<field>"} if {@code value} is null
   * @throws IllegalArgumentException {@code "<field> must not be blank"}; the value is not echoed,
   *     as it is empty or white space
   */
  public static String notBlank(String value, String field) {
    requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }
}
