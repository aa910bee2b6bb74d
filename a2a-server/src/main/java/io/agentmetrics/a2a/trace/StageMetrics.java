package io.agentmetrics.a2a.trace;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.dto.StageBottleneck;
import io.agentmetrics.a2a.dto.StageReport;
import io.agentmetrics.a2a.dto.StageTrend;
import io.agentmetrics.a2a.dto.StageWindowStats;
import io.agentmetrics.aggregator.AggregatorConfig;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.aggregator.NamedMetric;
import io.agentmetrics.aggregator.Slo;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.TimeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's per-stage sliding-window statistics, kept by the metrics aggregator: every request's
 * five stages and every agent run's queue wait and four stages go to one {@link MetricsAggregator}
 * of this server's own (never the global one), each stage as a {@link NamedMetric} in milliseconds,
 * and {@link #summary()} answers {@code GET /metrics/summary} with each stage's window statistics,
 * trend and the stages over their goals.
 *
 * <p>A stage's goal is an {@link Slo} on its p{@value #BOTTLENECK_PERCENTILE} over the aggregator's
 * summary window (five minutes); a stage whose objective is missed is a bottleneck. Memory is
 * bounded per stage exactly as the aggregator documents for one metric (about 1.6 MB in steady
 * state).
 *
 * <p>Thread-safe; recording is lock-free, as the aggregator's is.
 *
 * @since 0.1.0
 */
public final class StageMetrics implements RequestObserver {

  /** The windows each stage reports, shortest first. */
  public static final List<AggregationWindow> WINDOWS =
      List.of(AggregationWindow.MINUTE, AggregationWindow.FIVE_MINUTES, AggregationWindow.HOUR);

  /** The window of each stage's top-level statistics, which the profiler and dashboard read. */
  public static final AggregationWindow HEADLINE_WINDOW = AggregationWindow.HOUR;

  /** The percentile compared with each stage's goal to find bottlenecks. */
  public static final int BOTTLENECK_PERCENTILE = 95;

  private final MetricsAggregator aggregator;

  /**
   * Statistics over the aggregator's default slices and retention, on {@code time}.
   *
   * @param time the clock that slices the windows
   * @since 0.1.0
   */
  public StageMetrics(TimeSource time) {
    requireNonNull(time, "time");
    // Stages are named metrics, which keep no raw values: keep the types' export rings tiny.
    this.aggregator =
        new MetricsAggregator(AggregatorConfig.builder().reservoirSize(1).build(), time);
  }

  @Override
  public void onRequest(RequestLatency latency) {
    record(Stage.JSON_PARSING, latency.jsonParsingMs());
    record(Stage.MESSAGE_NORMALIZATION, latency.messageNormalizationMs());
    record(Stage.AGENT_PROCESSING, latency.agentProcessingMs());
    record(Stage.RESPONSE_SERIALIZATION, latency.responseSerializationMs());
    record(Stage.TOTAL, latency.totalMs());
  }

  @Override
  public void onAgentRun(AgentRunLatency latency) {
    record(Stage.QUEUE_WAIT, latency.queueWaitMs());
    record(Stage.TEXT_EXTRACTION, latency.stages().textExtractionMs());
    record(Stage.CONTEXT_LOOKUP, latency.stages().contextLookupMs());
    record(Stage.LLM_INVOCATION, latency.stages().llmInvocationMs());
    record(Stage.RESPONSE_BUILDING, latency.stages().responseBuildingMs());
  }

  /**
   * The {@code stages} section of {@code /metrics/summary}: stage name to its report, in pipeline
   * order. Stages without samples in the {@link #HEADLINE_WINDOW} are left out.
   *
   * @return stage name to report, ready for Jackson
   * @since 0.1.0
   */
  public Map<String, StageReport> stages() {
    Map<String, StageReport> stages = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      Map<String, StageWindowStats> windows = new LinkedHashMap<>();
      for (AggregationWindow window : WINDOWS) {
        aggregator
            .getAggregatedMetrics(stage.metric.name(), window)
            .ifPresent(m -> windows.put(id(window), StageWindowStats.of(m)));
      }
      StageWindowStats headline = windows.get(id(HEADLINE_WINDOW));
      if (headline != null) {
        stages.put(stage.id, new StageReport(headline, windows, trend(stage).orElse(null)));
      }
    }
    return stages;
  }

  /**
   * The {@code bottlenecks} section of {@code /metrics/summary}: the stages whose p{@value
   * #BOTTLENECK_PERCENTILE} over the aggregator's summary window (five minutes) exceeds the stage's
   * goal, worst ratio first. The goals are the seed's: JSON parsing 1 ms, message normalization 5
   * ms, context lookup 1 ms, response serialization 10 ms; and the aggregator's defaults for queue
   * wait (500 ms) and the LLM (3,000 ms).
   *
   * @return the bottlenecks, ready for Jackson
   * @since 0.1.0
   */
  public List<StageBottleneck> bottlenecks() {
    AggregationWindow window = aggregator.config().summaryWindow();
    List<StageBottleneck> bottlenecks = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      if (stage.goalMs <= 0) {
        continue;
      }
      Slo goal = Slo.atMost(stage.metric, BOTTLENECK_PERCENTILE, stage.goalMs, window);
      aggregator
          .checkSlo(goal)
          .filter(status -> !status.met())
          .ifPresent(
              status ->
                  bottlenecks.add(
                      new StageBottleneck(
                          stage.id,
                          id(window),
                          BOTTLENECK_PERCENTILE,
                          TraceLatencyLog.round(status.observed()),
                          stage.goalMs,
                          TraceLatencyLog.round(status.ratio()),
                          status.sampleCount())));
    }
    bottlenecks.sort(Comparator.comparingDouble(StageBottleneck::ratio).reversed());
    return bottlenecks;
  }

  /**
   * The id of a window as the summary writes it.
   *
   * @param window the window
   * @return for example {@code five_minutes}
   * @since 0.1.0
   */
  public static String id(AggregationWindow window) {
    return lower(window.name());
  }

  private Optional<StageTrend> trend(Stage stage) {
    return aggregator
        .getTrend(stage.metric.name())
        .map(
            evidence ->
                new StageTrend(
                    lower(evidence.trend().name()),
                    id(aggregator.config().summaryWindow()),
                    lower(evidence.statistic().name()),
                    evidence.currentCount(),
                    evidence.previousCount(),
                    evidence.currentValue(),
                    evidence.previousValue()));
  }

  private void record(Stage stage, double ms) {
    // The aggregator drops (and counts) a negative or non-finite value, which a clock step could
    // produce; a dropped sample is better than a request failing in its observer.
    aggregator.addMetric(stage.metric, ms);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The seed's stages, in pipeline order, with its performance goals (0 where it sets none). */
  private enum Stage {
    JSON_PARSING("json_parsing", 1),
    MESSAGE_NORMALIZATION("message_normalization", 5),
    AGENT_PROCESSING("agent_processing", 0),
    RESPONSE_SERIALIZATION("response_serialization", 10),
    TOTAL("total", 0),
    QUEUE_WAIT("queue_wait", 500),
    TEXT_EXTRACTION("text_extraction", 0),
    CONTEXT_LOOKUP("context_lookup", 1),
    LLM_INVOCATION("llm_invocation", 3_000),
    RESPONSE_BUILDING("response_building", 0);

    private final String id;
    private final double goalMs;
    // Prefixed: "queue_wait" is also a metric type's id, and a named metric never is.
    private final NamedMetric metric;

    Stage(String id, double goalMs) {
      this.id = id;
      this.goalMs = goalMs;
      this.metric = NamedMetric.of("stage." + id, "ms");
    }
  }
}
