package io.agentmetrics.aggregator;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * HdrHistogram histograms per stripe, the stripe picked by the recording thread (see {@link
 * Stripes}), so that threads on different stripes record without sharing counters: two threads into
 * one {@code Recorder} pass its cache lines back and forth on every value.
 *
 * <p>Each stripe records into a plain {@link Histogram}, which counts with plain increments, taken
 * by one thread at a time through a compare-and-set of the stripe's flag: one atomic instruction
 * per value, where a {@link Recorder} spends six (its phaser's two, and those of its {@code
 * ConcurrentHistogram}: a phaser's two, the count, the total). A thread that finds the flag taken,
 * because another thread of the same stripe is recording at that moment, records into the stripe's
 * overflow {@code Recorder} instead, made the first time it is needed, so no recording thread ever
 * waits. A drain takes the flag too, as a recording thread would, to swap in the stripe's spare
 * histogram; it waits only for the one value a thread may be recording. A stripe is made when a
 * thread first records into it, so a series fed by one thread holds one pair of histograms.
 *
 * <p>{@link #record} is wait-free and thread-safe. {@link #drain} and {@link
 * #estimatedFootprintBytes} must be called under the owning {@link MetricSeries}'s lock: they
 * recycle each stripe's last drained histograms.
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
      stripe.live.recordValue(value);
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
   * Each stripe made holds two histograms, live and drained, counted at the drained one's size; the
   * overflow's two are counted only once it exists.
   */
  long estimatedFootprintBytes() {
    long bytes = 0;
    for (int index = 0; index < stripes.count(); index++) {
      Stripe stripe = stripes.get(index);
      bytes += stripe == null ? 0 : stripe.estimatedFootprintBytes();
    }
    return bytes;
  }

  /**
   * One stripe's histograms: {@link #live}, which the thread holding the flag records into, and,
   * guarded by the series lock, the ones its last drain returned.
   */
  private static final class Stripe {
    /**
     * Spins before a drain waiting for the flag sleeps briefly, so that a recording thread the
     * scheduler paused while it held the flag gets the core back.
     */
    private static final int SPINS_BEFORE_PAUSE = 100;

    private static final long PAUSE_NANOS = 10_000;

    /** Replaced only by a drain holding the flag; recorded into only by the thread holding it. */
    private Histogram live = new Histogram(SlicedHistogram.SIGNIFICANT_DIGITS);

    private Histogram drained = new Histogram(SlicedHistogram.SIGNIFICANT_DIGITS);

    /**
     * 1 while a thread records into {@link #live} or a drain swaps it; set through {@link
     * #WRITING}.
     */
    @SuppressWarnings("unused")
    private volatile int writing;

    /** Made on first use, through {@link #OVERFLOW}. */
    private volatile @Nullable Recorder overflow;

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
      Histogram spare = drained;
      spare.reset();
      takeFlag();
      Histogram filled = live;
      live = spare;
      WRITING.setRelease(this, 0);
      drained = filled;
      Recorder extra = overflow;
      if (extra != null) {
        overflowInterval = extra.getIntervalHistogram(overflowInterval);
        filled.add(overflowInterval);
      }
      return filled;
    }

    /** Takes the flag as a recording thread does, which holds it for one value at most. */
    private void takeFlag() {
      int spins = 0;
      while (!WRITING.compareAndSet(this, 0, 1)) {
        if (++spins % SPINS_BEFORE_PAUSE == 0) {
          LockSupport.parkNanos(PAUSE_NANOS);
        } else {
          Thread.onSpinWait();
        }
      }
    }

    long estimatedFootprintBytes() {
      return 2 * (drained.getEstimatedFootprintInBytes() + footprint(overflowInterval));
    }

    private static long footprint(@Nullable Histogram interval) {
      return interval == null ? 0 : interval.getEstimatedFootprintInBytes();
    }
  }
}
