package io.agentmetrics.aggregator;

import static io.agentmetrics.aggregator.Metrics.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.agentmetrics.api.AggregatedMetrics;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.testing.FakeTimeSource;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AccuracyTest {

  private static final double MIN_MS = 0.001; // 1 µs
  private static final double MAX_MS = 3_600_000; // 1 h

  @Test
  void percentilesAreWithinOnePercentOfExactOnesFromOneMicrosecondToOneHour() {
    FakeTimeSource clock = new FakeTimeSource();
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    SplittableRandom random = new SplittableRandom(42);
    double[] values = new double[200_000];
    for (int i = 0; i < values.length; i++) {
      // Log-uniform: every decade from 1 µs to 1 h is equally represented.
      values[i] = MIN_MS * Math.pow(MAX_MS / MIN_MS, random.nextDouble());
      aggregator.addMetric(metric(MetricType.TOTAL_EXECUTION, values[i]));
    }
    Arrays.sort(values);

    AggregatedMetrics stats =
        aggregator.getAggregatedMetrics(MetricType.TOTAL_EXECUTION, AggregationWindow.HOUR).get();

    assertThat(stats.count()).isEqualTo(values.length);
    assertThat(stats.p50()).isCloseTo(exact(values, 50), withinPercentage(1));
    assertThat(stats.p95()).isCloseTo(exact(values, 95), withinPercentage(1));
    assertThat(stats.p99()).isCloseTo(exact(values, 99), withinPercentage(1));
    assertThat(stats.max()).isCloseTo(values[values.length - 1], withinPercentage(1));
    assertThat(stats.mean())
        .isCloseTo(Arrays.stream(values).average().orElseThrow(), withinPercentage(1));
    assertThat(aggregator.clampedCount()).isZero();
  }

  @Test
  void lowPercentilesOfMillisecondLatenciesAreWithinOnePercent() {
    FakeTimeSource clock = new FakeTimeSource();
    MetricsAggregator aggregator = new MetricsAggregator(AggregatorConfig.defaults(), clock);
    SplittableRandom random = new SplittableRandom(7);
    double[] values = new double[100_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = 1 + random.nextDouble() * 99; // 1 ms to 100 ms
      aggregator.addMetric(metric(MetricType.DATABASE_QUERY, values[i]));
    }
    Arrays.sort(values);

    AggregatedMetrics stats =
        aggregator.getAggregatedMetrics(MetricType.DATABASE_QUERY, AggregationWindow.MINUTE).get();

    assertThat(stats.min()).isCloseTo(values[0], withinPercentage(1));
    assertThat(stats.p50()).isCloseTo(exact(values, 50), withinPercentage(1));
    assertThat(stats.p95()).isCloseTo(exact(values, 95), withinPercentage(1));
    assertThat(stats.p99()).isCloseTo(exact(values, 99), withinPercentage(1));
    assertThat(stats.stdDev()).isCloseTo(standardDeviation(values), withinPercentage(1));
  }

  /** The nearest-rank percentile: the smallest value with at least p% of values at or below it. */
  private static double exact(double[] sorted, double percentile) {
    int rank = (int) Math.ceil(percentile / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double standardDeviation(double[] values) {
    double mean = Arrays.stream(values).average().orElseThrow();
    double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / values.length);
  }
}
