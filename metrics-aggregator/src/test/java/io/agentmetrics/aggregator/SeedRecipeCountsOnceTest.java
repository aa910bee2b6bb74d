package io.agentmetrics.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.agentmetrics.api.AggregatedMetrics;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseTimer;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.api.TimingCollector;
import io.agentmetrics.core.EnhancedExecutionTimingCollector;
import io.agentmetrics.testing.FakeTimeSource;
import java.util.UUID;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * The seed guide's aggregator recipe, {@code addMetric} for each of the collector's metrics and
 * then {@code addTimingBreakdown} of its breakdown, counts each execution once per metric type.
 */
class SeedRecipeCountsOnceTest {

  private static final Percentage ACCURACY = withinPercentage(0.1);

  private final FakeTimeSource time = new FakeTimeSource();
  private final MetricsAggregator aggregator =
      new MetricsAggregator(AggregatorConfig.defaults(), time);

  @Test
  void theSeedRecipeCountsTtftAndLlmProcessingOncePerExecution() {
    // Execution 1: initialization 100 ms, tool 200 ms, LLM 800 ms with the first token 300 ms in.
    // TTFT = 100 + 200 + 300 = 600 ms; total = 100 + 200 + 800 = 1,100 ms.
    TimingCollector first = quickStart(100, 200, 300, 500);
    seedRecipe(first);
    // Execution 2: 50, 100, LLM 400 ms with the first token 100 ms in.
    // TTFT = 50 + 100 + 100 = 250 ms; total = 50 + 100 + 400 = 550 ms.
    TimingCollector second = quickStart(50, 100, 100, 300);
    seedRecipe(second);

    // Two executions: two values of each type, whose means are (600 + 250) / 2 = 425 ms of TTFT,
    // (800 + 400) / 2 = 600 ms of LLM, 150 ms of tools, 75 ms of initialization, 825 ms of total.
    assertStats(MetricType.TTFT, 2, 425);
    assertStats(MetricType.LLM_PROCESSING, 2, 600);
    assertStats(MetricType.TOOL_EXECUTION, 2, 150);
    assertStats(MetricType.INITIALIZATION, 2, 75);
    assertStats(MetricType.TOTAL_EXECUTION, 2, 825);
    // Each execution had TTFT, LLM, tool and initialization as metrics and in its breakdown.
    assertThat(aggregator.deduplicatedCount()).isEqualTo(8);
  }

  @Test
  void theSinkAndTheSeedRecipeGiveTheSameStatistics() {
    MetricsAggregator asSink = new MetricsAggregator(AggregatorConfig.defaults(), time);
    TimingCollector collector = quickStart(100, 200, 300, 500);

    seedRecipe(collector);
    asSink.onExecutionCompleted(collector.complete(ExecutionOutcome.succeeded()));

    for (MetricType type : MetricType.values()) {
      assertThat(asSink.getAggregatedMetrics(type, AggregationWindow.MINUTE))
          .as("%s", type)
          .isEqualTo(aggregator.getAggregatedMetrics(type, AggregationWindow.MINUTE));
    }
    assertThat(asSink.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.MINUTE))
        .hasValueSatisfying(stats -> assertThat(stats.count()).isEqualTo(1));
  }

  @Test
  @SuppressWarnings("try") // the timers only scope the measured work
  void eachMeasuredCallCountsOnceAndTheBreakdownDoesNotAddTheirSum() {
    TimingCollector collector =
        new EnhancedExecutionTimingCollector(UUID.randomUUID(), "db_agent", time);
    try (PhaseTimer query = collector.measure("load_user", MetricType.DATABASE_QUERY)) {
      time.advanceMillis(30);
    }
    try (PhaseTimer query = collector.measure("load_orders", MetricType.DATABASE_QUERY)) {
      time.advanceMillis(50);
    }

    seedRecipe(collector);

    // The two queries, 30 and 50 ms (mean 40), not their breakdown sum of 80 ms as a third value.
    assertStats(MetricType.DATABASE_QUERY, 2, 40);
    assertThat(
            aggregator
                .getAggregatedMetrics(MetricType.DATABASE_QUERY, AggregationWindow.MINUTE)
                .orElseThrow()
                .max())
        .isCloseTo(50.0, ACCURACY);
  }

  @Test
  void aBreakdownFedFirstStandsAndTheSameTypesFromTheMetricsAreLeftOut() {
    TimingCollector collector = quickStart(100, 200, 300, 500);

    aggregator.addTimingBreakdown(collector.getBreakdown());
    for (PerformanceMetric metric : collector.getMetrics()) {
      aggregator.addMetric(metric);
    }

    assertStats(MetricType.TTFT, 1, 600);
    assertStats(MetricType.LLM_PROCESSING, 1, 800);
    assertStats(MetricType.TOTAL_EXECUTION, 1, 1_100);
  }

  @Test
  void aBreakdownBuiltByHandCountsAsAnExecutionOfItsOwn() {
    aggregator.addMetric(Metrics.metric(MetricType.LLM_PROCESSING, 800));
    TimingBreakdown handMade =
        TimingBreakdown.builder()
            .totalMs(1_000)
            .categoryMs(PhaseCategory.LLM_PROCESSING, 600)
            .build();

    aggregator.addTimingBreakdown(handMade);

    assertThat(handMade.executionId()).isNull();
    assertStats(MetricType.LLM_PROCESSING, 2, 700);
    assertThat(aggregator.deduplicatedCount()).isZero();
  }

  @Test
  void anExecutionForgottenBeforeItsBreakdownArrivesIsCountedAgain() {
    MetricsAggregator forgetful =
        new MetricsAggregator(AggregatorConfig.builder().trackedExecutions(1).build(), time);
    TimingCollector first = quickStart(100, 200, 300, 500);
    TimingCollector second = quickStart(100, 200, 300, 500);

    first.getMetrics().forEach(forgetful::addMetric);
    second.getMetrics().forEach(forgetful::addMetric);
    forgetful.addTimingBreakdown(first.getBreakdown());

    // Only the most recent execution is remembered: the first one's TTFT comes in twice.
    assertThat(forgetful.getAggregatedMetrics(MetricType.TTFT, AggregationWindow.MINUTE))
        .hasValueSatisfying(stats -> assertThat(stats.count()).isEqualTo(3));
  }

  @Test
  void theBreakdownOfACollectorCarriesItsExecutionId() {
    UUID executionId = UUID.randomUUID();
    TimingCollector collector = new EnhancedExecutionTimingCollector(executionId, "a", time);

    assertThat(collector.getBreakdown().executionId()).isEqualTo(executionId);
    CompletedExecution completed = collector.complete(ExecutionOutcome.succeeded());
    assertThat(completed.breakdown().executionId()).isEqualTo(executionId);
  }

  /**
   * The seed's quick start: initialization, tool execution, then an LLM call with a first token.
   */
  private TimingCollector quickStart(long initMs, long toolMs, long ttftInLlmMs, long restOfLlmMs) {
    TimingCollector collector =
        new EnhancedExecutionTimingCollector(UUID.randomUUID(), "my_agent", time);
    collector.startPhase("initialization");
    time.advanceMillis(initMs);
    collector.stopPhase("initialization");
    collector.startPhase("tool_execution");
    time.advanceMillis(toolMs);
    collector.stopPhase("tool_execution");
    collector.startPhase("llm_processing");
    time.advanceMillis(ttftInLlmMs);
    collector.recordFirstToken();
    time.advanceMillis(restOfLlmMs);
    collector.stopPhase("llm_processing");
    return collector;
  }

  /** The seed guide's "Using the Global Aggregator", on this test's aggregator. */
  private void seedRecipe(TimingCollector collector) {
    for (PerformanceMetric metric : collector.getMetrics()) {
      aggregator.addMetric(metric);
    }
    TimingBreakdown breakdown = collector.getBreakdown();
    aggregator.addTimingBreakdown(breakdown);
  }

  private void assertStats(MetricType type, long count, double mean) {
    AggregatedMetrics stats =
        aggregator.getAggregatedMetrics(type, AggregationWindow.MINUTE).orElseThrow();
    assertThat(stats.count()).as("%s count", type).isEqualTo(count);
    assertThat(stats.mean()).as("%s mean", type).isCloseTo(mean, ACCURACY);
  }
}
