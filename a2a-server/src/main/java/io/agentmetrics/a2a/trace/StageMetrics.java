package io.agentmetrics.a2a.trace;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.dto.SendBreakdown;
import io.agentmetrics.a2a.dto.SendSegment;
import io.agentmetrics.a2a.dto.StageBottleneck;
import io.agentmetrics.a2a.dto.StageDefinition;
import io.agentmetrics.a2a.dto.StageReport;
import io.agentmetrics.a2a.dto.StageTrend;
import io.agentmetrics.a2a.dto.StageWindowStats;
import io.agentmetrics.a2a.stage.SendMethods;
import io.agentmetrics.a2a.stage.Stage;
import io.agentmetrics.aggregator.AggregatedSeries;
import io.agentmetrics.aggregator.AggregatorConfig;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.aggregator.NamedMetric;
import io.agentmetrics.aggregator.Slo;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.TimeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's per-stage sliding-window statistics, kept by the metrics aggregator: every send's
 * five request stages, every agent run's task total, queue wait and four stages, and every send's
 * end-to-end time split into its parts (once its request and its own task are paired) go to one
 * {@link MetricsAggregator} of this server's own (never the global one), each as a {@link
 * NamedMetric} in milliseconds. They answer {@code GET /metrics/summary} with each stage's window
 * statistics, trend, the stages over their goals, and where the sends' end-to-end time goes.
 *
 * <p>Only sends ({@link SendMethods#SERVED}) are recorded: a {@code tasks/get} answers in a
 * millisecond and would pull the request stages' statistics away from the sends they describe.
 *
 * <p>A stage's goal is an {@link Slo} on its p{@value #BOTTLENECK_PERCENTILE} over the aggregator's
 * summary window (five minutes); a stage whose objective is missed is a bottleneck. Memory is
 * bounded per stage and per part exactly as the aggregator documents for one metric.
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

  private static final Map<Stage, NamedMetric> METRICS = new EnumMap<>(Stage.class);

  static {
    for (Stage stage : Stage.values()) {
      // Prefixed: "queue_wait" is also a metric type's id, and a named metric never is.
      METRICS.put(stage, NamedMetric.of("stage." + stage.id(), "ms"));
    }
  }

  /** The metric of {@code stage}; the map holds every stage. */
  private static NamedMetric metric(Stage stage) {
    return requireNonNull(METRICS.get(stage));
  }

  private final MetricsAggregator aggregator;
  private final SendPairs pairs = new SendPairs();
  private final LongAdder leftOut = new LongAdder();

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
    if (!SendMethods.SERVED.contains(latency.method())) {
      return;
    }
    pairs.request(latency).ifPresent(this::recordSend);
    record(Stage.JSON_PARSING, latency.jsonParsingMs());
    record(Stage.MESSAGE_NORMALIZATION, latency.messageNormalizationMs());
    record(Stage.AGENT_PROCESSING, latency.agentProcessingMs());
    record(Stage.RESPONSE_SERIALIZATION, latency.responseSerializationMs());
    record(Stage.TOTAL, latency.totalMs());
  }

  @Override
  public void onAgentRun(AgentRunLatency latency) {
    pairs.run(latency).ifPresent(this::recordSend);
    record(Stage.TASK_TOTAL, latency.taskTotalMs());
    record(Stage.QUEUE_WAIT, latency.queueWaitMs());
    record(Stage.TEXT_EXTRACTION, latency.stages().textExtractionMs());
    record(Stage.CONTEXT_LOOKUP, latency.stages().contextLookupMs());
    record(Stage.LLM_INVOCATION, latency.stages().llmInvocationMs());
    record(Stage.RESPONSE_BUILDING, latency.stages().responseBuildingMs());
  }

  /**
   * The {@code stages} section of {@code /metrics/summary}: stage name to its report, in the order
   * of {@link Stage}. Stages without samples in the {@link #HEADLINE_WINDOW} are left out.
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
            .getAggregatedMetrics(metric(stage).name(), window)
            .ifPresent(m -> windows.put(id(window), StageWindowStats.of(m)));
      }
      StageWindowStats headline = windows.get(id(HEADLINE_WINDOW));
      if (headline != null) {
        stages.put(stage.id(), new StageReport(headline, windows, trend(stage).orElse(null)));
      }
    }
    return stages;
  }

  /**
   * The {@code bottlenecks} section of {@code /metrics/summary}: the stages whose p{@value
   * #BOTTLENECK_PERCENTILE} over the aggregator's summary window (five minutes) exceeds the stage's
   * goal ({@link Stage#goalMs()}), worst ratio first.
   *
   * @return the bottlenecks, ready for Jackson
   * @since 0.1.0
   */
  public List<StageBottleneck> bottlenecks() {
    AggregationWindow window = aggregator.config().summaryWindow();
    List<StageBottleneck> bottlenecks = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      if (stage.goalMs().isEmpty()) {
        continue;
      }
      double goalMs = stage.goalMs().getAsDouble();
      Slo goal = Slo.atMost(metric(stage), BOTTLENECK_PERCENTILE, goalMs, window);
      aggregator
          .checkSlo(goal)
          .filter(status -> !status.met())
          .ifPresent(
              status ->
                  bottlenecks.add(
                      new StageBottleneck(
                          stage.id(),
                          id(window),
                          BOTTLENECK_PERCENTILE,
                          StageWindowStats.threeDecimals(status.observed()),
                          goalMs,
                          StageWindowStats.threeDecimals(status.ratio()),
                          status.sampleCount())));
    }
    bottlenecks.sort(Comparator.comparingDouble(StageBottleneck::ratio).reversed());
    return bottlenecks;
  }

  /**
   * The {@code sends} section of {@code /metrics/summary}: the paired sends' mean end-to-end time
   * over the {@link #HEADLINE_WINDOW}, split into {@link SendPart}s whose shares add up to 1. Each
   * share is the segment's mean over the sum of the segments' means, all taken over the same sends
   * (each send records all its segments at once), so shares never exceed 100% even though each mean
   * is kept to the aggregator's 0.1%.
   *
   * @return the breakdown, ready for Jackson
   * @since 0.1.0
   */
  public SendBreakdown sends() {
    Optional<AggregatedSeries> endToEnd =
        aggregator.getAggregatedMetrics(SendPart.END_TO_END.name(), HEADLINE_WINDOW);
    List<SendPart> all = SendPart.all();
    double[] means = new double[all.size()];
    double sum = 0;
    for (SendPart segment : all) {
      means[segment.ordinal()] =
          aggregator
              .getAggregatedMetrics(segment.metric().name(), HEADLINE_WINDOW)
              .map(AggregatedSeries::mean)
              .orElse(0.0);
      sum += means[segment.ordinal()];
    }
    List<SendSegment> segments = new ArrayList<>();
    for (SendPart segment : all) {
      double mean = means[segment.ordinal()];
      if (sum > 0) {
        segments.add(
            new SendSegment(
                segment.id(),
                segment.label(),
                StageWindowStats.threeDecimals(mean),
                mean / sum,
                segment.llm()));
      }
    }
    return new SendBreakdown(
        id(HEADLINE_WINDOW),
        endToEnd.map(AggregatedSeries::count).orElse(0L),
        pairs.waiting(),
        leftOut.sum(),
        endToEnd.map(StageWindowStats::of).orElse(null),
        segments);
  }

  /**
   * The {@code stage_vocabulary} section of {@code /metrics/summary}: every {@link Stage} in
   * display order, from which the dashboard takes its stage order and labels.
   *
   * @return the stages, ready for Jackson
   * @since 0.1.0
   */
  public static List<StageDefinition> vocabulary() {
    List<StageDefinition> stages = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      stages.add(
          new StageDefinition(
              stage.id(),
              stage.label(),
              lower(stage.scope().name()),
              stage.isWhole(),
              stage.isLlm(),
              stage.goalMs().isPresent() ? stage.goalMs().getAsDouble() : null));
    }
    return List.copyOf(stages);
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
        .getTrend(metric(stage).name())
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

  private void recordSend(SendPairs.Pair pair) {
    Optional<double[]> split = SendPart.split(pair.request(), pair.run());
    if (split.isEmpty()) {
      leftOut.increment();
      return;
    }
    double[] parts = split.get();
    double endToEnd = 0;
    for (SendPart segment : SendPart.all()) {
      aggregator.addMetric(segment.metric(), parts[segment.ordinal()]);
      endToEnd += parts[segment.ordinal()];
    }
    aggregator.addMetric(SendPart.END_TO_END, endToEnd);
  }

  private void record(Stage stage, double ms) {
    // The aggregator drops (and counts) a negative or non-finite value, which a clock step could
    // produce; a dropped sample is better than a request failing in its observer.
    aggregator.addMetric(metric(stage), ms);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
