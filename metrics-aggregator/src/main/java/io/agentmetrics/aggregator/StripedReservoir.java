package io.agentmetrics.aggregator;

import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.Preconditions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The most recent raw metrics of one type, at most {@code capacity} of them as read: one {@link
 * Reservoir} ring per stripe, the stripe picked by the recording thread, so that threads on
 * different stripes claim sequence numbers and install entries without sharing a cache line (see
 * {@link Stripes}).
 *
 * <p>Each stripe holds up to {@code capacity} entries; a read merges the stripes, orders them by
 * arrival and keeps the {@code capacity} newest, so what is read is the same as from one ring of
 * {@code capacity} that every thread fed. A stripe is created when a thread first records into it,
 * so an aggregator fed by one thread holds one ring, and never more rings than its stripe count.
 *
 * <p>Thread-safe, as each {@link Reservoir} is: threads that share a stripe race through its
 * compare-and-set.
 */
final class StripedReservoir {

  private static final Comparator<Reservoir.Entry> BY_ARRIVAL =
      Comparator.comparingLong(Reservoir.Entry::arrivalNanos);

  private final int capacity;
  private final Stripes<Reservoir> stripes;

  StripedReservoir(int capacity, int stripeCount) {
    Preconditions.atLeast(capacity, 1, "capacity");
    this.capacity = capacity;
    this.stripes = new Stripes<>(stripeCount, () -> new Reservoir(capacity));
  }

  /**
   * Keeps {@code metric} in the stripe of the thread numbered {@code thread} ({@link
   * Stripes#threadNumber()}), in place of that stripe's oldest entry.
   */
  void add(PerformanceMetric metric, long arrivalNanos, int thread) {
    stripes.of(thread).add(metric, arrivalNanos);
  }

  /**
   * Adds to {@code into}, oldest first, the newest {@code capacity} kept entries that arrived at or
   * after the cutoff.
   */
  void collectSince(long cutoffNanos, List<Reservoir.Entry> into) {
    List<Reservoir.Entry> merged = new ArrayList<>();
    for (int i = 0; i < stripes.count(); i++) {
      Reservoir stripe = stripes.get(i);
      if (stripe != null) {
        stripe.collectSince(cutoffNanos, merged);
      }
    }
    merged.sort(BY_ARRIVAL);
    into.addAll(merged.subList(Math.max(0, merged.size() - capacity), merged.size()));
  }

  /** Removes every entry that arrived before the cutoff; returns how many. */
  int removeBefore(long cutoffNanos) {
    int removed = 0;
    for (int i = 0; i < stripes.count(); i++) {
      Reservoir stripe = stripes.get(i);
      if (stripe != null) {
        removed += stripe.removeBefore(cutoffNanos);
      }
    }
    return removed;
  }
}
