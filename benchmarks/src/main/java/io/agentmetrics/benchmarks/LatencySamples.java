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
 * <p>Not modified after construction, so benchmark threads may share it.
 */
final class LatencySamples {

  /** How many distinct samples; a power of two, so that an index wraps with a mask. */
  static final int SIZE = 1024;

  static final int MASK = SIZE - 1;

  private static final double MEDIAN_MS = 200;
  private static final double SIGMA = 1.0;
  private static final long SEED = 20261122L;

  final double[] millis = new double[SIZE];
  final long[] micros = new long[SIZE];
  final PerformanceMetric[] metrics = new PerformanceMetric[SIZE];

  LatencySamples() {
    SplittableRandom random = new SplittableRandom(SEED);
    UUID executionId = new UUID(SEED, SEED);
    Instant timestamp = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < SIZE; i++) {
      double ms = MEDIAN_MS * Math.exp(SIGMA * gaussian(random));
      millis[i] = ms;
      micros[i] = Math.round(ms * 1_000);
      metrics[i] =
          new PerformanceMetric(
              MetricType.LLM_PROCESSING, ms, timestamp, executionId, "benchmark-agent");
    }
  }

  /** A standard normal value by the Box-Muller transform; SplittableRandom has no nextGaussian. */
  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
