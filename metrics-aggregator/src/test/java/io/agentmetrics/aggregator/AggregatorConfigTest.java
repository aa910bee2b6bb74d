package io.agentmetrics.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AggregatorConfigTest {

  @Test
  void defaultsMatchTheDocumentedConstants() {
    AggregatorConfig config = AggregatorConfig.defaults();

    assertThat(config.retention()).isEqualTo(Duration.ofHours(24));
    assertThat(config.reservoirSize()).isEqualTo(10_000);
    assertThat(config.trendTolerance()).isEqualTo(0.10);
    assertThat(config.trendStatistic()).isEqualTo(TrendStatistic.P95);
    assertThat(config.minTrendSamples()).isEqualTo(AggregatorConfig.DEFAULT_MIN_TREND_SAMPLES);
    assertThat(config.summaryWindow()).isEqualTo(AggregationWindow.FIVE_MINUTES);
    assertThat(config.fineSlice()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.mediumSlice()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.coarseSlice()).isEqualTo(Duration.ofHours(1));
    assertThat(config.bottleneckThresholds())
        .containsEntry(MetricType.TTFT, 1_000.0)
        .containsEntry(MetricType.DATABASE_QUERY, 100.0)
        .containsEntry(MetricType.TOTAL_EXECUTION, 5_000.0)
        .containsEntry(MetricType.LLM_PROCESSING, 3_000.0);
  }

  @Test
  void everyDurationTypeHasADefaultBottleneckThreshold() {
    for (MetricType type : MetricType.values()) {
      assertThat(AggregatorConfig.defaults().bottleneckThreshold(type).isPresent())
          .as("threshold of %s", type)
          .isEqualTo(type.isDuration());
    }
  }

  @Test
  void builderSetsEveryFieldAndToBuilderKeepsThem() {
    AggregatorConfig config =
        AggregatorConfig.builder()
            .retention(Duration.ofHours(2))
            .reservoirSize(50)
            .trendTolerance(0.25)
            .trendStatistic(TrendStatistic.MEAN)
            .minTrendSamples(5)
            .summaryWindow(AggregationWindow.HOUR)
            .bottleneckThreshold(MetricType.THREAD_POOL_USAGE, 90)
            .fineSlice(Duration.ofSeconds(10))
            .mediumSlice(Duration.ofMinutes(2))
            .coarseSlice(Duration.ofHours(2))
            .build();

    AggregatorConfig copy = config.toBuilder().build();

    for (AggregatorConfig each : new AggregatorConfig[] {config, copy}) {
      assertThat(each.retention()).isEqualTo(Duration.ofHours(2));
      assertThat(each.reservoirSize()).isEqualTo(50);
      assertThat(each.trendTolerance()).isEqualTo(0.25);
      assertThat(each.trendStatistic()).isEqualTo(TrendStatistic.MEAN);
      assertThat(each.minTrendSamples()).isEqualTo(5);
      assertThat(each.summaryWindow()).isEqualTo(AggregationWindow.HOUR);
      assertThat(each.bottleneckThreshold(MetricType.THREAD_POOL_USAGE)).hasValue(90.0);
      assertThat(each.fineSlice()).isEqualTo(Duration.ofSeconds(10));
      assertThat(each.mediumSlice()).isEqualTo(Duration.ofMinutes(2));
      assertThat(each.coarseSlice()).isEqualTo(Duration.ofHours(2));
    }
    assertThat(config.toString()).contains("retention=PT2H", "reservoirSize=50");
  }

  @Test
  void thresholdsCannotBeChangedThroughTheConfig() {
    assertThatThrownBy(
            () -> AggregatorConfig.defaults().bottleneckThresholds().put(MetricType.TTFT, 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  static Stream<Arguments> invalidSettings() {
    return Stream.of(
        invalid(b -> b.retention(Duration.ZERO), "retention must be positive, got PT0S"),
        invalid(b -> b.retention(Duration.ofSeconds(-1)), "retention must be positive, got PT-1S"),
        invalid(b -> b.reservoirSize(0), "reservoirSize must be between 1 and 1000000, got 0"),
        invalid(
            b -> b.reservoirSize(1_000_001),
            "reservoirSize must be between 1 and 1000000, got 1000001"),
        invalid(
            b -> b.trendTolerance(-0.1),
            "trendTolerance must be between 0.0 and 1.0 (0.1 = 10%), got -0.1"),
        invalid(
            b -> b.trendTolerance(Double.NaN),
            "trendTolerance must be between 0.0 and 1.0 (0.1 = 10%), got NaN"),
        invalid(b -> b.minTrendSamples(0), "minTrendSamples must be at least 1, got 0"),
        invalid(
            b -> b.bottleneckThreshold(MetricType.TTFT, 0),
            "bottleneckThreshold for TTFT must be a finite, positive number, got 0.0"),
        invalid(
            b -> b.bottleneckThreshold(MetricType.TTFT, Double.POSITIVE_INFINITY),
            "bottleneckThreshold for TTFT must be a finite, positive number, got Infinity"),
        invalid(
            b -> b.fineSlice(Duration.ofSeconds(7)), "fineSlice must divide PT1M evenly, got PT7S"),
        invalid(
            b -> b.fineSlice(Duration.ofMinutes(2)), "fineSlice must divide PT1M evenly, got PT2M"),
        invalid(
            b -> b.mediumSlice(Duration.ofMinutes(7)),
            "mediumSlice must divide PT1H evenly, got PT7M"),
        invalid(
            b -> b.coarseSlice(Duration.ofHours(5)),
            "coarseSlice must divide PT24H evenly, got PT5H"),
        invalid(b -> b.coarseSlice(Duration.ZERO), "coarseSlice must be positive, got PT0S"));
  }

  @ParameterizedTest
  @MethodSource("invalidSettings")
  void rejectsInvalidSettingsNamingThemAndTheAllowedRange(
      Consumer<AggregatorConfig.Builder> setting, String message) {
    assertThatThrownBy(() -> setting.accept(AggregatorConfig.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsNullSettingsNamingThem() {
    assertThatThrownBy(() -> AggregatorConfig.builder().retention(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("retention");
    assertThatThrownBy(() -> AggregatorConfig.builder().summaryWindow(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("summaryWindow");
  }

  private static Arguments invalid(Consumer<AggregatorConfig.Builder> setting, String message) {
    return Arguments.of(setting, message);
  }
}
