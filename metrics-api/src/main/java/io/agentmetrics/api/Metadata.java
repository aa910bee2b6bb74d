package io.agentmetrics.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Factories for metadata in the form the value types of this package keep it: immutable, in the
 * order given, keys and values never null.
 *
 * <p>A {@link PerformanceMetric} or {@link PhaseRecord} copies the metadata it is given, so that
 * later changes to the caller's map cannot reach it. A map made here is already such a copy and is
 * kept as it is: a metric recorded on every call with {@code Metadata.of("endpoint", path)} costs
 * one small map instead of a {@code Map.of} and its copy.
 *
 * <p>The maps are immutable, and so thread-safe.
 *
 * @since 0.1.0
 */
public final class Metadata {

  private Metadata() {}

  /**
   * Metadata of one entry.
   *
   * @throws NullPointerException if {@code key} or {@code value} is null
   */
  public static Map<String, Object> of(String key, Object value) {
    return ImmutableOrderedMap.of(
        new Object[] {requireNonNull(key, "key"), requireNonNull(value, "value")});
  }

  /**
   * Metadata of two entries, in the order given.
   *
   * @throws NullPointerException if a key or value is null
   * @throws IllegalArgumentException if the keys are equal
   */
  public static Map<String, Object> of(String key1, Object value1, String key2, Object value2) {
    if (requireNonNull(key1, "key1").equals(requireNonNull(key2, "key2"))) {
      throw new IllegalArgumentException("duplicate metadata key '" + key1 + "'");
    }
    return ImmutableOrderedMap.of(
        new Object[] {
          key1, requireNonNull(value1, "value1"), key2, requireNonNull(value2, "value2")
        });
  }
}
