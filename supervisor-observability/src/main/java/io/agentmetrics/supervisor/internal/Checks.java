package io.agentmetrics.supervisor.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The argument checks of supervisor-observability, each written once; every message names the field
 * and what it got. Internal, may change: public only so that both packages of this module can use
 * it, and no other module may (each module keeps its own checks, an ArchUnit rule keeps it so).
 */
public final class Checks {

  private Checks() {}

  /** Returns {@code value} if it is above zero; otherwise throws naming {@code field}. */
  public static Duration positive(Duration value, String field) {
    requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is at least {@code min}; otherwise throws naming {@code field}. */
  public static long atLeast(long value, long min, String field) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be at least " + min + ", got " + value);
    }
    return value;
  }

  /** Returns {@code value} if it holds a non-blank character; otherwise throws naming it. */
  public static String notBlank(String value, String field) {
    requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }
}
