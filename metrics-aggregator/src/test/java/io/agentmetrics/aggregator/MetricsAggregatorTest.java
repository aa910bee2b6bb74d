package io.agentmetrics.aggregator;

import static io.agentmetrics.aggregator.Metrics.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.agentmetrics.api.AggregatedMetrics;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsAggregatorTest {

  /** The documented accuracy of every statistic: 3 significant digits. */
  private static final Percentage ACCURACY = withinPercentage(0.1);

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MetricsAggregator aggregator =
      new MetricsAggregator(AggregatorConfig.defaults(), clock);

  @Test
  void summarizesValuesOfOneTypeOverAWindow() {
    for (int ms = 1; ms <= 100; ms++) {
      aggregator.addMetric(metric(MetricType.LLM_PROCESSING, ms));
    }

    AggregatedMetrics stats =
        aggregator.getAggregatedMetrics(MetricType.LLM_PROCESSING, AggregationWindow.MINUTE).get();

    assertThat(stats.metricType()).isEqualTo(MetricType.LLM_PROCESSING);
    assertThat(stats.window()).isEqualTo(AggregationWindow.MINUTE);
    assertThat(stats.count()).isEqualTo(100);
    assertThat(stats.mean()).isCloseTo(50.5, within(0.05));
    assertThat(stats.min()).isEqualTo(1.0);
    assertThat(stats.max()).isCloseTo(100.0, ACCURACY);
    assertThat(stats.stdDev()).isCloseTo(28.866, within(0.05));
    assertThat(stats.p50()).isCloseTo(50.0, ACCURACY);
    assertThat(stats.p95()).isCloseTo(95.0, ACCURACY);
    assertThat(stats.p99()).isCloseTo(99.0, ACCURACY);
  }

  @ParameterizedTest
  @EnumSource(AggregationWindow.class)
  void repeatedQueriesSeeNewValuesClosedSlicesAndExpiredOnes(AggregationWindow window) {
    Duration step = window.duration().dividedBy(4);
    long before = 0;
    for (int round = 1; round <= 10; round++) {
      aggregator.addMetric(metric(MetricType.TTFT, round));
      long count = aggregator.getAggregatedMetrics(MetricType.TTFT, window).get().count();
      assertThat(count).isEqualTo(before + 1);
      aggregator.addMetric(metric(MetricType.TTFT, 1_000 + round));
      AggregatedMetrics stats = aggregator.getAggregatedMetrics(MetricType.TTFT, window).get();
      assertThat(stats.max()).isCloseTo(1_000 + round, ACCURACY);
      // A window of four steps holds at most five rounds (the live slice included) of the ten.
      assertThat(stats.count()).isBetween(2L, 2L * 5);
      clock.advance(step);
      before =
          aggregator.getAggregatedMetrics(MetricType.TTFT, window).map(s -> s.count()).orElse(0L);
    }
  }

  @Test
  void returnsEmptyForATypeWithoutValues() {
    aggregator.addMetric(metric(MetricType.TTFT, 10));

    assertThat(aggregator.getAggregatedMetrics(MetricType.DATABASE_QUERY, AggregationWindow.HOUR))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(AggregationWindow.class)
  void everyWindowSeesAValueAddedJustNow(AggregationWindow window) {
    aggregator.addMetric(metric(MetricType.TTFT, 250));

    assertThat(aggregator.getAggregatedMetrics(MetricType.TTFT, window))
        .hasValueSatisfying(stats -> assertThat(stats.p50()).isCloseTo(250.0, ACCURACY));
  }

  @Test
  void windowsForgetValuesOlderThanTheirLength() {
    aggregator.addMetric(metric(MetricType.TTFT, 250));

    clock.advance(Duration.ofSeconds(61));
    assertThat(aggregator.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.MINUTE))
        .isEmpty();
    assertThat(aggregator.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.FIVE_MINUTES))
        .isPresent();

    clock.advance(Duration.ofMinutes(5));
    assertThat(aggregator.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.FIVE_MINUTES))
        .isEmpty();
    assertThat(aggregator.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.HOUR))
        .isPresent();

    clock.advance(Duration.ofHours(1));
    assertThat(aggregator.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.HOUR)).isEmpty();
    assertThat(aggregator.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.DAY)).isPresent();
  }

  @Test
  void aWindowCoversAtLeastItsLengthMinusOneSlice() {
    aggregator.addMetric(metric(MetricType.TTFT, 250));

    clock.advance(Duration.ofSeconds(55));

    assertThat(aggregator.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.MINUTE))
        .isPresent();
  }

  @Test
  void retentionLimitsEvenTheWeekWindow() {
    MetricsAggregator shortLived =
        new MetricsAggregator(
            AggregatorConfig.builder().retention(Duration.ofHours(2)).build(), clock);
    shortLived.addMetric(metric(MetricType.TTFT, 250));

    clock.advance(Duration.ofHours(4));

    assertThat(shortLived.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.WEEK)).isEmpty();
  }

  @Test
  void keepsMicrosecondResolutionBelowAMillisecond() {
    aggregator.addMetric(metric(MetricType.WEBSOCKET_LATENCY, 0.25));

    assertThat(
            aggregator
                .getAggregatedMetrics(MetricType.WEBSOCKET_LATENCY, AggregationWindow.MINUTE)
                .get()
                .p50())
        .isEqualTo(0.25);
  }

  @Test
  void clampsValuesAboveOneHourToTheTopAndCountsThem() {
    aggregator.addMetric(metric(MetricType.TOTAL_EXECUTION, Duration.ofHours(3).toMillis()));

    AggregatedMetrics stats =
        aggregator.getAggregatedMetrics(MetricType.TOTAL_EXECUTION, AggregationWindow.MINUTE).get();
    assertThat(stats.count()).isEqualTo(1);
    assertThat(stats.max()).isCloseTo(3_600_000.0, within(3_600.0));
    assertThat(aggregator.clampedCount()).isEqualTo(1);
  }

  @Test
  void summarizesResourceMetricsInTheirOwnUnits() {
    aggregator.addMetric(metric(MetricType.MEMORY_USAGE, 512));
    aggregator.addMetric(metric(MetricType.MEMORY_USAGE, 768));
    aggregator.addMetric(metric(MetricType.THREAD_POOL_USAGE, 75));
    aggregator.addMetric(metric(MetricType.TTFT, 300));

    PerformanceSummary summary = aggregator.getPerformanceSummary();

    assertThat(summary.window()).isEqualTo(AggregationWindow.FIVE_MINUTES);
    assertThat(summary.currentMetrics())
        .containsOnlyKeys(MetricType.TTFT, MetricType.MEMORY_USAGE, MetricType.THREAD_POOL_USAGE);
    assertThat(summary.resourceUtilization())
        .containsOnlyKeys(MetricType.MEMORY_USAGE, MetricType.THREAD_POOL_USAGE);
    assertThat(summary.resourceUtilization().get(MetricType.MEMORY_USAGE).max())
        .isCloseTo(768.0, ACCURACY);
    assertThat(summary.resourceUtilization().get(MetricType.THREAD_POOL_USAGE).mean())
        .isCloseTo(75.0, ACCURACY);
  }

  @Test
  void breakdownFeedsCategoriesWithTimeTotalAndTtft() {
    TimingBreakdown breakdown =
        TimingBreakdown.builder()
            .totalMs(1_200)
            .categoryMs(PhaseCategory.LLM_PROCESSING, 800)
            .categoryMs(PhaseCategory.TOOL_EXECUTION, 300)
            .categoryMs(PhaseCategory.WEBSOCKET_NOTIFICATION, 5)
            .overheadMs(95)
            .ttftMs(420)
            .build();

    aggregator.addTimingBreakdown(breakdown);

    assertThat(p50(MetricType.TOTAL_EXECUTION)).isCloseTo(1_200.0, ACCURACY);
    assertThat(p50(MetricType.TTFT)).isCloseTo(420.0, ACCURACY);
    assertThat(p50(MetricType.LLM_PROCESSING)).isCloseTo(800.0, ACCURACY);
    assertThat(p50(MetricType.TOOL_EXECUTION)).isCloseTo(300.0, ACCURACY);
    assertThat(p50(MetricType.WEBSOCKET_LATENCY)).isCloseTo(5.0, ACCURACY);
  }

  @Test
  void breakdownWithoutDatabaseWorkDoesNotDragDatabasePercentilesToZero() {
    aggregator.addTimingBreakdown(
        TimingBreakdown.builder()
            .totalMs(100)
            .categoryMs(PhaseCategory.DATABASE_QUERY, 40)
            .build());
    aggregator.addTimingBreakdown(TimingBreakdown.builder().totalMs(100).build());
    aggregator.addTimingBreakdown(TimingBreakdown.builder().totalMs(100).build());

    AggregatedMetrics database =
        aggregator.getAggregatedMetrics(MetricType.DATABASE_QUERY, AggregationWindow.MINUTE).get();
    assertThat(database.count()).isEqualTo(1);
    assertThat(database.p50()).isCloseTo(40.0, ACCURACY);
    assertThat(aggregator.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.MINUTE))
        .isEmpty();
  }

  @Test
  void completedExecutionCountsEachTypeOnceFromItsMetricsOrElseFromItsBreakdown() {
    UUID executionId = UUID.randomUUID();
    TimingBreakdown breakdown =
        TimingBreakdown.builder()
            .totalMs(500)
            .categoryMs(PhaseCategory.DATABASE_QUERY, 40)
            .overheadMs(460)
            .build();
    List<PerformanceMetric> metrics =
        List.of(
            new PerformanceMetric(MetricType.DATABASE_QUERY, 40, Metrics.WHEN, executionId, "a"),
            new PerformanceMetric(MetricType.TOTAL_EXECUTION, 500, Metrics.WHEN, executionId, "a"),
            new PerformanceMetric(MetricType.EXTERNAL_API, 120, Metrics.WHEN, executionId, "a"),
            new PerformanceMetric(MetricType.MEMORY_USAGE, 256, Metrics.WHEN, executionId, "a"));

    aggregator.onExecutionCompleted(
        new CompletedExecution(
            executionId,
            "a",
            Metrics.WHEN,
            breakdown,
            metrics,
            List.of(),
            ExecutionOutcome.succeeded(),
            Map.of()));

    assertThat(count(MetricType.DATABASE_QUERY)).isEqualTo(1);
    assertThat(count(MetricType.TOTAL_EXECUTION)).isEqualTo(1);
    assertThat(count(MetricType.EXTERNAL_API)).isEqualTo(1);
    assertThat(count(MetricType.MEMORY_USAGE)).isEqualTo(1);
    assertThat(aggregator.exportMetrics(AggregationWindow.MINUTE))
        .hasSize(4)
        .allSatisfy(metric -> assertThat(metric.executionId()).isEqualTo(executionId));
  }

  @Test
  void breakdownMetricsAreExportedWithTheirExecutionAndSource() {
    UUID executionId = UUID.randomUUID();
    aggregator.addTimingBreakdown(
        TimingBreakdown.builder().totalMs(50).build(), executionId, "planner");

    assertThat(aggregator.exportMetrics(AggregationWindow.MINUTE))
        .singleElement()
        .satisfies(
            metric -> {
              assertThat(metric.metricType()).isEqualTo(MetricType.TOTAL_EXECUTION);
              assertThat(metric.executionId()).isEqualTo(executionId);
              assertThat(metric.agentName()).isEqualTo("planner");
              assertThat(metric.timestamp()).isEqualTo(clock.now());
              assertThat(metric.metadata())
                  .containsEntry(MetricsAggregator.SOURCE_KEY, MetricsAggregator.BREAKDOWN_SOURCE);
            });
  }

  @Test
  void breakdownMetricsShareOneMetadataMapInsteadOfCopyingIt() {
    aggregator.addTimingBreakdown(
        TimingBreakdown.builder().totalMs(50).ttftMs(5).build(), UUID.randomUUID(), "planner");

    List<PerformanceMetric> exported = aggregator.exportMetrics(AggregationWindow.MINUTE);

    assertThat(exported).hasSize(2);
    assertThat(exported.get(0).metadata()).isSameAs(exported.get(1).metadata());
  }

  @Test
  void exportReturnsTheWindowsMetricsOldestFirst() {
    PerformanceMetric old = metric(MetricType.TTFT, 1);
    PerformanceMetric first = metric(MetricType.TTFT, 2);
    PerformanceMetric second = metric(MetricType.DATABASE_QUERY, 3);
    aggregator.addMetric(old);
    clock.advance(Duration.ofMinutes(2));
    aggregator.addMetric(first);
    clock.advance(Duration.ofSeconds(1));
    aggregator.addMetric(second);

    assertThat(aggregator.exportMetrics(AggregationWindow.MINUTE)).containsExactly(first, second);
    assertThat(aggregator.exportMetrics(AggregationWindow.HOUR))
        .containsExactly(old, first, second);
  }

  @Test
  void exportKeepsOnlyTheMostRecentMetricsOfEachType() {
    MetricsAggregator small =
        new MetricsAggregator(AggregatorConfig.builder().reservoirSize(3).build(), clock);
    for (int i = 1; i <= 5; i++) {
      small.addMetric(metric(MetricType.TTFT, i));
    }
    small.addMetric(metric(MetricType.DATABASE_QUERY, 9));

    assertThat(small.exportMetrics(AggregationWindow.HOUR))
        .extracting(PerformanceMetric::value)
        .containsExactly(3.0, 4.0, 5.0, 9.0);
    assertThat(small.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.HOUR).get().count())
        .isEqualTo(5);
  }

  @Test
  void clearOldMetricsDropsSlicesPastTheRetentionAndReportsHowMany() {
    MetricsAggregator hourly =
        new MetricsAggregator(
            AggregatorConfig.builder().retention(Duration.ofHours(1)).build(), clock);
    hourly.addMetric(metric(MetricType.TTFT, 100));
    clock.advance(Duration.ofSeconds(10));
    hourly.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.MINUTE);
    int closedBefore = hourly.closedSlices();

    clock.advance(Duration.ofHours(3));
    int dropped = hourly.clearOldMetrics();

    assertThat(closedBefore).isEqualTo(1);
    assertThat(dropped).isEqualTo(3);
    assertThat(hourly.clearOldMetrics()).isZero();
    assertThat(hourly.closedSlices()).isZero();
    assertThat(hourly.exportMetrics(AggregationWindow.WEEK)).isEmpty();
    assertThat(hourly.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.WEEK)).isEmpty();
  }

  @Test
  void oldSlicesAreDroppedWithoutAnyoneCallingClear() {
    aggregator.addMetric(metric(MetricType.TTFT, 100));
    clock.advance(Duration.ofDays(2));
    aggregator.addMetric(metric(MetricType.TTFT, 100));
    clock.advance(Duration.ofSeconds(10));

    aggregator.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.MINUTE);

    assertThat(aggregator.closedSlices()).isEqualTo(1);
    assertThat(aggregator.clearOldMetrics()).isZero();
  }

  @Test
  void rejectsNullMetricNamingTheParameterAndKeepsWhatWasRecorded() {
    aggregator.addMetric(metric(MetricType.TTFT, 100));

    assertThatThrownBy(() -> aggregator.addMetric(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("metric");

    aggregator.addMetric(metric(MetricType.TTFT, 300));
    assertThat(count(MetricType.TTFT)).isEqualTo(2);
  }

  @Test
  void rejectsNullQueryArgumentsNamingThem() {
    assertThatThrownBy(
            () -> aggregator.getAggregatedMetrics((MetricType) null, AggregationWindow.MINUTE))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type");
    assertThatThrownBy(
            () -> aggregator.getAggregatedMetrics((String) null, AggregationWindow.MINUTE))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
    assertThatThrownBy(() -> aggregator.getAggregatedMetrics(MetricType.TTFT, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("window");
    assertThatThrownBy(() -> aggregator.exportMetrics(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("window");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 101, Integer.MIN_VALUE})
  void rejectsBottleneckPercentilesOutsideZeroToHundred(int percentile) {
    aggregator.addMetric(metric(MetricType.DATABASE_QUERY, 500));

    assertThatThrownBy(() -> aggregator.getBottlenecks(percentile))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thresholdPercentile must be between 0 and 100 inclusive, got " + percentile);
    assertThat(aggregator.getBottlenecks(95)).hasSize(1);
  }

  @Test
  void metricsWithInvalidValuesCannotReachTheAggregator() {
    assertThatThrownBy(() -> metric(MetricType.TTFT, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value");
    assertThatThrownBy(() -> metric(MetricType.TTFT, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> metric(MetricType.TTFT, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructorsApplyRetentionAndValidateIt() {
    assertThat(new MetricsAggregator().config().retention()).isEqualTo(Duration.ofHours(24));
    assertThat(new MetricsAggregator(Duration.ofHours(6)).config().retention())
        .isEqualTo(Duration.ofHours(6));
    assertThatThrownBy(() -> new MetricsAggregator(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retention must be positive, got PT0S");
  }

  @Test
  void breakdownTimestampsComeFromTheInjectedClock() {
    clock.advance(Duration.ofMinutes(3));
    aggregator.addTimingBreakdown(TimingBreakdown.builder().totalMs(5).build());

    assertThat(aggregator.exportMetrics(AggregationWindow.MINUTE))
        .extracting(PerformanceMetric::timestamp)
        .containsExactly(FakeTimeSource.DEFAULT_START.plus(Duration.ofMinutes(3)));
  }

  private double p50(MetricType type) {
    return aggregator.getAggregatedMetrics(type, AggregationWindow.MINUTE).get().p50();
  }

  private long count(MetricType type) {
    return aggregator.getAggregatedMetrics(type, AggregationWindow.MINUTE).get().count();
  }
}
