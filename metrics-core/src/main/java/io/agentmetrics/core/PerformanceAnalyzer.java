package io.agentmetrics.core;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.Preconditions;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.core.BreakdownAnalysis.Bottleneck;
import io.agentmetrics.core.BreakdownAnalysis.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Interprets what collectors measured: where one execution's time went, which metric values are
 * anomalies, and how well metrics meet service-level objectives.
 *
 * <p>Stateless and thread-safe: one analyzer may serve every thread.
 *
 * @since 0.1.0
 */
public final class PerformanceAnalyzer {

  private final AnalyzerConfig config;

  /** An analyzer with {@link AnalyzerConfig#defaults()}. */
  public PerformanceAnalyzer() {
    this(AnalyzerConfig.defaults());
  }

  /**
   * An analyzer with the given thresholds.
   *
   * @throws NullPointerException if {@code config} is null
   */
  public PerformanceAnalyzer(AnalyzerConfig config) {
    this.config = requireNonNull(config, "config");
  }

  /** The thresholds this analyzer judges by. */
  public AnalyzerConfig config() {
    return config;
  }

  /**
   * Finds the bottlenecks of one execution and recommends what to do about them.
   *
   * <p>A bottleneck is a category, a phase name that is not a category id, or the overhead whose
   * time is at least {@link AnalyzerConfig#bottleneckSharePercent()} of the total. Each category
   * bottleneck earns that category's advice (LLM time: caching and streaming; database time:
   * indexes and cache limits; and so on), overhead of at least {@link
   * AnalyzerConfig#overheadSharePercent()} earns advice to reduce framework overhead, in the order
   * of the shares, largest first; then a time to first token above {@link
   * AnalyzerConfig#slowTtftMs()} earns advice to stream.
   *
   * @throws NullPointerException if {@code breakdown} is null
   */
  public BreakdownAnalysis analyzeTimingBreakdown(TimingBreakdown breakdown) {
    requireNonNull(breakdown, "breakdown");
    double total = breakdown.totalMs();
    List<Bottleneck> bottlenecks = new ArrayList<>();
    if (total > 0) {
      for (PhaseCategory category : PhaseCategory.values()) {
        double ms = breakdown.categoryMs(category);
        if (isLarge(ms, total)) {
          bottlenecks.add(
              new Bottleneck(category.id(), Kind.CATEGORY, category, ms, share(ms, total)));
        }
      }
      breakdown
          .phasesMs()
          .forEach(
              (name, ms) -> {
                if (PhaseCategory.fromPhaseName(name).isEmpty() && isLarge(ms, total)) {
                  bottlenecks.add(new Bottleneck(name, Kind.PHASE, null, ms, share(ms, total)));
                }
              });
      double overhead = breakdown.overheadMs();
      if (isLarge(overhead, total)) {
        bottlenecks.add(
            new Bottleneck("overhead", Kind.OVERHEAD, null, overhead, share(overhead, total)));
      }
    }
    bottlenecks.sort(Comparator.comparingDouble(Bottleneck::durationMs).reversed());
    return new BreakdownAnalysis(
        breakdown.calculateEfficiency(), bottlenecks, recommendations(breakdown, bottlenecks));
  }

  /**
   * Finds metric values that lie far from the others of their type.
   *
   * <p>For each metric type, the mean and the population standard deviation of its values in {@code
   * metrics} are computed; a value whose |z-score| exceeds {@link AnalyzerConfig#zScoreThreshold()}
   * is an anomaly. A type with fewer than {@link AnalyzerConfig#minAnomalySamples()} values, or
   * whose values are all equal, yields none.
   *
   * @return the anomalies, largest |z-score| first
   * @throws NullPointerException if {@code metrics} or one of its elements is null
   */
  public List<Anomaly> detectAnomalies(List<PerformanceMetric> metrics) {
    Map<MetricType, List<PerformanceMetric>> byType = groupByType(metrics);
    List<Anomaly> anomalies = new ArrayList<>();
    byType.forEach(
        (type, samples) -> {
          int n = samples.size();
          if (n < config.minAnomalySamples()) {
            return;
          }
          double sum = 0;
          for (PerformanceMetric metric : samples) {
            sum += metric.value();
          }
          double mean = sum / n;
          double squares = 0;
          for (PerformanceMetric metric : samples) {
            double deviation = metric.value() - mean;
            squares += deviation * deviation;
          }
          double stdDev = Math.sqrt(squares / n);
          // Equal values can leave rounding noise instead of an exact zero; treat it as zero.
          if (!(stdDev > 1e-12 * Math.max(1.0, Math.abs(mean)))) {
            return;
          }
          for (PerformanceMetric metric : samples) {
            double z = (metric.value() - mean) / stdDev;
            if (Math.abs(z) > config.zScoreThreshold()) {
              anomalies.add(new Anomaly(type, metric.value(), mean, z));
            }
          }
        });
    anomalies.sort(Comparator.comparingDouble((Anomaly anomaly) -> -Math.abs(anomaly.zScore())));
    return anomalies;
  }

  /**
   * The percentage (0–100) of each type's values at or below its threshold.
   *
   * <p>The result has an entry for each type in {@code thresholdsMs} that has at least one value in
   * {@code metrics}, in {@link MetricType} order; a type without values is omitted rather than
   * reported as 0% or 100%, since nothing was measured. Thresholds are in the type's {@link
   * MetricType#unit() unit}, milliseconds for durations.
   *
   * @throws NullPointerException if an argument, an element or a threshold is null
   * @throws IllegalArgumentException if a threshold is negative or not finite
   */
  public Map<MetricType, Double> calculateSloCompliance(
      List<PerformanceMetric> metrics, Map<MetricType, Double> thresholdsMs) {
    requireNonNull(thresholdsMs, "thresholdsMs");
    Map<MetricType, Double> thresholds = new EnumMap<>(MetricType.class);
    thresholdsMs.forEach(
        (type, threshold) -> {
          requireNonNull(type, "thresholdsMs must not contain a null key");
          thresholds.put(type, checkThreshold(type.id(), threshold));
        });
    Map<MetricType, List<PerformanceMetric>> byType = groupByType(metrics);
    Map<MetricType, Double> compliance = new EnumMap<>(MetricType.class);
    thresholds.forEach(
        (type, threshold) -> {
          List<PerformanceMetric> samples = byType.get(type);
          if (samples == null) {
            return;
          }
          int compliant = 0;
          for (PerformanceMetric metric : samples) {
            if (metric.value() <= threshold) {
              compliant++;
            }
          }
          compliance.put(type, 100.0 * compliant / samples.size());
        });
    return Collections.unmodifiableMap(compliance);
  }

  /**
   * {@link #calculateSloCompliance(List, Map)} keyed by metric type ids ({@code
   * "time_to_first_token"}, {@code "database_query"}, …) or constant names, as the seed guide calls
   * it. The result uses the keys as given, in their order.
   *
   * @throws IllegalArgumentException if a key names no metric type (the message names the key and
   *     lists the valid ids), two keys name the same type, or a threshold is negative or not finite
   * @throws NullPointerException if an argument, an element or a threshold is null
   */
  public Map<String, Double> calculateSloComplianceByIds(
      List<PerformanceMetric> metrics, Map<String, Double> thresholdsMs) {
    requireNonNull(thresholdsMs, "thresholdsMs");
    Map<MetricType, Double> thresholds = new EnumMap<>(MetricType.class);
    Map<MetricType, String> keys = new EnumMap<>(MetricType.class);
    thresholdsMs.forEach(
        (key, threshold) -> {
          MetricType type;
          try {
            type = MetricType.fromId(key);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "thresholdsMs key '" + key + "' is not a metric type: " + e.getMessage(), e);
          }
          String previous = keys.putIfAbsent(type, key);
          if (previous != null) {
            throw new IllegalArgumentException(
                "thresholdsMs keys '"
                    + previous
                    + "' and '"
                    + key
                    + "' both name "
                    + type.id()
                    + "; keep one");
          }
          thresholds.put(type, checkThreshold(key, threshold));
        });
    Map<MetricType, Double> byType = calculateSloCompliance(metrics, thresholds);
    Map<String, Double> compliance = new LinkedHashMap<>();
    thresholdsMs.forEach(
        (key, threshold) -> {
          Double percent = byType.get(MetricType.fromId(key));
          if (percent != null) {
            compliance.put(key, percent);
          }
        });
    return Collections.unmodifiableMap(compliance);
  }

  private boolean isLarge(double ms, double total) {
    return ms > 0 && share(ms, total) >= config.bottleneckSharePercent();
  }

  private static double share(double ms, double total) {
    return Math.min(100.0, 100.0 * ms / total);
  }

  private List<String> recommendations(TimingBreakdown breakdown, List<Bottleneck> bottlenecks) {
    List<String> advice = new ArrayList<>();
    double overheadShare =
        breakdown.totalMs() > 0 ? share(breakdown.overheadMs(), breakdown.totalMs()) : 0;
    boolean overheadPending = overheadShare >= config.overheadSharePercent();
    for (Bottleneck bottleneck : bottlenecks) {
      if (overheadPending && overheadShare >= bottleneck.sharePercent()) {
        advice.add(overheadAdvice(overheadShare));
        overheadPending = false;
      }
      PhaseCategory category = bottleneck.category();
      if (category != null) {
        advice.add(
            percent(bottleneck.sharePercent())
                + " of the time is "
                + Recommendations.subject(category)
                + ": "
                + Recommendations.advice(category));
      } else if (bottleneck.kind() == Kind.PHASE) {
        advice.add(
            percent(bottleneck.sharePercent())
                + " of the time is in phase '"
                + bottleneck.name()
                + "': profile it, or time its steps as phases to see where it goes.");
      }
    }
    if (overheadPending) {
      advice.add(overheadAdvice(overheadShare));
    }
    breakdown
        .ttftMs()
        .ifPresent(
            ttft -> {
              if (ttft > config.slowTtftMs()) {
                advice.add(
                    "Time to first token is "
                        + String.format(Locale.ROOT, "%.0f", ttft)
                        + " ms: stream the LLM response and start the LLM call before slower,"
                        + " independent work.");
              }
            });
    return advice;
  }

  private static String overheadAdvice(double overheadShare) {
    return percent(overheadShare)
        + " of the time is in no categorized phase: reduce framework overhead (message"
        + " normalization, serialization, context lookups), or time those steps as phases to find"
        + " out which one costs it.";
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share);
  }

  private static double checkThreshold(String key, Double threshold) {
    requireNonNull(threshold, () -> "thresholdsMs['" + key + "'] must not be null");
    return Preconditions.nonNegative(threshold, "thresholdsMs['" + key + "']");
  }

  private static Map<MetricType, List<PerformanceMetric>> groupByType(
      List<PerformanceMetric> metrics) {
    requireNonNull(metrics, "metrics");
    Map<MetricType, List<PerformanceMetric>> byType = new EnumMap<>(MetricType.class);
    for (PerformanceMetric metric : metrics) {
      requireNonNull(metric, "metrics must not contain null");
      byType.computeIfAbsent(metric.metricType(), type -> new ArrayList<>()).add(metric);
    }
    return byType;
  }
}
