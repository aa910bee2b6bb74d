package io.agentmetrics.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JvmResourceSamplerTest {

  private record Sample(double cpuPercent, double memoryMb, int threads, int maxThreads) {}

  @Test
  void samplesPlausibleFiguresFromTheMxBeans() {
    List<Sample> samples = new CopyOnWriteArrayList<>();
    try (JvmResourceSampler sampler =
        JvmResourceSampler.start(
            (cpu, memory, threads, max) -> samples.add(new Sample(cpu, memory, threads, max)),
            null,
            Duration.ofHours(1))) {
      sampler.sampleNow();
    }

    assertThat(samples)
        .last()
        .satisfies(
            sample -> {
              assertThat(sample.cpuPercent()).isBetween(0.0, 100.0);
              assertThat(sample.memoryMb()).isPositive();
              assertThat(sample.threads()).isPositive();
              assertThat(sample.maxThreads()).isEqualTo(JvmResourceSampler.NO_POOL);
            });
  }

  @Test
  void samplesThePoolsActiveAndMaximumThreads() throws InterruptedException {
    List<Sample> samples = new CopyOnWriteArrayList<>();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (JvmResourceSampler sampler =
        JvmResourceSampler.start(
            (cpu, memory, threads, max) -> samples.add(new Sample(cpu, memory, threads, max)),
            pool,
            Duration.ofHours(1))) {
      pool.execute(
          () -> {
            started.countDown();
            awaitQuietly(release);
          });
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      sampler.sampleNow();
    } finally {
      release.countDown();
      pool.shutdown();
    }

    assertThat(samples)
        .last()
        .satisfies(
            sample -> {
              assertThat(sample.threads()).isEqualTo(1);
              assertThat(sample.maxThreads()).isEqualTo(4);
            });
  }

  @Test
  void recordsThePoolsUtilizationIntoSupervisorObservability() {
    MetricsAggregator aggregator = new MetricsAggregator();
    SupervisorObservability observability =
        new SupervisorObservability(
            SupervisorConfig.defaults(), aggregator, List.of(), TimeSource.system());
    ThreadPoolExecutor idle =
        new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
    try (JvmResourceSampler sampler =
        JvmResourceSampler.start(observability, Duration.ofHours(1), idle)) {
      sampler.sampleNow();
    } finally {
      idle.shutdown();
    }

    // No task is running: 0 of 2 threads busy is 0%.
    assertThat(
            aggregator.getAggregatedMetrics(MetricType.THREAD_POOL_USAGE, AggregationWindow.MINUTE))
        .hasValueSatisfying(stats -> assertThat(stats.max()).isZero());
    assertThat(observability.droppedCalls()).isZero();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void samplesRepeatedlyOnItsScheduleUntilClosed() throws InterruptedException {
    CountDownLatch threeSamples = new CountDownLatch(3);
    JvmResourceSampler sampler =
        JvmResourceSampler.start(
            (cpu, memory, threads, max) -> threeSamples.countDown(), null, Duration.ofMillis(5));

    assertThat(threeSamples.await(30, TimeUnit.SECONDS)).isTrue();
    sampler.close();
    assertThat(sampler.isClosed()).isTrue();
  }

  @Test
  void aFailingSampleDoesNotStopLaterOnes() throws InterruptedException {
    CountDownLatch afterFailure = new CountDownLatch(2);
    JvmResourceSampler sampler =
        JvmResourceSampler.start(
            (cpu, memory, threads, max) -> {
              afterFailure.countDown();
              throw new IllegalStateException("recorder down");
            },
            null,
            Duration.ofMillis(5));
    try {
      assertThat(afterFailure.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      sampler.close();
    }
  }

  @Test
  void recordsIntoSupervisorObservability() {
    SupervisorObservability observability = new SupervisorObservability();
    try (JvmResourceSampler sampler =
        JvmResourceSampler.start(observability, Duration.ofHours(1))) {
      sampler.sampleNow();
    }

    assertThat(observability.droppedCalls()).isZero();
  }

  @Test
  void nonPositiveIntervalIsRejected() {
    assertThatThrownBy(() -> JvmResourceSampler.start((c, m, t, x) -> {}, null, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval must be positive, got PT0S");
  }
}
