package io.agentmetrics.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The copies and checks of the string-keyed maps that the value types of this package hold; the
 * generic checks are {@link Preconditions}.
 */
final class Maps {

  private Maps() {}

  /**
   * An unmodifiable copy of {@code map} that keeps its iteration order, so that metadata prints in
   * the order it was given; a map this method returned is returned as it is.
   *
   * @throws NullPointerException naming {@code field} and the key, for a null key or value
   */
  static <V> Map<String, V> orderedCopy(Map<String, ? extends V> map, String field) {
    Objects.requireNonNull(map, field);
    if (map.isEmpty()) {
      return Map.of();
    }
    if (map instanceof ImmutableOrderedMap) {
      @SuppressWarnings("unchecked") // immutable, so a map of a subtype of V is a map of V
      Map<String, V> same = (Map<String, V>) map;
      return same;
    }
    // A plain loop with messages built only on failure: every metric and breakdown passes here,
    // and capturing lambdas or eager concatenation would cost allocations on the hot path.
    Object[] keysAndValues = new Object[map.size() * 2];
    int index = 0;
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
      if (index == keysAndValues.length) {
        // A concurrent map may grow while it is copied.
        keysAndValues = Arrays.copyOf(keysAndValues, Math.max(2, index * 2));
      }
      keysAndValues[index++] = key;
      keysAndValues[index++] = value;
    }
    if (index < keysAndValues.length) {
      keysAndValues = Arrays.copyOf(keysAndValues, index);
    }
    return index == 0 ? Map.of() : ImmutableOrderedMap.of(keysAndValues);
  }

  /**
   * Checks that every value of {@code map} is finite and not negative; otherwise throws naming
   * {@code field} and the key, as in {@code phasesMs[llm_processing]}.
   */
  static void nonNegativeValues(Map<String, Double> map, String field) {
    if (map instanceof ImmutableOrderedMap.OfDoubles doubles) {
      // A breakdown's phase sums: checked unboxed, as every breakdown passes here.
      for (int i = 0; i < doubles.size(); i++) {
        double value = doubles.doubleAt(i);
        if (!(value >= 0) || Double.isInfinite(value)) {
          Preconditions.nonNegative(value, field + "[" + doubles.keyAt(i) + "]");
        }
      }
      return;
    }
    // forEach, not entrySet: an ImmutableOrderedMap walks its array without making entries.
    map.forEach(
        (key, value) -> {
          if (!(value >= 0) || Double.isInfinite(value)) {
            Preconditions.nonNegative(value, field + "[" + key + "]");
          }
        });
  }
}
