package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.core.BreakdownAnalysis.Bottleneck;
import io.agentmetrics.core.BreakdownAnalysis.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PerformanceAnalyzerTest {

  private static final UUID EXECUTION = UUID.randomUUID();
  private final PerformanceAnalyzer analyzer = new PerformanceAnalyzer();

  @Test
  void analysisReportsEfficiencyAndLargeCategoriesLargestFirst() {
    TimingBreakdown breakdown =
        TimingBreakdown.builder()
            .totalMs(1000)
            .categoryMs(PhaseCategory.LLM_PROCESSING, 700)
            .categoryMs(PhaseCategory.DATABASE_QUERY, 250)
            .categoryMs(PhaseCategory.INITIALIZATION, 10)
            .overheadMs(40)
            .addPhaseMs("llm_processing", 700)
            .build();

    BreakdownAnalysis analysis = analyzer.analyzeTimingBreakdown(breakdown);

    assertThat(analysis.efficiencyScore()).isEqualTo(96.0);
    assertThat(analysis.bottlenecks())
        .extracting(Bottleneck::name, Bottleneck::kind, Bottleneck::sharePercent)
        .containsExactly(
            tuple("llm_processing", Kind.CATEGORY, 70.0),
            tuple("database_query", Kind.CATEGORY, 25.0));
    assertThat(analysis.recommendations()).hasSize(2);
    assertThat(analysis.recommendations().get(0)).startsWith("70.0% of the time is LLM processing");
    assertThat(analysis.recommendations().get(0)).contains("cache", "stream");
    assertThat(analysis.recommendations().get(1)).contains("indexes");
  }

  @ParameterizedTest
  @EnumSource(PhaseCategory.class)
  void everyDominantCategoryGetsItsOwnAdvice(PhaseCategory category) {
    TimingBreakdown breakdown =
        TimingBreakdown.builder().totalMs(100).categoryMs(category, 90).overheadMs(10).build();

    List<String> recommendations = analyzer.analyzeTimingBreakdown(breakdown).recommendations();

    assertThat(recommendations)
        .containsExactly(
            "90.0% of the time is "
                + Recommendations.subject(category)
                + ": "
                + Recommendations.advice(category));
  }

  @Test
  void highOverheadIsABottleneckWithFrameworkAdvice() {
    TimingBreakdown breakdown =
        TimingBreakdown.builder()
            .totalMs(200)
            .categoryMs(PhaseCategory.TOOL_EXECUTION, 20)
            .overheadMs(180)
            .build();

    BreakdownAnalysis analysis = analyzer.analyzeTimingBreakdown(breakdown);

    assertThat(analysis.bottlenecks())
        .extracting(Bottleneck::kind, Bottleneck::durationMs)
        .containsExactly(tuple(Kind.OVERHEAD, 180.0));
    assertThat(analysis.recommendations())
        .singleElement()
        .asString()
        .startsWith("90.0% of the time is in no categorized phase: reduce framework overhead");
  }

  @Test
  void overheadAdviceTakesItsPlaceByShareAmongTheBottlenecks() {
    TimingBreakdown breakdown =
        TimingBreakdown.builder()
            .totalMs(100)
            .categoryMs(PhaseCategory.LLM_PROCESSING, 30)
            .overheadMs(70)
            .build();

    assertThat(analyzer.analyzeTimingBreakdown(breakdown).recommendations())
        .satisfiesExactly(
            first -> assertThat(first).startsWith("70.0% of the time is in no categorized phase"),
            second -> assertThat(second).startsWith("30.0% of the time is LLM processing"));
  }

  @Test
  void largeUncategorizedPhaseIsABottleneck() {
    TimingBreakdown breakdown =
        TimingBreakdown.builder()
            .totalMs(100)
            .overheadMs(100)
            .addPhaseMs("message_normalization", 60)
            .addPhaseMs("tiny_step", 1)
            .build();

    assertThat(analyzer.analyzeTimingBreakdown(breakdown).bottlenecks())
        .extracting(Bottleneck::name, Bottleneck::kind)
        .containsExactly(
            tuple("overhead", Kind.OVERHEAD), tuple("message_normalization", Kind.PHASE));
  }

  @Test
  void slowFirstTokenEarnsStreamingAdvice() {
    TimingBreakdown breakdown =
        TimingBreakdown.builder()
            .totalMs(3000)
            .categoryMs(PhaseCategory.TOOL_EXECUTION, 500)
            .overheadMs(0)
            .ttftMs(1500)
            .build();

    assertThat(analyzer.analyzeTimingBreakdown(breakdown).recommendations())
        .anySatisfy(advice -> assertThat(advice).startsWith("Time to first token is 1500 ms"));
  }

  @Test
  void emptyBreakdownHasNoBottlenecksAndNoAdvice() {
    BreakdownAnalysis analysis = analyzer.analyzeTimingBreakdown(TimingBreakdown.empty());

    assertThat(analysis.efficiencyScore()).isEqualTo(100.0);
    assertThat(analysis.bottlenecks()).isEmpty();
    assertThat(analysis.recommendations()).isEmpty();
  }

  @Test
  void outlierAmongManySamplesIsAnAnomaly() {
    List<PerformanceMetric> metrics = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      metrics.add(metric(MetricType.LLM_PROCESSING, 100 + (i % 2)));
    }
    metrics.add(metric(MetricType.LLM_PROCESSING, 900));

    List<Anomaly> anomalies = analyzer.detectAnomalies(metrics);

    assertThat(anomalies).hasSize(1);
    Anomaly anomaly = anomalies.get(0);
    assertThat(anomaly.metricType()).isEqualTo(MetricType.LLM_PROCESSING);
    assertThat(anomaly.value()).isEqualTo(900.0);
    assertThat(anomaly.mean()).isCloseTo(2910.0 / 21, within(1e-9));
    assertThat(anomaly.zScore()).isGreaterThan(3);
  }

  @Test
  void anomaliesAreFoundPerTypeAndSortedByZScore() {
    List<PerformanceMetric> metrics = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      metrics.add(metric(MetricType.DATABASE_QUERY, 10 + (i % 3)));
      metrics.add(metric(MetricType.EXTERNAL_API, 500 + (i % 5) * 10));
    }
    metrics.add(metric(MetricType.EXTERNAL_API, 5000));
    metrics.add(metric(MetricType.DATABASE_QUERY, 14));
    metrics.add(metric(MetricType.DATABASE_QUERY, 0));

    List<Anomaly> anomalies = analyzer.detectAnomalies(metrics);

    assertThat(anomalies).extracting(Anomaly::metricType).contains(MetricType.EXTERNAL_API);
    assertThat(anomalies)
        .extracting(anomaly -> Math.abs(anomaly.zScore()))
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(anomalies).allMatch(anomaly -> Math.abs(anomaly.zScore()) > 3);
  }

  @Test
  void theDefaultSampleMinimumIsEnoughForTheDefaultThreshold() {
    // n values of which one is an outlier: its z-score is sqrt(n - 1), which must exceed 3.
    List<PerformanceMetric> metrics = new ArrayList<>();
    for (int i = 1; i < AnalyzerConfig.DEFAULT_MIN_ANOMALY_SAMPLES; i++) {
      metrics.add(metric(MetricType.TTFT, 100));
    }
    metrics.add(metric(MetricType.TTFT, 100_000));

    List<Anomaly> anomalies = analyzer.detectAnomalies(metrics);

    assertThat(anomalies).singleElement().extracting(Anomaly::value).isEqualTo(100_000.0);
    assertThat(anomalies.get(0).zScore())
        .isCloseTo(Math.sqrt(AnalyzerConfig.DEFAULT_MIN_ANOMALY_SAMPLES - 1.0), within(1e-9));
  }

  @Test
  void tooFewSamplesGiveNoAnomalies() {
    List<PerformanceMetric> metrics = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      metrics.add(metric(MetricType.TTFT, 100));
    }
    metrics.add(metric(MetricType.TTFT, 100_000));

    assertThat(analyzer.detectAnomalies(metrics)).isEmpty();
  }

  @Test
  void zeroVarianceGivesNoAnomaliesAndNoNaN() {
    List<PerformanceMetric> metrics = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      metrics.add(metric(MetricType.QUEUE_WAIT, 0.1));
    }

    assertThat(analyzer.detectAnomalies(metrics)).isEmpty();
  }

  @Test
  void configuredThresholdAndSampleMinimumApply() {
    PerformanceAnalyzer sensitive =
        new PerformanceAnalyzer(
            AnalyzerConfig.builder().zScoreThreshold(1.5).minAnomalySamples(4).build());
    List<PerformanceMetric> metrics =
        List.of(
            metric(MetricType.TTFT, 10),
            metric(MetricType.TTFT, 10),
            metric(MetricType.TTFT, 10),
            metric(MetricType.TTFT, 30));

    assertThat(sensitive.detectAnomalies(metrics)).extracting(Anomaly::value).containsExactly(30.0);
    assertThat(analyzer.detectAnomalies(metrics)).isEmpty();
  }

  @Test
  void sloComplianceOfTheSeedExample() {
    List<PerformanceMetric> metrics =
        List.of(
            metric(MetricType.TTFT, 400),
            metric(MetricType.TTFT, 1000),
            metric(MetricType.TTFT, 1600),
            metric(MetricType.TTFT, 900),
            metric(MetricType.DATABASE_QUERY, 50),
            metric(MetricType.DATABASE_QUERY, 150),
            metric(MetricType.TOTAL_EXECUTION, 4200));
    Map<String, Double> sloThresholds = new LinkedHashMap<>();
    sloThresholds.put("time_to_first_token", 1000.0);
    sloThresholds.put("database_query", 100.0);
    sloThresholds.put("total_execution", 5000.0);

    Map<String, Double> compliance = analyzer.calculateSloComplianceByIds(metrics, sloThresholds);

    assertThat(compliance)
        .containsExactly(
            Map.entry("time_to_first_token", 75.0),
            Map.entry("database_query", 50.0),
            Map.entry("total_execution", 100.0));
  }

  @Test
  void sloComplianceByTypeOmitsTypesWithoutSamples() {
    List<PerformanceMetric> metrics =
        List.of(metric(MetricType.EXTERNAL_API, 100), metric(MetricType.EXTERNAL_API, 300));

    Map<MetricType, Double> compliance =
        analyzer.calculateSloCompliance(
            metrics, Map.of(MetricType.EXTERNAL_API, 200.0, MetricType.QUEUE_WAIT, 10.0));

    assertThat(compliance).containsExactly(Map.entry(MetricType.EXTERNAL_API, 50.0));
  }

  @Test
  void sloKeysMayBeConstantNames() {
    Map<String, Double> compliance =
        analyzer.calculateSloComplianceByIds(
            List.of(metric(MetricType.TTFT, 10)), Map.of("TTFT", 100.0));

    assertThat(compliance).containsExactly(Map.entry("TTFT", 100.0));
  }

  @Test
  void unknownSloKeyIsRejectedNamingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> analyzer.calculateSloComplianceByIds(List.of(), Map.of("ttfb", 100.0)))
        .withMessageContaining("'ttfb'")
        .withMessageContaining("time_to_first_token");
  }

  @Test
  void twoSloKeysForOneTypeAreRejected() {
    Map<String, Double> thresholds = new LinkedHashMap<>();
    thresholds.put("TTFT", 100.0);
    thresholds.put("time_to_first_token", 200.0);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> analyzer.calculateSloComplianceByIds(List.of(), thresholds))
        .withMessageContaining("'TTFT' and 'time_to_first_token'");
  }

  @ParameterizedTest
  @CsvSource({"-1", "NaN", "Infinity"})
  void invalidSloThresholdIsRejectedNamingTheKey(double threshold) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                analyzer.calculateSloComplianceByIds(
                    List.of(), Map.of("database_query", threshold)))
        .withMessageContaining("thresholdsMs['database_query']");
  }

  @ParameterizedTest
  @CsvSource({
    "zScoreThreshold, 0",
    "minAnomalySamples, 1",
    "bottleneckSharePercent, 0",
    "bottleneckSharePercent, 101",
    "overheadSharePercent, -5",
    "slowTtftMs, 0"
  })
  void configRejectsOutOfRangeValuesNamingTheField(String field, double value) {
    AnalyzerConfig.Builder builder = AnalyzerConfig.builder();

    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> {
              switch (field) {
                case "zScoreThreshold" -> builder.zScoreThreshold(value);
                case "minAnomalySamples" -> builder.minAnomalySamples((int) value);
                case "bottleneckSharePercent" -> builder.bottleneckSharePercent(value);
                case "overheadSharePercent" -> builder.overheadSharePercent(value);
                default -> builder.slowTtftMs(value);
              }
            })
        .withMessageStartingWith(field + " must");
  }

  @Test
  void defaultsUseTheDocumentedConstants() {
    AnalyzerConfig defaults = new PerformanceAnalyzer().config();

    assertThat(defaults).isEqualTo(AnalyzerConfig.defaults());
    assertThat(defaults.zScoreThreshold()).isEqualTo(AnalyzerConfig.DEFAULT_Z_SCORE_THRESHOLD);
    assertThat(defaults.minAnomalySamples()).isEqualTo(AnalyzerConfig.DEFAULT_MIN_ANOMALY_SAMPLES);
  }

  private static PerformanceMetric metric(MetricType type, double value) {
    return new PerformanceMetric(type, value, Instant.EPOCH, EXECUTION, "agent");
  }
}
