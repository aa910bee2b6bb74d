package io.agentmetrics.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JvmResourceSamplerTest {

  private record Sample(double cpuPercent, double memoryMb, int threadCount) {}

  @Test
  void samplesPlausibleFiguresFromTheMxBeans() {
    List<Sample> samples = new CopyOnWriteArrayList<>();
    try (JvmResourceSampler sampler =
        JvmResourceSampler.start(
            (cpu, memory, threads) -> samples.add(new Sample(cpu, memory, threads)),
            Duration.ofHours(1))) {
      sampler.sampleNow();
    }

    assertThat(samples)
        .last()
        .satisfies(
            sample -> {
              assertThat(sample.cpuPercent()).isBetween(0.0, 100.0);
              assertThat(sample.memoryMb()).isPositive();
              assertThat(sample.threadCount()).isPositive();
            });
  }

  @Test
  void samplesRepeatedlyOnItsScheduleUntilClosed() throws InterruptedException {
    CountDownLatch threeSamples = new CountDownLatch(3);
    JvmResourceSampler sampler =
        JvmResourceSampler.start(
            (cpu, memory, threads) -> threeSamples.countDown(), Duration.ofMillis(5));

    assertThat(threeSamples.await(30, TimeUnit.SECONDS)).isTrue();
    sampler.close();
    assertThat(sampler.isClosed()).isTrue();
  }

  @Test
  void aFailingSampleDoesNotStopLaterOnes() throws InterruptedException {
    CountDownLatch afterFailure = new CountDownLatch(2);
    JvmResourceSampler sampler =
        JvmResourceSampler.start(
            (cpu, memory, threads) -> {
              afterFailure.countDown();
              throw new IllegalStateException("recorder down");
            },
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
    assertThatThrownBy(() -> JvmResourceSampler.start((c, m, t) -> {}, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval must be positive, got PT0S");
  }
}
