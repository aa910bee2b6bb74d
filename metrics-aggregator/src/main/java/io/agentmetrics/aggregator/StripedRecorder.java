package io.agentmetrics.aggregator;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;
import org.jspecify.annotations.Nullable;

/**
 * HdrHistogram recorders per stripe, the stripe picked by the recording thread (see {@link
 * Stripes}), so that threads on different stripes record without sharing counters: two threads into
 * one {@code Recorder} pass its cache lines back and forth on every value.
 *
 * <p>Each stripe records into a {@link SingleWriterRecorder}, whose histogram counts with plain
 * increments, taken by one thread at a time through a compare-and-set of the stripe's flag: a
 * {@link Recorder} spends six atomic instructions per value (its phaser's two, and those of its
 * {@code ConcurrentHistogram}: a phaser's two, the count, the total), this path three (the flag and
 * the recorder's phaser). A thread that finds the flag taken, because another thread of the same
 * stripe is recording at that moment, records into the stripe's overflow {@code Recorder} instead,
 * made the first time it is needed, so no thread ever waits. A stripe is made when a thread first
 * records into it, so a series fed by one thread holds one recorder.
 *
 * <p>{@link #record} is wait-free and thread-safe. {@link #drain} and {@link
 * #estimatedFootprintBytes} must be called under the owning {@link MetricSeries}'s lock: they
 * recycle each stripe's last interval histograms.
 */
final class StripedRecorder {

  private static final VarHandle WRITING;
  private static final VarHandle OVERFLOW;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      WRITING = lookup.findVarHandle(Stripe.class, "writing", int.class);
      OVERFLOW = lookup.findVarHandle(Stripe.class, "overflow", Recorder.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Stripes<Stripe> stripes;

  StripedRecorder(int stripeCount) {
    this.stripes = new Stripes<>(stripeCount, Stripe::new);
  }

  /** Records {@code value} into the stripe of the thread numbered {@code thread}. */
  void record(long value, int thread) {
    Stripe stripe = stripes.of(thread);
    if (WRITING.compareAndSet(stripe, 0, 1)) {
      stripe.single.recordValue(value);
      WRITING.setRelease(stripe, 0);
    } else {
      stripe.overflow().recordValue(value);
    }
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
    Stripe stripe = stripes.get(index);
    return stripe == null ? null : stripe.drain();
  }

  /**
   * Each recorder made holds two histograms of its recycled interval's size, live and spare; the
   * overflow's are counted only once it exists.
   */
  long estimatedFootprintBytes() {
    long bytes = 0;
    for (int index = 0; index < stripes.count(); index++) {
      Stripe stripe = stripes.get(index);
      bytes += stripe == null ? 0 : stripe.estimatedFootprintBytes();
    }
    return bytes;
  }

  /** One stripe's recorders and, guarded by the series lock, their last interval histograms. */
  private static final class Stripe {
    final SingleWriterRecorder single =
        new SingleWriterRecorder(SlicedHistogram.SIGNIFICANT_DIGITS);

    /** 1 while a thread records into {@link #single}; set through {@link #WRITING}. */
    @SuppressWarnings("unused")
    private volatile int writing;

    /** Made on first use, through {@link #OVERFLOW}. */
    private volatile @Nullable Recorder overflow;

    private @Nullable Histogram singleInterval;
    private @Nullable Histogram overflowInterval;

    Recorder overflow() {
      Recorder current = overflow;
      if (current != null) {
        return current;
      }
      Recorder created = new Recorder(SlicedHistogram.SIGNIFICANT_DIGITS);
      Recorder raced = (Recorder) OVERFLOW.compareAndExchange(this, null, created);
      return raced == null ? created : raced;
    }

    Histogram drain() {
      Histogram interval = single.getIntervalHistogram(singleInterval);
      singleInterval = interval;
      Recorder extra = overflow;
      if (extra != null) {
        overflowInterval = extra.getIntervalHistogram(overflowInterval);
        interval.add(overflowInterval);
      }
      return interval;
    }

    long estimatedFootprintBytes() {
      return 2 * (footprint(singleInterval) + footprint(overflowInterval));
    }

    private static long footprint(@Nullable Histogram interval) {
      return interval == null ? 0 : interval.getEstimatedFootprintInBytes();
    }
  }
}
