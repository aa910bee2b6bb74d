package io.agentmetrics.aggregator;

import io.agentmetrics.api.AggregationWindow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The histograms the aggregator keeps for one metric type or named metric: HdrHistogram recorders,
 * one per recording thread's stripe ({@link StripedRecorder}), that take every value, and the same
 * values sliced three ways (fine for MINUTE and FIVE_MINUTES, medium for HOUR, coarse for DAY and
 * WEEK). Values are recorded as whole multiples of the series' resolution: {@code round(value *
 * unitsPerValue)}, up to {@link MetricsAggregator#HIGHEST_RECORDED}.
 *
 * <p>Recording a value is wait-free: one {@code recordValue} on the thread's recorder. When time
 * passes into a new slice of any slicing, or a query arrives, each recorder's interval histogram is
 * drained into the live slice of all three slicings, then each slicing rolls. The recording thread
 * that notices a due rollover only tries the lock, so it never waits for a query or another
 * rollover; if it takes the lock it does the rollover itself, waiting at most for the one value
 * another thread may be recording on each stripe, and closes the slices. A value recorded while a
 * rollover drains may land in the adjacent slice, but it is never lost. Each slicing keeps twice
 * its longest window, so that trends can compare a window with the one before it, and never more
 * than the retention.
 *
 * <p>Thread-safe.
 */
final class MetricSeries {

  private static final int CACHED_WINDOWS_BACK = 2;

  private final StripedRecorder recorder = new StripedRecorder(Stripes.forCores());
  private final ReentrantLock lock = new ReentrantLock();
  private final SlicedHistogram fine;
  private final SlicedHistogram medium;
  private final SlicedHistogram coarse;
  private final AggregatorConfig config;
  private final double unitsPerValue;

  // Written under lock, read without it: the recording path compares one time instead of working
  // out
  // three slice indices (three long divisions) per record.
  private volatile long nextRolloverNanos;

  // Guarded by lock: per window and windows back (0 = current, 1 = the one before, for trends), the
  // window's closed slices merged into one, valid while the slicing's generation is unchanged. A
  // query then decodes one slice instead of up to 30, and only the first query after a slice closes
  // pays for the merge.
  private final @Nullable CachedMerge[][] cache =
      new CachedMerge[AggregationWindow.values().length][CACHED_WINDOWS_BACK];

  MetricSeries(AggregatorConfig config, long originNanos, double unitsPerValue) {
    this.config = config;
    this.unitsPerValue = unitsPerValue;
    long retention = config.retention().toNanos();
    this.fine = sliced(config.fineSlice(), AggregationWindow.FIVE_MINUTES, originNanos, retention);
    this.medium = sliced(config.mediumSlice(), AggregationWindow.HOUR, originNanos, retention);
    this.coarse = sliced(config.coarseSlice(), AggregationWindow.WEEK, originNanos, retention);
    this.nextRolloverNanos =
        Math.min(fine.liveEndsNanos(), Math.min(medium.liveEndsNanos(), coarse.liveEndsNanos()));
  }

  /**
   * Records {@code value} into the stripe of the thread numbered {@code thread} ({@link
   * Stripes#threadNumber()}).
   */
  void record(long value, long nowNanos, int thread) {
    if (nowNanos - nextRolloverNanos >= 0 && lock.tryLock()) {
      // Whoever holds the lock is rolling or querying already; the others record without waiting.
      try {
        drainAndRoll(nowNanos);
      } finally {
        lock.unlock();
      }
    }
    recorder.record(value, thread);
  }

  /**
   * Merges the {@code window}'s slices ending {@code windowsBack} windows before now; {@code
   * windowsBack == 0} includes the live, partial slice.
   */
  Histogram merge(AggregationWindow window, long nowNanos, int windowsBack) {
    SlicedHistogram slicing = slicesFor(window);
    List<ClosedSlice> covered;
    long generation;
    @Nullable ClosedSlice cached;
    Histogram merged;
    lock.lock();
    try {
      drainAndRoll(nowNanos);
      generation = slicing.generation();
      cached = cachedClosed(window, windowsBack, generation);
      covered =
          cached == null ? slicing.covering(sliceCount(window), windowsBack) : List.of(cached);
      AbstractHistogram live = windowsBack == 0 ? slicing.live() : null;
      merged = sizedFor(covered, live == null ? 0 : live.getMaxValue());
      if (live != null) {
        merged.add(live);
      }
    } finally {
      lock.unlock();
    }
    // Closed slices are immutable, so they are merged without holding the lock.
    if (cached != null) {
      cached.addTo(merged);
      return merged;
    }
    Histogram closedOnly = sizedFor(covered, 0);
    for (ClosedSlice slice : covered) {
      slice.addTo(closedOnly);
    }
    merged.add(closedOnly);
    cache(window, windowsBack, generation, ClosedSlice.of(closedOnly));
    return merged;
  }

  /** How many recorded units make one unit of the values: 1,000 for values kept to a thousandth. */
  double unitsPerValue() {
    return unitsPerValue;
  }

  /** Rolls every slicing to {@code nowNanos}; returns how many slices were dropped. */
  int expire(long nowNanos) {
    lock.lock();
    try {
      return drainAndRoll(nowNanos);
    } finally {
      lock.unlock();
    }
  }

  long estimatedFootprintBytes() {
    lock.lock();
    try {
      long bytes =
          fine.estimatedFootprintBytes()
              + medium.estimatedFootprintBytes()
              + coarse.estimatedFootprintBytes();
      for (@Nullable CachedMerge[] entries : cache) {
        for (CachedMerge entry : entries) {
          bytes += entry == null ? 0 : entry.closed.estimatedFootprintBytes();
        }
      }
      return bytes + recorder.estimatedFootprintBytes();
    } finally {
      lock.unlock();
    }
  }

  int closedSlices() {
    lock.lock();
    try {
      return fine.closedSlices() + medium.closedSlices() + coarse.closedSlices();
    } finally {
      lock.unlock();
    }
  }

  // Must hold lock.
  private @Nullable ClosedSlice cachedClosed(
      AggregationWindow window, int windowsBack, long generation) {
    if (windowsBack >= CACHED_WINDOWS_BACK) {
      return null;
    }
    CachedMerge entry = cache[window.ordinal()][windowsBack];
    return entry != null && entry.generation == generation ? entry.closed : null;
  }

  private void cache(
      AggregationWindow window, int windowsBack, long generation, ClosedSlice closed) {
    if (windowsBack >= CACHED_WINDOWS_BACK) {
      return;
    }
    lock.lock();
    try {
      CachedMerge current = cache[window.ordinal()][windowsBack];
      if (current == null || current.generation <= generation) {
        cache[window.ordinal()][windowsBack] = new CachedMerge(generation, closed);
      }
    } finally {
      lock.unlock();
    }
  }

  // Must hold lock.
  private int drainAndRoll(long nowNanos) {
    for (int stripe = 0; stripe < recorder.stripeCount(); stripe++) {
      Histogram interval = recorder.drain(stripe);
      if (interval != null && interval.getTotalCount() > 0) {
        fine.add(interval);
        medium.add(interval);
        coarse.add(interval);
      }
    }
    int dropped = fine.rollTo(nowNanos) + medium.rollTo(nowNanos) + coarse.rollTo(nowNanos);
    // The fine slicing's slices are the shortest, but any slicing may end first when the slice
    // lengths do not divide each other.
    nextRolloverNanos =
        Math.min(fine.liveEndsNanos(), Math.min(medium.liveEndsNanos(), coarse.liveEndsNanos()));
    return dropped;
  }

  /** A histogram that holds every covered value without resizing on the way. */
  private static Histogram sizedFor(List<ClosedSlice> covered, long liveMax) {
    long max = liveMax;
    for (ClosedSlice slice : covered) {
      max = Math.max(max, slice.maxValue());
    }
    Histogram merged = new Histogram(1, Math.max(2, max), SlicedHistogram.SIGNIFICANT_DIGITS);
    merged.setAutoResize(true);
    return merged;
  }

  private SlicedHistogram slicesFor(AggregationWindow window) {
    return switch (window) {
      case MINUTE, FIVE_MINUTES -> fine;
      case HOUR -> medium;
      case DAY, WEEK -> coarse;
    };
  }

  private long sliceCount(AggregationWindow window) {
    Duration slice =
        switch (window) {
          case MINUTE, FIVE_MINUTES -> config.fineSlice();
          case HOUR -> config.mediumSlice();
          case DAY, WEEK -> config.coarseSlice();
        };
    return window.duration().toNanos() / slice.toNanos();
  }

  private record CachedMerge(long generation, ClosedSlice closed) {}

  private static SlicedHistogram sliced(
      Duration slice, AggregationWindow longestWindow, long originNanos, long retentionNanos) {
    long sliceNanos = slice.toNanos();
    long keepSlices = 2 * (longestWindow.duration().toNanos() / sliceNanos);
    return new SlicedHistogram(originNanos, sliceNanos, keepSlices, retentionNanos);
  }
}
