package io.agentmetrics.a2a.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.ToLongFunction;

/**
 * How much a store may hold: at most {@code maxEntries} entries, weighing at most {@code maxBytes}
 * together. Caffeine bounds a cache by one measure, so both become one weight: an entry weighs its
 * retained bytes but never less than {@code maxBytes / maxEntries}, and the cache's maximum weight
 * is {@code maxEntries} times that floor. Small entries are then bounded by their count, large ones
 * by their bytes, and {@code maxEntries + 1} entries never fit.
 *
 * @param maxEntries the most entries kept
 * @param maxBytes the most retained bytes kept, at least {@code maxEntries}
 * @since 0.1.0
 */
public record StoreLimits(long maxEntries, long maxBytes) {

  /** Checks that both bounds are positive and that each entry may weigh at least one byte. */
  public StoreLimits {
    if (maxEntries <= 0) {
      throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
    }
    if (maxBytes < maxEntries) {
      throw new IllegalArgumentException(
          "maxBytes must be at least maxEntries (" + maxEntries + "), got " + maxBytes);
    }
  }

  /**
   * The weight no entry goes below.
   *
   * @return {@code maxBytes / maxEntries}
   * @since 0.1.0
   */
  public long floor() {
    return maxBytes / maxEntries;
  }

  /**
   * Bounds {@code builder} by these limits, weighing each value with {@code retainedBytes}.
   *
   * @param builder a cache builder without a size or weight bound
   * @param retainedBytes the retained bytes of a value, read when it is written
   * @param <K> the key type
   * @param <V> the value type
   * @return the builder, bounded
   * @since 0.1.0
   */
  public <K, V> Caffeine<K, V> bound(
      Caffeine<Object, Object> builder, ToLongFunction<? super V> retainedBytes) {
    long floor = floor();
    return builder
        .maximumWeight(maxEntries * floor)
        .weigher(
            (K key, V value) ->
                (int)
                    Math.min(Integer.MAX_VALUE, Math.max(floor, retainedBytes.applyAsLong(value))));
  }
}
