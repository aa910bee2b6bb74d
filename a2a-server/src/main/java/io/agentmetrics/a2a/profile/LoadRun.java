package io.agentmetrics.a2a.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Runs the measured requests, closed- or open-loop, on {@code concurrency} client threads.
 *
 * <p>Closed loop (no rate): every thread sends its next request as soon as the previous one
 * finished, so latency is measured from the actual send.
 *
 * <p>Open loop ({@code rate > 0}): request {@code i} has the intended start time {@code t0 + i /
 * rate}. A thread takes the next request, waits for its intended time and sends it; if every thread
 * was busy the request goes out late, and its latency is still measured from the intended start.
 * This is wrk2's correction for coordinated omission: a server stall then shows up in every request
 * that should have been sent during it, not just in the one that was waiting. Both the corrected
 * and the uncorrected (from actual send) latencies are kept.
 *
 * <p>Each thread records into its own histograms, merged at the end, so recording takes no lock. A
 * run stops early when the server is unreachable before any request (warm-up included) has
 * succeeded; a server that answered once and then refuses connections just fails requests.
 *
 * <p>Not thread-safe: one instance runs once, from one thread.
 */
final class LoadRun<R> {

  /** A request that starts later than this after its intended time counts as a late start. */
  static final long LATE_START_NANOS = 10_000_000L;

  /** At most this many samples are kept; histograms always hold every request. */
  static final int MAX_SAMPLES = 100_000;

  private final ProfileSettings settings;
  private final Transport<R> transport;
  private final NanoClock clock;
  private final ExecutorService workers;
  private final ProgressListener listener;

  private final AtomicBoolean answered = new AtomicBoolean();
  private final AtomicLong storedSamples = new AtomicLong();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicBoolean unreachable = new AtomicBoolean();

  LoadRun(
      ProfileSettings settings,
      Transport<R> transport,
      NanoClock clock,
      ExecutorService workers,
      ProgressListener listener) {
    this.settings = settings;
    this.transport = transport;
    this.clock = clock;
    this.workers = workers;
    this.listener = listener;
  }

  RunResult run() throws InterruptedException {
    if (settings.warmup() > 0) {
      warmUp();
    }
    if (unreachable.get()) {
      return RunResult.unreachable(settings, Instant.now());
    }
    Instant startedAt = Instant.now();
    long t0 = clock.nanoTime();
    AtomicLong next = new AtomicLong();
    List<Future<WorkerRecord>> futures = new ArrayList<>();
    for (int i = 0; i < settings.concurrency(); i++) {
      futures.add(workers.submit(() -> measure(t0, next)));
    }
    List<WorkerRecord> records = new ArrayList<>();
    for (Future<WorkerRecord> future : futures) {
      records.add(await(future));
    }
    listener.runFinished();
    return merge(startedAt, records);
  }

  private void warmUp() throws InterruptedException {
    AtomicLong next = new AtomicLong();
    List<Future<Void>> futures = new ArrayList<>();
    for (int i = 0; i < settings.concurrency(); i++) {
      futures.add(
          workers.submit(
              () -> {
                long index;
                while (!stop.get() && (index = next.getAndIncrement()) < settings.warmup()) {
                  noteOutcome(transport.send(transport.prepare(-1 - index)));
                }
                return null;
              }));
    }
    for (Future<Void> future : futures) {
      await(future);
    }
  }

  private WorkerRecord measure(long t0, AtomicLong next) throws InterruptedException {
    WorkerRecord record = new WorkerRecord();
    boolean openLoop = settings.openLoop();
    double intervalNanos = openLoop ? 1e9 / settings.rate() : 0;
    long durationNanos = settings.durationNanos();
    while (!stop.get()) {
      long i = next.getAndIncrement();
      if (!settings.timeBound() && i >= settings.requests()) {
        break;
      }
      long index = i + 1;
      long intended;
      R request;
      if (openLoop) {
        intended = t0 + Math.round(i * intervalNanos);
        if (settings.timeBound() && intended - t0 >= durationNanos) {
          break;
        }
        request = transport.prepare(index);
        clock.sleepUntil(intended);
      } else {
        if (settings.timeBound() && clock.nanoTime() - t0 >= durationNanos) {
          break;
        }
        request = transport.prepare(index);
        intended = clock.nanoTime();
      }
      listener.requestStarted(index);
      long start = clock.nanoTime();
      Outcome outcome = transport.send(request);
      long end = clock.nanoTime();
      long firstEvent =
          outcome.firstEventNanos() == Outcome.NO_EVENT
              ? Outcome.NO_EVENT
              : Math.min(end, Math.max(start, outcome.firstEventNanos())) - t0;
      Sample sample = Sample.of(index, intended - t0, start - t0, end - t0, firstEvent, outcome);
      record.add(sample, storedSamples.incrementAndGet() <= MAX_SAMPLES);
      noteOutcome(outcome);
      listener.requestFinished(sample, outcome);
    }
    return record;
  }

  private void noteOutcome(Outcome outcome) {
    FailureCause cause = outcome.cause();
    if (cause == null) {
      answered.set(true);
    } else if (cause.kind().meansUnreachable() && !answered.get()) {
      unreachable.set(true);
      stop.set(true);
    }
  }

  private RunResult merge(Instant startedAt, List<WorkerRecord> records) {
    WorkerRecord total = new WorkerRecord();
    for (WorkerRecord record : records) {
      total.addAll(record);
    }
    total.samples.sort(Comparator.comparingLong(Sample::index));
    return new RunResult(
        settings,
        startedAt,
        total.lastEndNanos,
        total.successes,
        total.failures,
        total.corrected,
        total.uncorrected,
        total.ttft,
        total.samples,
        total.count > total.samples.size(),
        new ScheduleLag(total.lateStarts, total.maxLagNanos, settings.openLoop()),
        unreachable.get());
  }

  private static <T> T await(Future<T> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new IllegalStateException("a client thread failed", e.getCause());
    }
  }

  /** What one client thread measured; merged into a {@link RunResult} once the run is over. */
  private static final class WorkerRecord {
    final Histogram corrected = LatencyHistograms.newMicros();
    final Histogram uncorrected = LatencyHistograms.newMicros();
    final Histogram ttft = LatencyHistograms.newMicros();
    final Map<FailureCause, Long> failures = new TreeMap<>();
    final List<Sample> samples = new ArrayList<>();
    long count;
    long successes;
    long lateStarts;
    long maxLagNanos;
    long lastEndNanos;

    void add(Sample sample, boolean keep) {
      count++;
      if (keep) {
        samples.add(sample);
      }
      long lag = sample.startNanos() - sample.intendedStartNanos();
      maxLagNanos = Math.max(maxLagNanos, lag);
      if (lag > LATE_START_NANOS) {
        lateStarts++;
      }
      lastEndNanos = Math.max(lastEndNanos, sample.endNanos());
      FailureCause cause = sample.cause();
      if (cause != null) {
        failures.merge(cause, 1L, Long::sum);
        return;
      }
      successes++;
      LatencyHistograms.recordNanos(corrected, sample.correctedNanos());
      LatencyHistograms.recordNanos(uncorrected, sample.uncorrectedNanos());
      sample.ttftNanos().ifPresent(nanos -> LatencyHistograms.recordNanos(ttft, nanos));
    }

    void addAll(WorkerRecord other) {
      corrected.add(other.corrected);
      uncorrected.add(other.uncorrected);
      ttft.add(other.ttft);
      other.failures.forEach((cause, n) -> failures.merge(cause, n, Long::sum));
      samples.addAll(other.samples);
      count += other.count;
      successes += other.successes;
      lateStarts += other.lateStarts;
      maxLagNanos = Math.max(maxLagNanos, other.maxLagNanos);
      lastEndNanos = Math.max(lastEndNanos, other.lastEndNanos);
    }
  }
}
