package io.agentmetrics.aggregator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * The values of one metric type cut into consecutive time slices of one length. The live slice is a
 * plain {@link Histogram}, reused from slice to slice, so adding a batch to it and copying it for a
 * query are array walks without lookups; a closed slice is frozen into a {@link ClosedSlice}, whose
 * size follows the distinct buckets it uses rather than the full 1 µs–1 h range. Empty slices are
 * not kept.
 *
 * <p>Values arrive in batches (interval histograms drained from the type's recorder by {@link
 * MetricSeries}); a batch goes into the live slice, and {@link #rollTo} files the live slice as
 * closed when time has passed into a new one. Closed slices are dropped once they are {@code
 * keepSlices} slices old or lie entirely before the retention, so memory is bounded by {@code
 * keepSlices} closed slices and one live histogram, never by the sample count.
 *
 * <p>Not thread-safe: {@link MetricSeries} guards it with its lock. Closed slices are immutable, so
 * {@link #covering} hands them out to be merged outside the lock.
 */
final class SlicedHistogram {

  /** 3 significant digits: every value is kept within 0.1% of its true value. */
  static final int SIGNIFICANT_DIGITS = 3;

  private final long originNanos;
  private final long sliceNanos;
  private final long keepSlices;
  private final long retentionNanos;
  private final ArrayDeque<Slice> closed = new ArrayDeque<>();
  private final Histogram live = new Histogram(SIGNIFICANT_DIGITS);

  private long generation;

  private long liveIndex;

  SlicedHistogram(long originNanos, long sliceNanos, long keepSlices, long retentionNanos) {
    this.originNanos = originNanos;
    this.sliceNanos = sliceNanos;
    this.keepSlices = keepSlices;
    this.retentionNanos = retentionNanos;
  }

  /** When the live slice ends: the monotonic time from which a rollover is due. */
  long liveEndsNanos() {
    return originNanos + (liveIndex + 1) * sliceNanos;
  }

  /** Adds a batch of values to the live slice. */
  void add(AbstractHistogram batch) {
    live.add(batch);
  }

  /** Closes the live slice if a new one began, drops expired slices; returns how many. */
  int rollTo(long nowNanos) {
    long index = indexOf(nowNanos);
    if (index > liveIndex) {
      if (live.getTotalCount() > 0) {
        closed.addLast(new Slice(liveIndex, ClosedSlice.of(live)));
        live.reset();
      }
      liveIndex = index;
      generation++;
    }
    int dropped = dropExpired(nowNanos);
    if (dropped > 0) {
      generation++;
    }
    return dropped;
  }

  /** Changes whenever the set of closed slices or the live slice's position changes. */
  long generation() {
    return generation;
  }

  /**
   * Returns the closed slices among the {@code sliceCount} slices ending {@code windowsBack *
   * sliceCount} slices before the live one.
   */
  List<ClosedSlice> covering(long sliceCount, int windowsBack) {
    long newest = liveIndex - windowsBack * sliceCount;
    long oldest = newest - sliceCount + 1;
    List<ClosedSlice> covered = new ArrayList<>();
    for (Slice slice : closed) {
      if (slice.index >= oldest && slice.index <= newest) {
        covered.add(slice.histogram);
      }
    }
    return covered;
  }

  /** The live, partial slice: read it only under the series lock. */
  AbstractHistogram live() {
    return live;
  }

  long estimatedFootprintBytes() {
    long bytes = live.getEstimatedFootprintInBytes();
    for (Slice slice : closed) {
      bytes += slice.histogram.estimatedFootprintBytes();
    }
    return bytes;
  }

  int closedSlices() {
    return closed.size();
  }

  private long indexOf(long nowNanos) {
    return Math.max(0, nowNanos - originNanos) / sliceNanos;
  }

  private int dropExpired(long nowNanos) {
    long oldestKept = liveIndex - keepSlices + 1;
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

  private record Slice(long index, ClosedSlice histogram) {}
}
