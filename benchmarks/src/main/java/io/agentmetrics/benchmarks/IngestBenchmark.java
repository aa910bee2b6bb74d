package io.agentmetrics.benchmarks;

import io.agentmetrics.aggregator.MetricsAggregator;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Recording one ready-made latency, by one thread and by two threads sharing one recorder.
 *
 * <ul>
 *   <li>{@link #aggregator}: {@code MetricsAggregator.addMetric} of a ready-made {@code
 *       PerformanceMetric} (the metric is built outside the measurement, as a collector hands it
 *       over), with the system clock and the default configuration. The metrics come from many
 *       executions ({@link LatencySamples}), so the count-once ledger admits and evicts executions
 *       as it does in a server.
 *   <li>{@link #recorder}: HdrHistogram's {@code Recorder.recordValue} of the same metric's value
 *       in microseconds, with the aggregator's precision (3 significant digits, auto-resizing): the
 *       floor of recording into a histogram that can be read while it is written. It reads the
 *       value from the same {@code PerformanceMetric}, so both sides touch the same memory.
 *   <li>{@link #micrometerSummary}: a Micrometer {@code DistributionSummary} publishing the 0.5,
 *       0.95 and 0.99 percentiles, on a {@code SimpleMeterRegistry}.
 * </ul>
 *
 * The {@code TwoThreads} variants run the same call from two threads into the same instance; their
 * score is the time per record seen by each thread, contention included. The threads start half the
 * samples apart, so, like two request threads, they record different executions.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IngestBenchmark {

  private static final int SIGNIFICANT_DIGITS = 3;
  private static final double MICROS_PER_MILLI = 1_000;

  private final LatencySamples samples = new LatencySamples();
  private final MetricsAggregator aggregator = new MetricsAggregator();
  private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final DistributionSummary summary =
      DistributionSummary.builder("agent.llm.latency")
          .baseUnit("milliseconds")
          .publishPercentiles(0.5, 0.95, 0.99)
          .register(registry);

  /** Closes the Micrometer registry. */
  @TearDown
  public void tearDown() {
    registry.close();
  }

  /** Each thread's position in the samples, so that threads share no counter. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    /** Starts each thread half the samples after the one before it. */
    @Setup(Level.Trial)
    public void spread(ThreadParams thread) {
      next = thread.getThreadIndex() * (LatencySamples.SIZE / 2);
    }

    int next() {
      return next++ & LatencySamples.MASK;
    }
  }

  /** One metric into the aggregator. */
  @Benchmark
  public void aggregator(Cursor cursor) {
    aggregator.addMetric(samples.metrics[cursor.next()]);
  }

  /** One value into a bare HdrHistogram Recorder. */
  @Benchmark
  public void recorder(Cursor cursor) {
    recorder.recordValue(Math.round(samples.metrics[cursor.next()].value() * MICROS_PER_MILLI));
  }

  /** One value into a Micrometer summary with percentiles. */
  @Benchmark
  public void micrometerSummary(Cursor cursor) {
    summary.record(samples.millis[cursor.next()]);
  }

  /** {@link #aggregator} from two threads. */
  @Benchmark
  @Threads(2)
  public void aggregatorTwoThreads(Cursor cursor) {
    aggregator(cursor);
  }

  /** {@link #recorder} from two threads. */
  @Benchmark
  @Threads(2)
  public void recorderTwoThreads(Cursor cursor) {
    recorder(cursor);
  }

  /** {@link #micrometerSummary} from two threads. */
  @Benchmark
  @Threads(2)
  public void micrometerSummaryTwoThreads(Cursor cursor) {
    micrometerSummary(cursor);
  }
}
