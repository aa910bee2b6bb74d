package io.agentmetrics.aggregator;

import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.Preconditions;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most recent raw metrics of one type, at most {@code capacity} of them: a ring buffer in which
 * each new metric overwrites the oldest.
 *
 * <p>A record allocates nothing: the ring is two arrays made with it, one of longs holding each
 * slot's stamp and arrival time side by side (one cache line per record), one of the metrics
 * themselves. A slot's stamp encodes the sequence number of its entry and whether that entry is
 * published or being written; readers take an entry only if its stamp reads the same, published,
 * before and after its fields (a sequence lock per slot), and build the {@link Entry} then.
 *
 * <p>Thread-safe. A writer claims a sequence number, then takes its slot with a compare-and-set of
 * the stamp that never replaces a newer entry, so a writer a lap behind cannot resurrect an old
 * one. Writers share a slot only when one is a whole lap ({@code capacity} records) ahead of the
 * other; the newer one then waits, spinning, for the older one's three stores, and so does a writer
 * that meets {@link #removeBefore} clearing its slot. Readers never wait and never block a writer.
 */
final class Reservoir {

  private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle METRICS =
      MethodHandles.arrayElementVarHandle(PerformanceMetric[].class);

  /** A stamp is {@code (sequence + 1) << 2 | state}, so a fresh slot, 0, holds sequence -1. */
  private static final int STATE_BITS = 2;

  private static final long PUBLISHED = 0;
  private static final long WRITING = 1;
  private static final long REMOVED = 2;
  private static final long STATE_MASK = (1 << STATE_BITS) - 1;

  /** Per slot, its stamp at {@code 2 * slot} and its entry's arrival at {@code 2 * slot + 1}. */
  private final long[] words;

  private final PerformanceMetric[] metrics;
  private final AtomicLong nextSequence = new AtomicLong();

  Reservoir(int capacity) {
    Preconditions.atLeast(capacity, 1, "capacity");
    this.words = new long[2 * capacity];
    this.metrics = new PerformanceMetric[capacity];
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
    int at = 2 * slot;
    while (true) {
      long stamp = (long) WORDS.getVolatile(words, at);
      if (sequenceOf(stamp) > sequence) {
        return;
      }
      if ((stamp & STATE_MASK) == WRITING) {
        // An older lap's writer, or a removal, is between its compare-and-set and its release.
        Thread.onSpinWait();
      } else if (WORDS.compareAndSet(words, at, stamp, stamp(sequence, WRITING))) {
        break;
      }
    }
    VarHandle.storeStoreFence();
    WORDS.setOpaque(words, at + 1, arrivalNanos);
    METRICS.setOpaque(metrics, slot, metric);
    WORDS.setRelease(words, at, stamp(sequence, PUBLISHED));
  }

  /** Adds to {@code into}, oldest first, every kept entry that arrived at or after the cutoff. */
  void collectSince(long cutoffNanos, List<Entry> into) {
    long end = nextSequence.get();
    for (long sequence = Math.max(0, end - metrics.length); sequence < end; sequence++) {
      int slot = slotOf(sequence);
      int at = 2 * slot;
      long published = stamp(sequence, PUBLISHED);
      if ((long) WORDS.getAcquire(words, at) != published) {
        continue;
      }
      long arrivalNanos = (long) WORDS.getOpaque(words, at + 1);
      PerformanceMetric metric = (PerformanceMetric) METRICS.getOpaque(metrics, slot);
      VarHandle.loadLoadFence();
      if ((long) WORDS.getOpaque(words, at) == published && arrivalNanos >= cutoffNanos) {
        into.add(new Entry(sequence, arrivalNanos, metric));
      }
    }
  }

  /** Removes every entry that arrived before the cutoff; returns how many. */
  int removeBefore(long cutoffNanos) {
    int removed = 0;
    for (int slot = 0; slot < metrics.length; slot++) {
      int at = 2 * slot;
      long stamp = (long) WORDS.getVolatile(words, at);
      long sequence = sequenceOf(stamp);
      if (sequence < 0
          || (stamp & STATE_MASK) != PUBLISHED
          || (long) WORDS.getOpaque(words, at + 1) >= cutoffNanos) {
        continue;
      }
      // The stamp unchanged proves the arrival read belongs to this entry: stamps never repeat.
      if (WORDS.compareAndSet(words, at, stamp, stamp(sequence, WRITING))) {
        METRICS.setOpaque(metrics, slot, null);
        WORDS.setRelease(words, at, stamp(sequence, REMOVED));
        removed++;
      }
    }
    return removed;
  }

  private int slotOf(long sequence) {
    return (int) (sequence % metrics.length);
  }

  private static long stamp(long sequence, long state) {
    return (sequence + 1) << STATE_BITS | state;
  }

  private static long sequenceOf(long stamp) {
    return (stamp >>> STATE_BITS) - 1;
  }

  /** A kept metric with the monotonic time it arrived. */
  record Entry(long sequence, long arrivalNanos, PerformanceMetric metric) {}
}
