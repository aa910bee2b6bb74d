package io.agentmetrics.benchmarks;

import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Ready-made LLM latencies for the aggregator benchmarks: log-normal around 200 ms (most between 50
 * ms and 1 s, a tail up to minutes), from a fixed seed so every run records the same values.
 *
 * <p>The metrics belong to {@value #EXECUTIONS} executions of {@value #METRICS_PER_EXECUTION}
 * metrics each, twice the aggregator's default {@code trackedExecutions}: as in a server where
 * every execution is new, each pass over the samples admits every execution to the aggregator's
 * count-once ledger afresh and evicts an older one, so ingest pays the ledger's whole cost.
 *
 * <p>Not modified after construction, so benchmark threads may share it.
 */
final class LatencySamples {

  /** How many distinct samples; a power of two, so that an index wraps with a mask. */
  static final int SIZE = 1 << 16;

  /** The metrics of one execution, as many as the phases of {@link ExecutionBenchmark}. */
  static final int METRICS_PER_EXECUTION = 8;

  static final int EXECUTIONS = SIZE / METRICS_PER_EXECUTION;

  static final int MASK = SIZE - 1;

  private static final double MEDIAN_MS = 200;
  private static final double SIGMA = 1.0;
  private static final long SEED = 20261122L;

  final double[] millis = new double[SIZE];
  final PerformanceMetric[] metrics = new PerformanceMetric[SIZE];

  LatencySamples() {
    SplittableRandom random = new SplittableRandom(SEED);
    Instant timestamp = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < SIZE; i++) {
      double ms = MEDIAN_MS * Math.exp(SIGMA * gaussian(random));
      millis[i] = ms;
      metrics[i] =
          new PerformanceMetric(
              MetricType.LLM_PROCESSING,
              ms,
              timestamp,
              new UUID(SEED, i / METRICS_PER_EXECUTION),
              "benchmark-agent");
    }
  }

  /** A standard normal value by the Box-Muller transform; SplittableRandom has no nextGaussian. */
  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
