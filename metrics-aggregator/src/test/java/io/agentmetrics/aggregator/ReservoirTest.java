package io.agentmetrics.aggregator;

import static io.agentmetrics.aggregator.Metrics.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ring of recent metrics: the newest kept, oldest first, and never an old one over a new. */
class ReservoirTest {

  private static final PerformanceMetric METRIC = metric(MetricType.LLM_PROCESSING, 1);

  @Test
  void keepsTheNewestEntriesOldestFirst() {
    Reservoir reservoir = new Reservoir(3);
    for (long arrival = 0; arrival < 5; arrival++) {
      reservoir.add(METRIC, arrival);
    }

    assertThat(collectAll(reservoir))
        .extracting(Reservoir.Entry::sequence, Reservoir.Entry::arrivalNanos)
        .containsExactly(tuple(2L, 2L), tuple(3L, 3L), tuple(4L, 4L));
  }

  @Test
  void removesEntriesThatArrivedBeforeTheCutoff() {
    Reservoir reservoir = new Reservoir(4);
    for (long arrival = 0; arrival < 4; arrival++) {
      reservoir.add(METRIC, arrival);
    }

    assertThat(reservoir.removeBefore(2)).isEqualTo(2);
    assertThat(collectAll(reservoir))
        .extracting(Reservoir.Entry::arrivalNanos)
        .containsExactly(2L, 3L);
  }

  @Test
  void aWriterALapBehindDoesNotReplaceTheNewerEntry() {
    Reservoir reservoir = new Reservoir(2);
    long straggler = reservoir.claim();
    reservoir.add(METRIC, 1);
    reservoir.add(METRIC, 2); // a lap ahead of the straggler, in its slot

    reservoir.install(straggler, METRIC, 0);

    assertThat(collectAll(reservoir)).extracting(Reservoir.Entry::sequence).containsExactly(1L, 2L);
  }

  @Test
  void aWriterLessThanALapBehindReplacesTheOlderEntry() {
    Reservoir reservoir = new Reservoir(2);
    reservoir.add(METRIC, 0);
    reservoir.add(METRIC, 1);
    long late = reservoir.claim(); // the slot of sequence 0
    reservoir.add(METRIC, 3);

    reservoir.install(late, METRIC, 2);

    assertThat(collectAll(reservoir)).extracting(Reservoir.Entry::sequence).containsExactly(2L, 3L);
  }

  @Test
  void aWriterALapBehindDoesNotReviveARemovedNewerEntry() {
    Reservoir reservoir = new Reservoir(2);
    long straggler = reservoir.claim();
    reservoir.add(METRIC, 1);
    reservoir.add(METRIC, 2); // a lap ahead of the straggler, in its slot
    assertThat(reservoir.removeBefore(3)).isEqualTo(2);

    reservoir.install(straggler, METRIC, 0);

    assertThat(collectAll(reservoir)).isEmpty();
  }

  @Test
  void aSlotClearedByRemovalTakesTheNextLapsEntry() {
    Reservoir reservoir = new Reservoir(2);
    reservoir.add(METRIC, 0);
    reservoir.add(METRIC, 1);
    assertThat(reservoir.removeBefore(1)).isEqualTo(1);

    reservoir.add(METRIC, 2);

    assertThat(collectAll(reservoir))
        .extracting(Reservoir.Entry::sequence, Reservoir.Entry::arrivalNanos)
        .containsExactly(tuple(1L, 1L), tuple(2L, 2L));
  }

  /**
   * The ring is made with the reservoir: keeping a metric writes into it and allocates nothing, so
   * ingest does not feed the garbage collector (32 bytes per metric when each kept an entry).
   */
  @Test
  void keepingAMetricAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Reservoir reservoir = new Reservoir(1_024);
    int adds = 100_000;
    for (int i = 0; i < adds; i++) {
      reservoir.add(METRIC, i); // compiles add before the measurement
    }
    long thread = Thread.currentThread().getId();

    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < adds; i++) {
      reservoir.add(METRIC, i);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;

    assertThat(allocated).isLessThan(adds);
  }

  /**
   * Readers racing with writers that lap a small ring: every entry read is whole (its arrival and
   * metric were written together, here the metric's value is its arrival) and the entries of one
   * read come in sequence order, whatever the writers were doing.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void readersRacingWithWritersSeeOnlyWholeEntries() throws Exception {
    int writers = 4;
    int addsPerWriter = 200_000;
    Reservoir reservoir = new Reservoir(64);
    PerformanceMetric[] byArrival = new PerformanceMetric[addsPerWriter];
    for (int i = 0; i < addsPerWriter; i++) {
      byArrival[i] = metric(MetricType.LLM_PROCESSING, i);
    }
    Concurrently running =
        Concurrently.start(
            writers,
            () -> {
              for (int i = 0; i < addsPerWriter; i++) {
                reservoir.add(byArrival[i], i);
              }
            });
    try {
      long reads = 0;
      while (!running.isDone() || reads == 0) {
        List<Reservoir.Entry> entries = collectAll(reservoir);
        for (Reservoir.Entry entry : entries) {
          assertThat(entry.metric().value()).isEqualTo((double) entry.arrivalNanos());
        }
        assertThat(entries).extracting(Reservoir.Entry::sequence).isSorted();
        reads++;
      }
    } finally {
      running.await();
    }
    assertThat(collectAll(reservoir)).hasSize(64);
  }

  /**
   * Many threads lapping a two-slot ring: a writer preempted between claiming its sequence and
   * installing its entry must not overwrite the newer entry a lap ahead, so after every round the
   * ring holds exactly the last two sequences.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void racingWritersLeaveTheLastLapInTheRing() throws Exception {
    int threads = 8;
    int rounds = 2_000;
    int addsPerThread = 64;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < rounds; round++) {
        Reservoir reservoir = new Reservoir(2);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          writers.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 0; i < addsPerThread; i++) {
                      reservoir.add(METRIC, 0);
                    }
                    return null;
                  }));
        }
        for (Future<?> writer : writers) {
          writer.get();
        }

        long last = (long) threads * addsPerThread - 1;
        assertThat(collectAll(reservoir))
            .as("round %d", round)
            .extracting(Reservoir.Entry::sequence)
            .containsExactly(last - 1, last);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Reservoir.Entry> collectAll(Reservoir reservoir) {
    List<Reservoir.Entry> entries = new ArrayList<>();
    reservoir.collectSince(Long.MIN_VALUE, entries);
    return entries;
  }
}
