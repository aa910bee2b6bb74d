package io.agentmetrics.agent.internal;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;

/**
 * The argument checks of agent-runtime, each written once; every message names the field and what
 * it got. Internal, may change: public only so that both packages of this module can use it, and no
 * other module may (each module keeps its own checks, an ArchUnit rule keeps it so).
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

  /** Returns {@code value} if it is not negative; otherwise throws naming {@code field}. */
  public static Duration nonNegative(Duration value, String field) {
    requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, got " + value);
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

  /** Returns {@code value} if it is not negative; otherwise throws naming {@code field}. */
  public static int nonNegative(int value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is finite and not negative; otherwise throws naming {@code field}.
   */
  public static double nonNegative(double value, String field) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          field + " must be a finite, non-negative number, got " + value);
    }
    return value;
  }

  /** An absolute http(s) URI without a trailing slash, so that paths can be appended to it. */
  public static URI httpBaseUri(URI value, String field) {
    requireNonNull(value, field);
    String scheme = value.getScheme();
    if (!value.isAbsolute()
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        || value.getHost() == null) {
      throw new IllegalArgumentException(
          field
              + " must be an absolute http or https URL such as http://localhost:11434/v1, got "
              + value);
    }
    if (value.getRawQuery() != null || value.getRawFragment() != null) {
      throw new IllegalArgumentException(
          field + " must not have a query or fragment, got " + value);
    }
    String text = value.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : value;
  }
}
