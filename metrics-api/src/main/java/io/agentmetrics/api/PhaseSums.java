package io.agentmetrics.api;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Durations summed by phase name, in the order each name was first added: the phase map of a {@link
 * TimingBreakdown.Builder}.
 *
 * <p>Every breakdown a collector takes passes here, so the sums sit in two arrays that {@link
 * #toMap()} hands to the breakdown's map without copying or boxing them; an {@link #add} after that
 * copies them first. Names are found by scanning while there are at most {@value #SCAN_LIMIT}, and
 * through a hash index beyond that, so an execution with many distinct phase names stays linear.
 *
 * <p>Not thread-safe.
 */
final class PhaseSums {

  private static final int SCAN_LIMIT = 16;

  private String[] names = new String[8];
  private double[] sums = new double[8];
  private int size;

  /** Whether a map returned by {@link #toMap()} owns the arrays, so they must not change. */
  private boolean handedOver;

  private @Nullable Map<String, Integer> index;

  /** Adds {@code ms} to the sum of {@code name}, which starts at zero. */
  void add(String name, double ms) {
    if (handedOver) {
      names = names.clone();
      sums = sums.clone();
      handedOver = false;
    }
    int slot = slotOf(name);
    if (slot >= 0) {
      sums[slot] += ms;
      return;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      sums = Arrays.copyOf(sums, size * 2);
    }
    names[size] = name;
    sums[size] = ms;
    size++;
    if (index != null) {
      index.put(name, size - 1);
    } else if (size > SCAN_LIMIT) {
      index = new HashMap<>();
      for (int i = 0; i < size; i++) {
        index.put(names[i], i);
      }
    }
  }

  /** The sums by name, in the order the names were first added; a new map on each call. */
  Map<String, Double> toMap() {
    if (size == 0) {
      return Map.of();
    }
    handedOver = true;
    return ImmutableOrderedMap.ofDoubles(names, sums, size);
  }

  private int slotOf(String name) {
    if (index != null) {
      Integer slot = index.get(name);
      return slot == null ? -1 : slot;
    }
    // Hash codes first: a String caches its own, and most names differ in it, so the scan seldom
    // compares characters.
    int hash = name.hashCode();
    for (int i = 0; i < size; i++) {
      if (names[i].hashCode() == hash && names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
