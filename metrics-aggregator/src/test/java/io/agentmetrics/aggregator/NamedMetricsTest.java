package io.agentmetrics.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamedMetricsTest {

  private static final Percentage ACCURACY = withinPercentage(0.1);
  private static final NamedMetric JSON_PARSING = NamedMetric.of("json_parsing", "ms");

  private final FakeTimeSource clock = new FakeTimeSource();
  private final MetricsAggregator aggregator =
      new MetricsAggregator(AggregatorConfig.defaults(), clock);

  @Test
  void aNamedMetricHasWindowStatisticsInItsOwnUnit() {
    // Three tasks costing $0.0021, $0.0043 and $0.0104: mean 0.0168 / 3 = $0.0056.
    aggregator.addMetric(NamedMetric.COST_USD, 0.0021);
    aggregator.addMetric(NamedMetric.COST_USD, 0.0043);
    aggregator.addMetric(NamedMetric.COST_USD, 0.0104);

    AggregatedSeries cost =
        aggregator.getAggregatedMetrics("cost_usd", AggregationWindow.MINUTE).orElseThrow();
    assertThat(cost.name()).isEqualTo("cost_usd");
    assertThat(cost.unit()).isEqualTo("USD");
    assertThat(cost.count()).isEqualTo(3);
    assertThat(cost.mean()).isCloseTo(0.0056, ACCURACY);
    assertThat(cost.min()).isCloseTo(0.0021, ACCURACY);
    assertThat(cost.p50()).isCloseTo(0.0043, ACCURACY);
    assertThat(cost.max()).isCloseTo(0.0104, ACCURACY);
  }

  @Test
  void aNamedMetricKeepsValuesDownToItsResolution() {
    // A call of 3 input tokens at $0.15 per million costs $0.00000045: 4.5 ten-millionths.
    aggregator.addMetric(NamedMetric.COST_USD, 0.00000045);
    aggregator.addMetric(NamedMetric.INPUT_TOKENS, 812);

    assertThat(aggregator.getAggregatedMetrics("cost_usd", AggregationWindow.MINUTE))
        .hasValueSatisfying(cost -> assertThat(cost.max()).isCloseTo(0.00000045, within(1e-7)));
    assertThat(aggregator.getAggregatedMetrics("input_tokens", AggregationWindow.MINUTE))
        .hasValueSatisfying(tokens -> assertThat(tokens.max()).isEqualTo(812.0));
  }

  @Test
  void namesAreKeptApartAndListedInTheOrderFirstRecorded() {
    aggregator.addMetric(JSON_PARSING, 0.4);
    aggregator.addMetric(NamedMetric.of("total", "ms"), 12.5);
    aggregator.addMetric(JSON_PARSING, 0.6);

    assertThat(aggregator.namedMetrics())
        .extracting(NamedMetric::name)
        .containsExactly("json_parsing", "total");
    assertThat(aggregator.getAggregatedMetrics("json_parsing", AggregationWindow.MINUTE))
        .hasValueSatisfying(
            stats -> {
              assertThat(stats.count()).isEqualTo(2);
              assertThat(stats.mean()).isCloseTo(0.5, ACCURACY);
            });
    assertThat(aggregator.getAggregatedMetrics("total", AggregationWindow.MINUTE))
        .hasValueSatisfying(stats -> assertThat(stats.count()).isEqualTo(1));
    // Named values never reach the types.
    for (MetricType type : MetricType.values()) {
      assertThat(aggregator.getAggregatedMetrics(type, AggregationWindow.MINUTE)).isEmpty();
    }
  }

  @Test
  void aTypesIdNamesThatTypesStatistics() {
    aggregator.addMetric(Metrics.metric(MetricType.LLM_PROCESSING, 800));
    aggregator.addMetric(Metrics.metric(MetricType.LLM_PROCESSING, 1_200));

    AggregatedSeries llm =
        aggregator.getAggregatedMetrics("llm_processing", AggregationWindow.MINUTE).orElseThrow();
    assertThat(llm)
        .isEqualTo(
            AggregatedSeries.of(
                aggregator
                    .getAggregatedMetrics(MetricType.LLM_PROCESSING, AggregationWindow.MINUTE)
                    .orElseThrow()));
    assertThat(llm.unit()).isEqualTo("ms");
    assertThat(llm.mean()).isCloseTo(1_000, ACCURACY);
  }

  @Test
  void anUnknownNameHasNoStatistics() {
    assertThat(aggregator.getAggregatedMetrics("nope", AggregationWindow.MINUTE)).isEmpty();
    assertThat(aggregator.getTrend("nope")).isEmpty();
    assertThat(aggregator.checkSlo(new Slo("nope", 95, 1, AggregationWindow.MINUTE))).isEmpty();
  }

  @Test
  void namesBeyondTheLimitAreDroppedAndCounted() {
    MetricsAggregator limited =
        new MetricsAggregator(AggregatorConfig.builder().maxNamedMetrics(2).build(), clock);

    limited.addMetric(NamedMetric.of("a", "ms"), 1);
    limited.addMetric(NamedMetric.of("b", "ms"), 1);
    limited.addMetric(NamedMetric.of("c", "ms"), 1);
    limited.addMetric(NamedMetric.of("a", "ms"), 2);

    assertThat(limited.namedMetrics()).extracting(NamedMetric::name).containsExactly("a", "b");
    assertThat(limited.getAggregatedMetrics("c", AggregationWindow.MINUTE)).isEmpty();
    assertThat(limited.droppedCount()).isEqualTo(1);
    assertThat(limited.getAggregatedMetrics("a", AggregationWindow.MINUTE))
        .hasValueSatisfying(stats -> assertThat(stats.count()).isEqualTo(2));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1.0, Double.NaN, Double.POSITIVE_INFINITY})
  void invalidValuesAreDroppedAndCountedWithoutThrowing(double bad) {
    aggregator.addMetric(JSON_PARSING, bad);

    assertThat(aggregator.droppedCount()).isEqualTo(1);
    assertThat(aggregator.getAggregatedMetrics("json_parsing", AggregationWindow.MINUTE)).isEmpty();
  }

  @Test
  void valuesAboveTheRangeAreClampedAndCounted() {
    aggregator.addMetric(NamedMetric.COST_USD, 1_000);

    assertThat(NamedMetric.COST_USD.maxValue()).isCloseTo(360.0, within(1e-9));
    assertThat(aggregator.clampedCount()).isEqualTo(1);
    assertThat(aggregator.getAggregatedMetrics("cost_usd", AggregationWindow.MINUTE))
        .hasValueSatisfying(cost -> assertThat(cost.max()).isCloseTo(360.0, ACCURACY));
  }

  @Test
  void aNamedMetricHasATrend() {
    AggregatorConfig config = AggregatorConfig.builder().minTrendSamples(2).build();
    MetricsAggregator trending = new MetricsAggregator(config, clock);
    trending.addMetric(NamedMetric.COST_USD, 0.001);
    trending.addMetric(NamedMetric.COST_USD, 0.001);
    clock.advance(Duration.ofMinutes(5));
    trending.addMetric(NamedMetric.COST_USD, 0.004);
    trending.addMetric(NamedMetric.COST_USD, 0.004);

    assertThat(trending.getTrend("cost_usd"))
        .hasValueSatisfying(
            evidence -> {
              assertThat(evidence.trend()).isEqualTo(Trend.DEGRADING);
              assertThat(evidence.currentValue()).isCloseTo(0.004, ACCURACY);
              assertThat(evidence.previousValue()).isCloseTo(0.001, ACCURACY);
              assertThat(evidence.currentCount()).isEqualTo(2);
              assertThat(evidence.previousCount()).isEqualTo(2);
            });
  }

  @Test
  void anExecutionsTokensAndCostAreRecordedOncePerExecution() {
    // Two LLM calls: 800 + 200 = 1,000 input tokens, 90 + 30 = 120 output, $0.0012 + $0.0003.
    aggregator.onExecutionCompleted(
        execution(llmCall(0, 800, 90, 0.0012), llmCall(1, 200, 30, 0.0003)));
    // One call: 500 input, 80 output, $0.0009.
    aggregator.onExecutionCompleted(execution(llmCall(0, 500, 80, 0.0009)));

    // Per execution: input 1,000 and 500 (mean 750), output 120 and 80 (mean 100),
    // cost $0.0015 and $0.0009 (mean $0.0012).
    assertThat(aggregator.getAggregatedMetrics("input_tokens", AggregationWindow.MINUTE))
        .hasValueSatisfying(
            stats -> {
              assertThat(stats.count()).isEqualTo(2);
              assertThat(stats.mean()).isCloseTo(750, ACCURACY);
            });
    assertThat(aggregator.getAggregatedMetrics("output_tokens", AggregationWindow.MINUTE))
        .hasValueSatisfying(stats -> assertThat(stats.mean()).isCloseTo(100, ACCURACY));
    assertThat(aggregator.getAggregatedMetrics("cost_usd", AggregationWindow.MINUTE))
        .hasValueSatisfying(
            stats -> {
              assertThat(stats.count()).isEqualTo(2);
              assertThat(stats.mean()).isCloseTo(0.0012, ACCURACY);
              assertThat(stats.max()).isCloseTo(0.0015, ACCURACY);
            });
  }

  @Test
  void anExecutionWithAnUnpricedCallRecordsTokensButNoCost() {
    PhaseRecord unpriced =
        llmCall(1, Map.of(PhaseRecord.LLM_INPUT_TOKENS, 100, PhaseRecord.LLM_OUTPUT_TOKENS, 10));

    aggregator.onExecutionCompleted(execution(llmCall(0, 800, 90, 0.0012), unpriced));

    assertThat(aggregator.getAggregatedMetrics("input_tokens", AggregationWindow.MINUTE))
        .hasValueSatisfying(stats -> assertThat(stats.max()).isEqualTo(900.0));
    assertThat(aggregator.getAggregatedMetrics("cost_usd", AggregationWindow.MINUTE)).isEmpty();
    assertThat(aggregator.unpricedExecutions()).isEqualTo(1);
  }

  @Test
  void anExecutionWithoutLlmCallsRecordsNoUsage() {
    aggregator.onExecutionCompleted(execution());

    assertThat(aggregator.namedMetrics()).isEmpty();
  }

  @Test
  void namedMetricsAreValidated() {
    assertThatThrownBy(() -> NamedMetric.of("time_to_first_token", "ms"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MetricType.TTFT");
    assertThatThrownBy(() -> NamedMetric.of("has space", "ms"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("letters, digits or _ . -");
    assertThatThrownBy(() -> new NamedMetric("cost", "USD", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resolution must be a finite, positive number, got 0.0");
  }

  private static PhaseRecord llmCall(int id, long input, long output, double costUsd) {
    return llmCall(
        id,
        Map.of(
            PhaseRecord.LLM_INPUT_TOKENS,
            input,
            PhaseRecord.LLM_OUTPUT_TOKENS,
            output,
            PhaseRecord.LLM_COST_USD,
            costUsd));
  }

  private static PhaseRecord llmCall(int id, Map<String, Object> metadata) {
    return new PhaseRecord(
        id,
        PhaseRecord.ROOT,
        "llm_processing",
        PhaseCategory.LLM_PROCESSING,
        0,
        1_000_000,
        false,
        false,
        metadata);
  }

  private static CompletedExecution execution(PhaseRecord... phases) {
    return new CompletedExecution(
        UUID.randomUUID(),
        "study-agent",
        Metrics.WHEN,
        TimingBreakdown.builder().totalMs(1_000).build(),
        List.of(),
        List.of(phases),
        ExecutionOutcome.succeeded(),
        Map.of());
  }
}
