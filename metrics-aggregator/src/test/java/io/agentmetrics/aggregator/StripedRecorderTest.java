package io.agentmetrics.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One recorder per thread's stripe: every value drained exactly once, whichever stripe took it. */
class StripedRecorderTest {

  @Test
  void aStripeNoThreadRecordedIntoHasNoRecorder() {
    StripedRecorder recorder = new StripedRecorder(4);
    recorder.record(7, Stripes.threadNumber());

    int created = 0;
    long total = 0;
    for (int stripe = 0; stripe < recorder.stripeCount(); stripe++) {
      Histogram interval = recorder.drain(stripe);
      if (interval != null) {
        created++;
        total += interval.getTotalCount();
      }
    }

    assertThat(recorder.stripeCount()).isEqualTo(4);
    assertThat(created).isEqualTo(1);
    assertThat(total).isEqualTo(1);
  }

  /**
   * Eight threads, more than the stripes, record while one thread keeps draining, as queries and
   * rollovers do under the series lock: the drained counts add up to every value recorded, each
   * value exactly as often as it was recorded.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void drainingWhileEightThreadsRecordLosesAndDuplicatesNoValue() throws Exception {
    int threads = 8;
    int valuesPerThread = 200_000;
    StripedRecorder recorder = new StripedRecorder(4);
    Histogram drained = new Histogram(3);
    AtomicBoolean recording = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try {
      CyclicBarrier start = new CyclicBarrier(threads + 1);
      Future<?> drainer =
          pool.submit(
              () -> {
                start.await();
                while (recording.get()) {
                  drainAll(recorder, drained);
                }
                return null;
              });
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long value = t + 1L;
        writers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < valuesPerThread; i++) {
                    recorder.record(value, Stripes.threadNumber());
                  }
                  return null;
                }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
      recording.set(false);
      drainer.get();
    } finally {
      pool.shutdownNow();
    }
    drainAll(recorder, drained);

    assertThat(drained.getTotalCount()).isEqualTo((long) threads * valuesPerThread);
    for (long value = 1; value <= threads; value++) {
      assertThat(drained.getCountAtValue(value)).as("value %d", value).isEqualTo(valuesPerThread);
    }
  }

  /**
   * Two threads, each on a stripe of its own, record while a third drains without pause and reads
   * each drained count at once: a drain that swapped a stripe's histogram while a thread was
   * recording into it would let that value land after the count was read, and lose it.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aDrainSwapsNoHistogramAThreadIsRecordingInto() throws Exception {
    int writers = 2;
    int valuesPerThread = 5_000_000;
    StripedRecorder recorder = new StripedRecorder(writers);
    AtomicBoolean recording = new AtomicBoolean(true);
    AtomicLong drained = new AtomicLong();
    AtomicInteger nextStripe = new AtomicInteger();
    Thread drainer =
        new Thread(
            () -> {
              while (recording.get()) {
                drained.addAndGet(drainedCount(recorder));
              }
            });
    drainer.start();
    try {
      Concurrently.run(
          writers,
          () -> {
            int stripe = nextStripe.getAndIncrement();
            for (int i = 0; i < valuesPerThread; i++) {
              recorder.record(1, stripe);
            }
          });
    } finally {
      recording.set(false);
      drainer.join();
    }
    drained.addAndGet(drainedCount(recorder));

    assertThat(drained.get()).isEqualTo((long) writers * valuesPerThread);
  }

  private static long drainedCount(StripedRecorder recorder) {
    long count = 0;
    for (int stripe = 0; stripe < recorder.stripeCount(); stripe++) {
      Histogram interval = recorder.drain(stripe);
      count += interval == null ? 0 : interval.getTotalCount();
    }
    return count;
  }

  /**
   * Eight threads on one stripe record the same value, so without the stripe's flag their plain
   * increments of one count would race: at most one records into the stripe's single-writer
   * recorder at a time, the others into its overflow, and a drain returns every value once.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void threadsSharingOneStripeLoseAndDuplicateNoValue() throws Exception {
    int threads = 8;
    int valuesPerThread = 2_000_000;
    long value = 1_000;
    StripedRecorder recorder = new StripedRecorder(1);

    Concurrently.run(
        threads,
        () -> {
          for (int i = 0; i < valuesPerThread; i++) {
            recorder.record(value, Stripes.threadNumber());
          }
        });

    Histogram drained = new Histogram(3);
    drainAll(recorder, drained);

    assertThat(drained.getCountAtValue(value)).isEqualTo((long) threads * valuesPerThread);
    drained.reset();
    drainAll(recorder, drained);
    assertThat(drained.getTotalCount()).as("a second drain").isZero();
  }

  private static void drainAll(StripedRecorder recorder, Histogram into) {
    for (int stripe = 0; stripe < recorder.stripeCount(); stripe++) {
      Histogram interval = recorder.drain(stripe);
      if (interval != null) {
        into.add(interval);
      }
    }
  }
}
