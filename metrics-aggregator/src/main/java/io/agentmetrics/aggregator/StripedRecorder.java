package io.agentmetrics.aggregator;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * One HdrHistogram {@link Recorder} per stripe, the stripe picked by the recording thread (see
 * {@link Stripes}), so that threads on different stripes record without sharing the recorder's
 * counters: two threads into one {@code Recorder} pass one cache line back and forth on every
 * value. A stripe's recorder is created when a thread first records into it, so a series fed by one
 * thread holds one recorder.
 *
 * <p>{@link #record} is wait-free, as {@link Recorder#recordValue} is, and thread-safe. {@link
 * #drain} and {@link #estimatedFootprintBytes} must be called under the owning {@link
 * MetricSeries}'s lock: they recycle each stripe's last interval histogram.
 */
final class StripedRecorder {

  private final Stripes<Recorder> stripes;

  // Guarded by the series lock: each stripe's last interval histogram, recycled on its next drain.
  private final @Nullable Histogram[] intervals;

  StripedRecorder(int stripeCount) {
    this.stripes =
        new Stripes<>(stripeCount, () -> new Recorder(SlicedHistogram.SIGNIFICANT_DIGITS));
    this.intervals = new Histogram[stripes.count()];
  }

  /** Records {@code value} into the stripe of the thread numbered {@code thread}. */
  void record(long value, int thread) {
    stripes.of(thread).recordValue(value);
  }

  /** How many stripes there may be; {@link #drain} takes an index below it. */
  int stripeCount() {
    return stripes.count();
  }

  /**
   * The values recorded into stripe {@code index} since its last drain, or null if the stripe has
   * no recorder yet. The histogram is valid until the stripe's next drain.
   */
  @Nullable Histogram drain(int index) {
    Recorder stripe = stripes.get(index);
    if (stripe == null) {
      return null;
    }
    Histogram interval = stripe.getIntervalHistogram(intervals[index]);
    intervals[index] = interval;
    return interval;
  }

  /** Each created recorder holds two histograms of its recycled interval's size: live and spare. */
  long estimatedFootprintBytes() {
    long bytes = 0;
    for (Histogram interval : intervals) {
      bytes += interval == null ? 0 : 2L * interval.getEstimatedFootprintInBytes();
    }
    return bytes;
  }
}
