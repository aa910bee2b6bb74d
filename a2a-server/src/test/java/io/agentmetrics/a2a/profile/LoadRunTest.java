package io.agentmetrics.a2a.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the scheduler with scripted time: one client thread, a clock that only moves on demand.
 */
class LoadRunTest {

  private static final long MS = 1_000_000L;

  private final ExecutorService workers = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    workers.shutdownNow();
  }

  /** A clock that jumps to any deadline it is asked to wait for. */
  static final class FakeClock implements NanoClock {
    long now = 1_000 * MS;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleepUntil(long deadlineNanos) {
      now = Math.max(now, deadlineNanos);
    }
  }

  /** A transport whose request {@code i} takes {@code serviceMillis(i)} of fake time. */
  static final class ScriptedTransport implements Transport<Long> {
    final FakeClock clock;
    final LongFunction<Outcome> outcomes;
    final LongFunction<Long> serviceMillis;
    final List<Long> sent = new ArrayList<>();

    ScriptedTransport(
        FakeClock clock, LongFunction<Long> serviceMillis, LongFunction<Outcome> outcomes) {
      this.clock = clock;
      this.serviceMillis = serviceMillis;
      this.outcomes = outcomes;
    }

    @Override
    public Long prepare(long index) {
      return index;
    }

    @Override
    public Outcome send(Long index) {
      sent.add(index);
      clock.now += serviceMillis.apply(index) * MS;
      return outcomes.apply(index);
    }
  }

  private static ProfileSettings settings(
      int requests, double rate, int warmup, @Nullable Duration duration) {
    return new ProfileSettings(
        URI.create("http://localhost:5000"),
        URI.create("http://localhost:5000/tasks/send"),
        "message/send",
        requests,
        duration,
        1,
        warmup,
        rate,
        false,
        Duration.ofSeconds(30),
        false,
        false);
  }

  private RunResult run(ProfileSettings settings, ScriptedTransport transport)
      throws InterruptedException {
    return new LoadRun<>(settings, transport, transport.clock, workers, ProgressListener.NONE)
        .run();
  }

  @Test
  void openLoopMeasuresFromTheIntendedStartSoAStallCountsForEveryRequestBehindIt()
      throws InterruptedException {
    FakeClock clock = new FakeClock();
    // 10 requests/s: one every 100 ms. Request 2 stalls for 1 s, the rest take 10 ms.
    ScriptedTransport transport =
        new ScriptedTransport(
            clock, i -> i == 2 ? 1000L : 10L, i -> Outcome.success(Outcome.NO_EVENT));

    RunResult result = run(settings(5, 10, 0, null), transport);

    List<Sample> samples = result.samples();
    assertThat(samples)
        .extracting(Sample::intendedStartNanos)
        .containsExactly(0L, 100 * MS, 200 * MS, 300 * MS, 400 * MS);
    // Request 2 ends at 1100 ms; requests 3-5 go out back to back after it.
    assertThat(samples)
        .extracting(Sample::startNanos)
        .containsExactly(0L, 100 * MS, 1100 * MS, 1110 * MS, 1120 * MS);
    assertThat(samples)
        .extracting(Sample::correctedNanos)
        .containsExactly(10 * MS, 1000 * MS, 910 * MS, 820 * MS, 730 * MS);
    assertThat(samples).extracting(Sample::uncorrectedNanos).containsOnly(10 * MS, 1000 * MS);
    assertThat(result.lag().lateStarts()).isEqualTo(3);
    assertThat(result.lag().maxLagNanos()).isEqualTo(900 * MS);
    assertThat(result.lag().saturated(result.total())).isTrue();
    assertThat(LatencyStats.of(result.corrected()).median())
        .isGreaterThan(LatencyStats.of(result.uncorrected()).median());
  }

  @Test
  void closedLoopSendsBackToBackAndCorrectedEqualsUncorrected() throws InterruptedException {
    FakeClock clock = new FakeClock();
    ScriptedTransport transport =
        new ScriptedTransport(clock, i -> 20L * i, i -> Outcome.success(Outcome.NO_EVENT));

    RunResult result = run(settings(3, 0, 0, null), transport);

    assertThat(result.samples())
        .extracting(Sample::startNanos)
        .containsExactly(0L, 20 * MS, 60 * MS);
    assertThat(result.samples())
        .allSatisfy(s -> assertThat(s.correctedNanos()).isEqualTo(s.uncorrectedNanos()));
    assertThat(result.elapsedNanos()).isEqualTo(120 * MS);
    assertThat(result.throughput()).isEqualTo(25.0);
    assertThat(result.lag().saturated(result.total())).isFalse();
  }

  @Test
  void timeBoundOpenLoopStopsAtTheLastIntendedStartBeforeTheDeadline() throws InterruptedException {
    FakeClock clock = new FakeClock();
    ScriptedTransport transport =
        new ScriptedTransport(clock, i -> 1L, i -> Outcome.success(Outcome.NO_EVENT));

    RunResult result = run(settings(1, 4, 0, Duration.ofSeconds(1)), transport);

    assertThat(result.total()).isEqualTo(4);
    assertThat(transport.sent).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void failuresAreCountedByCauseAndKeptOutOfTheLatencyHistograms() throws InterruptedException {
    FakeClock clock = new FakeClock();
    ScriptedTransport transport =
        new ScriptedTransport(
            clock,
            i -> 5L,
            i ->
                i % 2 == 0
                    ? Outcome.failure(FailureCause.httpStatus(503), "HTTP 503")
                    : Outcome.success(Outcome.NO_EVENT));

    RunResult result = run(settings(5, 0, 0, null), transport);

    assertThat(result.successes()).isEqualTo(3);
    assertThat(result.failures()).containsExactly(Map.entry(FailureCause.httpStatus(503), 2L));
    assertThat(result.corrected().getTotalCount()).isEqualTo(3);
    assertThat(result.samples())
        .filteredOn(s -> !s.succeeded())
        .extracting(Sample::index)
        .containsExactly(2L, 4L);
  }

  @Test
  void connectionRefusedBeforeAnySuccessStopsTheRunAsUnreachable() throws InterruptedException {
    FakeClock clock = new FakeClock();
    ScriptedTransport transport =
        new ScriptedTransport(
            clock,
            i -> 0L,
            i -> Outcome.failure(FailureCause.CONNECTION_REFUSED, "connection refused"));

    RunResult result = run(settings(100, 0, 0, null), transport);

    assertThat(result.unreachable()).isTrue();
    assertThat(transport.sent).containsExactly(1L);
  }

  @Test
  void connectionRefusedAfterSuccessesIsJustAFailure() throws InterruptedException {
    FakeClock clock = new FakeClock();
    ScriptedTransport transport =
        new ScriptedTransport(
            clock,
            i -> 1L,
            i ->
                i > 2
                    ? Outcome.failure(FailureCause.CONNECTION_REFUSED, "connection refused")
                    : Outcome.success(Outcome.NO_EVENT));

    RunResult result = run(settings(4, 0, 0, null), transport);

    assertThat(result.unreachable()).isFalse();
    assertThat(result.failures()).containsEntry(FailureCause.CONNECTION_REFUSED, 2L);
  }

  @Test
  void warmUpRequestsAreSentFirstAndNotMeasured() throws InterruptedException {
    FakeClock clock = new FakeClock();
    ScriptedTransport transport =
        new ScriptedTransport(clock, i -> 1L, i -> Outcome.success(Outcome.NO_EVENT));

    RunResult result = run(settings(2, 0, 3, null), transport);

    assertThat(transport.sent).containsExactly(-1L, -2L, -3L, 1L, 2L);
    assertThat(result.total()).isEqualTo(2);
  }

  @Test
  void streamTtftIsMeasuredFromTheIntendedStart() throws InterruptedException {
    FakeClock clock = new FakeClock();
    ScriptedTransport transport =
        new ScriptedTransport(clock, i -> 50L, i -> Outcome.success(clock.now - 40 * MS));

    RunResult result = run(settings(1, 0, 0, null), transport);

    assertThat(result.samples().get(0).ttftNanos()).contains(10 * MS);
    assertThat(result.ttft().getTotalCount()).isEqualTo(1);
  }
}
