package io.agentmetrics.aggregator;

import io.agentmetrics.api.AggregationWindow;
import java.time.Duration;

/**
 * Everything the aggregator keeps for one metric type: the same values sliced three ways (fine for
 * MINUTE and FIVE_MINUTES, medium for HOUR, coarse for DAY and WEEK) and the reservoir of raw
 * metrics.
 *
 * <p>Each slicing keeps twice its longest window, so that trends can compare a window with the one
 * before it, and never more than the retention. Thread-safe, as its parts are.
 */
final class MetricSeries {

  private final SlicedHistogram fine;
  private final SlicedHistogram medium;
  private final SlicedHistogram coarse;
  private final Reservoir reservoir;
  private final AggregatorConfig config;

  MetricSeries(AggregatorConfig config, long originNanos) {
    this.config = config;
    long retention = config.retention().toNanos();
    this.fine = sliced(config.fineSlice(), AggregationWindow.FIVE_MINUTES, originNanos, retention);
    this.medium = sliced(config.mediumSlice(), AggregationWindow.HOUR, originNanos, retention);
    this.coarse = sliced(config.coarseSlice(), AggregationWindow.WEEK, originNanos, retention);
    this.reservoir = new Reservoir(config.reservoirSize());
  }

  void record(long value, long nowNanos) {
    fine.record(value, nowNanos);
    medium.record(value, nowNanos);
    coarse.record(value, nowNanos);
  }

  SlicedHistogram slicesFor(AggregationWindow window) {
    return switch (window) {
      case MINUTE, FIVE_MINUTES -> fine;
      case HOUR -> medium;
      case DAY, WEEK -> coarse;
    };
  }

  /** How many slices of its slicing {@code window} covers. */
  long sliceCount(AggregationWindow window) {
    Duration slice =
        switch (window) {
          case MINUTE, FIVE_MINUTES -> config.fineSlice();
          case HOUR -> config.mediumSlice();
          case DAY, WEEK -> config.coarseSlice();
        };
    return window.duration().toNanos() / slice.toNanos();
  }

  Reservoir reservoir() {
    return reservoir;
  }

  int expire(long nowNanos) {
    return fine.expire(nowNanos) + medium.expire(nowNanos) + coarse.expire(nowNanos);
  }

  long estimatedFootprintBytes() {
    return fine.estimatedFootprintBytes()
        + medium.estimatedFootprintBytes()
        + coarse.estimatedFootprintBytes();
  }

  int closedSlices() {
    return fine.closedSlices() + medium.closedSlices() + coarse.closedSlices();
  }

  private static SlicedHistogram sliced(
      Duration slice, AggregationWindow longestWindow, long originNanos, long retentionNanos) {
    long sliceNanos = slice.toNanos();
    long keepSlices = 2 * (longestWindow.duration().toNanos() / sliceNanos);
    return new SlicedHistogram(originNanos, sliceNanos, keepSlices, retentionNanos);
  }
}
