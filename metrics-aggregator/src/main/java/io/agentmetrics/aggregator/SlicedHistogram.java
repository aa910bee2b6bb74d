package io.agentmetrics.aggregator;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * The values of one metric type cut into consecutive time slices of one length, each slice an
 * HdrHistogram.
 *
 * <p>The current slice is a {@link Recorder}: recording is wait-free (it only grows the live
 * histogram, rarely, when a value beyond the largest seen so far arrives). When time passes into a
 * new slice, the first caller that notices takes the recorder's interval histogram and files it as
 * a closed slice; nobody has to run a background thread. A value recorded while that happens may
 * land in the adjacent slice, but it is never lost. Closed slices are {@link PackedHistogram}s,
 * whose size follows the number of distinct buckets used rather than the full 1 µs–1 h range; empty
 * slices are not kept at all.
 *
 * <p>Slices are dropped once they are {@code keepSlices} slices old or lie entirely before the
 * retention, so memory is bounded by {@code keepSlices + 3} histograms, never by the sample count.
 *
 * <p>Thread-safe: {@link #record} never blocks; queries and rollover hold a lock per instance.
 */
final class SlicedHistogram {

  /** 3 significant digits: every value is kept within 0.1% of its true value. */
  static final int SIGNIFICANT_DIGITS = 3;

  private final long originNanos;
  private final long sliceNanos;
  private final long keepSlices;
  private final long retentionNanos;
  private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS, true);
  private final ReentrantLock lock = new ReentrantLock();

  // Guarded by lock. Ascending by index; holds no empty slice.
  private final ArrayDeque<Slice> closed = new ArrayDeque<>();
  private PackedHistogram current = newSliceHistogram();
  private @Nullable Histogram interval;

  // Written under lock, read without it on the recording path.
  private volatile long currentIndex;

  SlicedHistogram(long originNanos, long sliceNanos, long keepSlices, long retentionNanos) {
    this.originNanos = originNanos;
    this.sliceNanos = sliceNanos;
    this.keepSlices = keepSlices;
    this.retentionNanos = retentionNanos;
  }

  /** Records {@code value} at {@code nowNanos}, rolling to a new slice first if one began. */
  void record(long value, long nowNanos) {
    if (indexOf(nowNanos) > currentIndex && lock.tryLock()) {
      // Whoever holds the lock is rolling already; the others record without waiting.
      try {
        rollTo(nowNanos);
      } finally {
        lock.unlock();
      }
    }
    recorder.recordValue(value);
  }

  /**
   * Merges the {@code sliceCount} slices ending {@code windowsBack * sliceCount} slices before the
   * current one; {@code windowsBack == 0} includes the current, partial slice.
   */
  Histogram merge(long nowNanos, long sliceCount, int windowsBack) {
    lock.lock();
    try {
      rollTo(nowNanos);
      drainRecorder();
      long newest = currentIndex - windowsBack * sliceCount;
      long oldest = newest - sliceCount + 1;
      Histogram merged = new Histogram(SIGNIFICANT_DIGITS);
      for (Slice slice : closed) {
        if (slice.index >= oldest && slice.index <= newest) {
          merged.add(slice.histogram);
        }
      }
      if (windowsBack == 0) {
        merged.add(current);
      }
      return merged;
    } finally {
      lock.unlock();
    }
  }

  /** Rolls to {@code nowNanos} and drops expired slices; returns how many were dropped. */
  int expire(long nowNanos) {
    lock.lock();
    try {
      return rollTo(nowNanos);
    } finally {
      lock.unlock();
    }
  }

  /** The estimated heap footprint of the kept histograms, in bytes. */
  long estimatedFootprintBytes() {
    lock.lock();
    try {
      long bytes = current.getEstimatedFootprintInBytes();
      if (interval != null) {
        bytes += interval.getEstimatedFootprintInBytes();
      }
      for (Slice slice : closed) {
        bytes += slice.histogram.getEstimatedFootprintInBytes();
      }
      return bytes;
    } finally {
      lock.unlock();
    }
  }

  /** How many closed slices are kept. */
  int closedSlices() {
    lock.lock();
    try {
      return closed.size();
    } finally {
      lock.unlock();
    }
  }

  private long indexOf(long nowNanos) {
    return Math.max(0, nowNanos - originNanos) / sliceNanos;
  }

  // Must hold lock.
  private int rollTo(long nowNanos) {
    long index = indexOf(nowNanos);
    if (index > currentIndex) {
      drainRecorder();
      if (current.getTotalCount() > 0) {
        closed.addLast(new Slice(currentIndex, current));
        current = newSliceHistogram();
      }
      currentIndex = index;
    }
    return dropExpired(nowNanos);
  }

  // Must hold lock.
  private int dropExpired(long nowNanos) {
    long oldestKept = currentIndex - keepSlices + 1;
    long retainedFrom = Math.max(0, nowNanos - originNanos) - retentionNanos;
    int dropped = 0;
    while (!closed.isEmpty()) {
      Slice oldest = closed.peekFirst();
      boolean beforeRetention = (oldest.index + 1) * sliceNanos <= retainedFrom;
      if (oldest.index >= oldestKept && !beforeRetention) {
        break;
      }
      closed.removeFirst();
      dropped++;
    }
    return dropped;
  }

  // Must hold lock.
  private void drainRecorder() {
    interval = recorder.getIntervalHistogram(interval);
    current.add(interval);
  }

  private static PackedHistogram newSliceHistogram() {
    return new PackedHistogram(SIGNIFICANT_DIGITS);
  }

  private record Slice(long index, PackedHistogram histogram) {}
}
