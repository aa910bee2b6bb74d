package io.agentmetrics.supervisor.otel;

import io.agentmetrics.api.Preconditions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits the first {@code max} distinct values of a metric attribute and folds every later one into
 * a fallback, so that one caller with free-form names cannot multiply an APM's series count.
 *
 * <p>Thread-safe and lock-free. Once {@code max} values are admitted, the set never changes again,
 * so the common path is one concurrent-set lookup.
 */
final class BoundedValues {

  private final int max;
  private final Set<String> admitted = ConcurrentHashMap.newKeySet();
  private final AtomicInteger reserved = new AtomicInteger();

  BoundedValues(int max) {
    Preconditions.atLeast(max, 1, "max");
    this.max = max;
  }

  /** Returns {@code value} if it is, or can still become, one of the admitted values. */
  String fold(String value, String fallback) {
    if (admitted.contains(value)) {
      return value;
    }
    while (true) {
      int taken = reserved.get();
      if (taken >= max) {
        return fallback;
      }
      if (reserved.compareAndSet(taken, taken + 1)) {
        if (!admitted.add(value)) {
          // Another thread admitted the same value meanwhile: give the slot back.
          reserved.decrementAndGet();
        }
        return value;
      }
    }
  }

  /** How many distinct values have been admitted. */
  int admittedCount() {
    return admitted.size();
  }
}
