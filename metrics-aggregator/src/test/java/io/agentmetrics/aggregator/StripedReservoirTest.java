package io.agentmetrics.aggregator;

import static io.agentmetrics.aggregator.Metrics.metric;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The per-thread stripes of recent metrics: read as one ring of the configured capacity. */
class StripedReservoirTest {

  private static final PerformanceMetric METRIC = metric(MetricType.LLM_PROCESSING, 1);

  @Test
  void aReadKeepsOnlyTheNewestEntriesOfAllStripesOldestFirst() throws Exception {
    StripedReservoir reservoir = new StripedReservoir(3, 2);
    addFromAFreshThreadEach(reservoir, 8);

    assertThat(collectAll(reservoir))
        .extracting(Reservoir.Entry::arrivalNanos)
        .containsExactly(5L, 6L, 7L);
  }

  @Test
  void removesEntriesThatArrivedBeforeTheCutoffFromEveryStripe() throws Exception {
    StripedReservoir reservoir = new StripedReservoir(4, 2);
    addFromAFreshThreadEach(reservoir, 4);

    assertThat(reservoir.removeBefore(2)).isEqualTo(2);
    assertThat(collectAll(reservoir))
        .extracting(Reservoir.Entry::arrivalNanos)
        .containsExactly(2L, 3L);
  }

  /**
   * Eight threads, more than the stripes, record at once into a reservoir large enough for all:
   * every entry is read exactly once, whichever stripe it went to and whoever shared it.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void concurrentWritersLoseAndDuplicateNoEntry() throws Exception {
    int threads = 8;
    int addsPerThread = 5_000;
    StripedReservoir reservoir = new StripedReservoir(threads * addsPerThread, 4);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long first = (long) t * addsPerThread;
        writers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (long arrival = first; arrival < first + addsPerThread; arrival++) {
                    reservoir.add(METRIC, arrival, Stripes.threadNumber());
                  }
                  return null;
                }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(collectAll(reservoir))
        .extracting(Reservoir.Entry::arrivalNanos)
        .containsExactlyElementsOf(
            LongStream.range(0, (long) threads * addsPerThread).boxed().toList());
  }

  /**
   * Adds arrivals 0 to {@code count - 1}, each from a new thread: threads are numbered in turn, so
   * two stripes each take every other arrival.
   */
  private static void addFromAFreshThreadEach(StripedReservoir reservoir, int count)
      throws InterruptedException {
    for (long arrival = 0; arrival < count; arrival++) {
      long at = arrival;
      Thread writer = new Thread(() -> reservoir.add(METRIC, at, Stripes.threadNumber()));
      writer.start();
      writer.join();
    }
  }

  private static List<Reservoir.Entry> collectAll(StripedReservoir reservoir) {
    List<Reservoir.Entry> entries = new ArrayList<>();
    reservoir.collectSince(Long.MIN_VALUE, entries);
    return entries;
  }
}
