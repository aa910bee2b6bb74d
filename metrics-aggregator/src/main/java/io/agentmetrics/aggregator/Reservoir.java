package io.agentmetrics.aggregator;

import io.agentmetrics.api.PerformanceMetric;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The most recent raw metrics of one type, at most {@code capacity} of them: a ring buffer in which
 * each new metric overwrites the oldest.
 *
 * <p>Thread-safe and lock-free: a writer claims a sequence number and installs its entry with a
 * compare-and-set that never replaces a newer entry, so racing writers cannot resurrect an old one.
 */
final class Reservoir {

  private final AtomicReferenceArray<Entry> slots;
  private final AtomicLong nextSequence = new AtomicLong();

  Reservoir(int capacity) {
    this.slots = new AtomicReferenceArray<>(capacity);
  }

  /** Keeps {@code metric}, in place of the oldest entry once the ring is full. */
  void add(PerformanceMetric metric, long arrivalNanos) {
    install(claim(), metric, arrivalNanos);
  }

  /** Claims the next sequence number; {@link #add} is this followed by {@link #install}. */
  long claim() {
    return nextSequence.getAndIncrement();
  }

  /**
   * Installs the entry of a claimed sequence number in its slot, unless a writer that claimed a
   * later lap of the same slot got there first.
   */
  void install(long sequence, PerformanceMetric metric, long arrivalNanos) {
    int slot = slotOf(sequence);
    Entry entry = new Entry(sequence, arrivalNanos, metric);
    while (true) {
      Entry existing = slots.get(slot);
      if (existing != null && existing.sequence > sequence) {
        return;
      }
      if (slots.compareAndSet(slot, existing, entry)) {
        return;
      }
    }
  }

  /** Adds to {@code into}, oldest first, every kept entry that arrived at or after the cutoff. */
  void collectSince(long cutoffNanos, List<Entry> into) {
    long end = nextSequence.get();
    for (long sequence = Math.max(0, end - slots.length()); sequence < end; sequence++) {
      Entry entry = slots.get(slotOf(sequence));
      if (entry != null && entry.sequence == sequence && entry.arrivalNanos >= cutoffNanos) {
        into.add(entry);
      }
    }
  }

  /** Removes every entry that arrived before the cutoff; returns how many. */
  int removeBefore(long cutoffNanos) {
    int removed = 0;
    for (int slot = 0; slot < slots.length(); slot++) {
      Entry entry = slots.get(slot);
      if (entry != null
          && entry.arrivalNanos < cutoffNanos
          && slots.compareAndSet(slot, entry, null)) {
        removed++;
      }
    }
    return removed;
  }

  private int slotOf(long sequence) {
    return (int) (sequence % slots.length());
  }

  /** A kept metric with the monotonic time it arrived. */
  record Entry(long sequence, long arrivalNanos, PerformanceMetric metric) {}
}
