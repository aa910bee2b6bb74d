package io.agentmetrics.aggregator;

import static io.agentmetrics.aggregator.Metrics.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentmetrics.api.AggregatedMetrics;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MetricsAggregatorConcurrencyTest {

  private static final int THREADS = 8;
  private static final int RECORDS_PER_THREAD = 1_000_000;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void loseNoSampleWhenEightThreadsRecordAMillionEachAcrossSliceRollovers() throws Exception {
    FakeTimeSource clock = new FakeTimeSource();
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    PerformanceMetric metric = metric(MetricType.DATABASE_QUERY, 12.5);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        boolean movesTheClock = t == 0;
        writers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < RECORDS_PER_THREAD; i++) {
                    aggregator.addMetric(metric);
                    // 10 fine-slice rollovers while the others record, all within the last minute.
                    if (movesTheClock && i % 1_000 == 0) {
                      clock.advance(Duration.ofMillis(50));
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(4, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    long expected = (long) THREADS * RECORDS_PER_THREAD;
    for (AggregationWindow window : AggregationWindow.values()) {
      assertThat(aggregator.getAggregatedMetrics(MetricType.DATABASE_QUERY, window).get().count())
          .as("count over %s", window)
          .isEqualTo(expected);
    }
    assertThat(aggregator.exportMetrics(AggregationWindow.MINUTE))
        .hasSize(AggregatorConfig.DEFAULT_RESERVOIR_SIZE);
  }

  /**
   * Two threads, each on a stripe of its own where there are two cores, record into one type at the
   * first instant 150 values of 10 ms and 100 of 30 ms each. By hand: 500 values, mean (300 * 10 +
   * 200 * 30) / 500 = 18 ms, p50 10 ms, p95 and p99 30 ms. One nanosecond before the minute's end
   * all are still in the MINUTE window and the export; at the end the window's oldest slice has
   * left it while the export, whose range is exact, still holds all 500; one nanosecond later the
   * export is empty too.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void twoThreadsValuesAreAllCountedAndLeaveTheMinuteAtItsSliceBoundary() throws Exception {
    FakeTimeSource clock = new FakeTimeSource();
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    PerformanceMetric fast = metric(MetricType.LLM_PROCESSING, 10);
    PerformanceMetric slow = metric(MetricType.LLM_PROCESSING, 30);
    Concurrently.run(
        2,
        () -> {
          for (int i = 0; i < 250; i++) {
            aggregator.addMetric(i % 5 < 3 ? fast : slow);
          }
        });

    clock.advance(Duration.ofMinutes(1).minusNanos(1));
    AggregatedMetrics minute =
        aggregator.getAggregatedMetrics(MetricType.LLM_PROCESSING, AggregationWindow.MINUTE).get();
    assertThat(minute.count()).isEqualTo(500);
    assertThat(minute.mean()).isCloseTo(18, within(0.02));
    assertThat(minute.p50()).isCloseTo(10, within(0.01));
    assertThat(minute.p95()).isCloseTo(30, within(0.03));
    assertThat(minute.p99()).isCloseTo(30, within(0.03));
    assertThat(aggregator.exportMetrics(AggregationWindow.MINUTE)).hasSize(500);

    clock.advance(Duration.ofNanos(1));
    assertThat(aggregator.getAggregatedMetrics(MetricType.LLM_PROCESSING, AggregationWindow.MINUTE))
        .isEmpty();
    assertThat(aggregator.exportMetrics(AggregationWindow.MINUTE)).hasSize(500);
    assertThat(
            aggregator
                .getAggregatedMetrics(MetricType.LLM_PROCESSING, AggregationWindow.FIVE_MINUTES)
                .get()
                .count())
        .isEqualTo(500);

    clock.advance(Duration.ofNanos(1));
    assertThat(aggregator.exportMetrics(AggregationWindow.MINUTE)).isEmpty();
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void queriesWhileRecordingSeeNonDecreasingCounts() throws Exception {
    FakeTimeSource clock = new FakeTimeSource();
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    PerformanceMetric metric = metric(MetricType.TTFT, 300);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Callable<Void> writer =
          () -> {
            start.await();
            for (int i = 0; i < 200_000; i++) {
              aggregator.addMetric(metric);
            }
            return null;
          };
      Future<Void> first = pool.submit(writer);
      Future<Void> second = pool.submit(writer);
      Future<Long> reader =
          pool.submit(
              () -> {
                start.await();
                long last = 0;
                while (!(first.isDone() && second.isDone())) {
                  long count =
                      aggregator
                          .getAggregatedMetrics(MetricType.TTFT, AggregationWindow.HOUR)
                          .map(stats -> stats.count())
                          .orElse(0L);
                  assertThat(count).isGreaterThanOrEqualTo(last);
                  last = count;
                }
                return last;
              });
      start.countDown();
      first.get(1, TimeUnit.MINUTES);
      second.get(1, TimeUnit.MINUTES);
      reader.get(1, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }

    assertThat(
            aggregator.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.HOUR).get().count())
        .isEqualTo(400_000);
  }

  @Test
  @Timeout(value = 1, unit = TimeUnit.MINUTES)
  void globalIsOneInstanceForEveryThread() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<MetricsAggregator>> lookups = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        lookups.add(
            pool.submit(
                () -> {
                  start.await();
                  return MetricsAggregator.global();
                }));
      }
      start.countDown();
      Set<MetricsAggregator> seen = new HashSet<>();
      for (Future<MetricsAggregator> lookup : lookups) {
        seen.add(lookup.get(30, TimeUnit.SECONDS));
      }
      assertThat(seen).containsExactly(MetricsAggregator.global());
    } finally {
      pool.shutdownNow();
    }
  }
}
