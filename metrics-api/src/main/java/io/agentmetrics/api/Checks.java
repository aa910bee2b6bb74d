package io.agentmetrics.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Argument checks shared by the value types of this package. */
final class Checks {

  private Checks() {}

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

  /** Returns {@code value} if it is not negative; otherwise throws naming {@code field}. */
  static long nonNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, got " + value);
    }
    return value;
  }

  /**
   * An unmodifiable copy of {@code map} that keeps its iteration order, so that metadata prints in
   * the order it was given.
   *
   * @throws NullPointerException naming {@code field} and the key, for a null key or value
   */
  static <V> Map<String, V> orderedCopy(Map<String, ? extends V> map, String field) {
    Objects.requireNonNull(map, field);
    if (map.isEmpty()) {
      return Map.of();
    }
    // A plain loop with messages built only on failure: every metric and breakdown passes here,
    // and capturing lambdas or eager concatenation would cost allocations on the hot path.
    Map<String, V> copy = new LinkedHashMap<>(map.size() * 2);
    for (Map.Entry<String, ? extends V> entry : map.entrySet()) {
      String key = entry.getKey();
      V value = entry.getValue();
      if (key == null) {
        throw new NullPointerException(field + " must not contain a null key");
      }
      if (value == null) {
        throw new NullPointerException(
            field + " must not contain a null value (key '" + key + "')");
      }
      copy.put(key, value);
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Checks that every value of {@code map} is finite and not negative; otherwise throws naming
   * {@code field} and the key, as in {@code phasesMs[llm_processing]}.
   */
  static void nonNegativeValues(Map<String, Double> map, String field) {
    for (Map.Entry<String, Double> entry : map.entrySet()) {
      double value = entry.getValue();
      if (!(value >= 0) || Double.isInfinite(value)) {
        nonNegative(value, field + "[" + entry.getKey() + "]");
      }
    }
  }
}
