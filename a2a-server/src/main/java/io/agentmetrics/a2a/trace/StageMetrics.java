package io.agentmetrics.a2a.trace;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.dto.StageBottleneck;
import io.agentmetrics.a2a.dto.StageReport;
import io.agentmetrics.a2a.dto.StageTrend;
import io.agentmetrics.a2a.dto.StageWindowStats;
import io.agentmetrics.aggregator.AggregatorConfig;
import io.agentmetrics.aggregator.Bottleneck;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.aggregator.TrendEvidence;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.TimeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's per-stage sliding-window statistics, kept by the metrics aggregator: every request's
 * five stages and every agent run's queue wait and four stages go to this server's own {@link
 * MetricsAggregator}s (never the global one), and {@link #summary()} answers {@code GET
 * /metrics/summary} with each stage's window statistics, trend and the stages over their goals.
 *
 * <p>The aggregator keys its histograms by {@link MetricType}, and the seed's stages are not metric
 * types, so each stage has an aggregator of its own that records the stage's durations as {@link
 * MetricType#TOTAL_EXECUTION}, with the stage's goal as that type's bottleneck threshold. Memory is
 * therefore bounded per stage exactly as the aggregator documents for one type (about 1 MB in
 * steady state).
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

  private static final MetricType RECORDED_AS = MetricType.TOTAL_EXECUTION;
  private static final String AGENT = "a2a-server";

  private final Map<Stage, MetricsAggregator> aggregators = new EnumMap<>(Stage.class);
  private final TimeSource time;
  // Execution ids only label exported raw metrics; a counter is cheaper than a random UUID.
  private final AtomicLong executions = new AtomicLong();

  /**
   * Statistics over the aggregator's default slices and retention, on {@code time}.
   *
   * @param time the clock that slices the windows
   * @since 0.1.0
   */
  public StageMetrics(TimeSource time) {
    this.time = requireNonNull(time, "time");
    for (Stage stage : Stage.values()) {
      AggregatorConfig.Builder config =
          AggregatorConfig.builder()
              // Raw metrics are never exported from here; keep the export ring tiny.
              .reservoirSize(1);
      if (stage.goalMs > 0) {
        config.bottleneckThreshold(RECORDED_AS, stage.goalMs);
      } else {
        config.noBottleneckThreshold(RECORDED_AS);
      }
      aggregators.put(stage, new MetricsAggregator(config.build(), time));
    }
  }

  @Override
  public void onRequest(RequestLatency latency) {
    UUID id = new UUID(0, executions.incrementAndGet());
    record(Stage.JSON_PARSING, latency.jsonParsingMs(), id);
    record(Stage.MESSAGE_NORMALIZATION, latency.messageNormalizationMs(), id);
    record(Stage.AGENT_PROCESSING, latency.agentProcessingMs(), id);
    record(Stage.RESPONSE_SERIALIZATION, latency.responseSerializationMs(), id);
    record(Stage.TOTAL, latency.totalMs(), id);
  }

  @Override
  public void onAgentRun(AgentRunLatency latency) {
    UUID id = new UUID(0, executions.incrementAndGet());
    record(Stage.QUEUE_WAIT, latency.queueWaitMs(), id);
    record(Stage.TEXT_EXTRACTION, latency.stages().textExtractionMs(), id);
    record(Stage.CONTEXT_LOOKUP, latency.stages().contextLookupMs(), id);
    record(Stage.LLM_INVOCATION, latency.stages().llmInvocationMs(), id);
    record(Stage.RESPONSE_BUILDING, latency.stages().responseBuildingMs(), id);
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
    aggregators.forEach(
        (stage, aggregator) -> {
          Map<String, StageWindowStats> windows = new LinkedHashMap<>();
          for (AggregationWindow window : WINDOWS) {
            aggregator
                .getAggregatedMetrics(RECORDED_AS, window)
                .ifPresent(m -> windows.put(id(window), StageWindowStats.of(m)));
          }
          StageWindowStats headline = windows.get(id(HEADLINE_WINDOW));
          if (headline != null) {
            stages.put(
                stage.id, new StageReport(headline, windows, trend(aggregator).orElse(null)));
          }
        });
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
    List<StageBottleneck> bottlenecks = new ArrayList<>();
    aggregators.forEach(
        (stage, aggregator) -> {
          for (Bottleneck b : aggregator.getBottlenecks(BOTTLENECK_PERCENTILE)) {
            bottlenecks.add(
                new StageBottleneck(
                    stage.id,
                    id(b.window()),
                    b.percentile(),
                    TraceLatencyLog.round(b.observed()),
                    b.threshold(),
                    TraceLatencyLog.round(b.ratio()),
                    b.sampleCount()));
          }
        });
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

  private Optional<StageTrend> trend(MetricsAggregator aggregator) {
    var summary = aggregator.getPerformanceSummary();
    TrendEvidence evidence = summary.trendEvidence().get(RECORDED_AS);
    if (evidence == null) {
      return Optional.empty();
    }
    return Optional.of(
        new StageTrend(
            lower(evidence.trend().name()),
            id(summary.window()),
            lower(evidence.statistic().name()),
            evidence.currentCount(),
            evidence.previousCount(),
            evidence.currentValue(),
            evidence.previousValue()));
  }

  private void record(Stage stage, double ms, UUID executionId) {
    // Timings are measured by the server and never negative; a clock step could still produce one,
    // and a dropped sample is better than a request failing in its observer.
    if (ms >= 0 && Double.isFinite(ms)) {
      aggregators
          .get(stage)
          .addMetric(
              new PerformanceMetric(RECORDED_AS, ms, time.now(), executionId, AGENT, Map.of()));
    }
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

    Stage(String id, double goalMs) {
      this.id = id;
      this.goalMs = goalMs;
    }
  }
}
