package io.agentmetrics.benchmarks;

import io.agentmetrics.aggregator.AggregatorConfig;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.api.AggregatedMetrics;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code getAggregatedMetrics} for each window, on an aggregator holding ten million latencies
 * spread evenly over the last 24 hours (its default retention) by a simulated clock.
 *
 * <p>The clock stands still during the measurement, so every call answers over the same data. WEEK
 * answers over the 24 hours that retention keeps.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryBenchmark {

  /** How many records the aggregator holds when it is queried. */
  static final int RECORDS = 10_000_000;

  /** The span of simulated time the records are spread over. */
  static final Duration SPAN = Duration.ofHours(2);

  /** The window queried. */
  @Param({"MINUTE", "FIVE_MINUTES", "HOUR", "DAY", "WEEK"})
  public AggregationWindow window = AggregationWindow.HOUR;

  private MetricsAggregator aggregator = new MetricsAggregator();

  /** Records {@link #RECORDS} latencies, once per window, before any measurement. */
  @Setup(Level.Trial)
  public void fill() {
    SimulatedTimeSource clock = new SimulatedTimeSource();
    aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    LatencySamples samples = new LatencySamples();
    long stepNanos = SPAN.toNanos() / RECORDS;
    for (int i = 0; i < RECORDS; i++) {
      clock.advanceNanos(stepNanos);
      aggregator.addMetric(samples.metrics[i & LatencySamples.MASK]);
    }
  }

  /** The statistics of the latencies within the window. */
  @Benchmark
  public Optional<AggregatedMetrics> aggregatedMetrics() {
    return aggregator.getAggregatedMetrics(MetricType.LLM_PROCESSING, window);
  }
}
