package io.agentmetrics.a2a.profile;

import io.agentmetrics.a2a.stage.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Aggregates correlated trace events of sends: per-stage HdrHistograms, each stage's share of the
 * end-to-end time, the non-LLM overhead of each send, the sends left out of those two, the slowest
 * sends and the goal checks.
 *
 * <p>Definitions:
 *
 * <ul>
 *   <li>Per-stage statistics (count, mean, percentiles) come from every send's {@code
 *       tasks_send_latency} event and every {@code agent_processing_detail} event, paired or not.
 *   <li>Shares and the overhead come from the sends that are paired with their task and consistent
 *       ({@link SendCheck}) only; every other send is left out and listed with the reason. A
 *       stage's share is its sum over those sends divided by the sum of their end-to-end times, so
 *       each stage is set against the totals of the same requests, and the request's parts and the
 *       task's parts add up to at most 100%.
 *   <li>Non-LLM overhead is {@code end-to-end − llm_invocation} of each of those sends: everything
 *       the server did that was not waiting for the model (parsing, normalization, the queue wait,
 *       the agent's own stages, serialization, and the framework time between them).
 * </ul>
 *
 * <p>Not thread-safe.
 */
final class TraceAnalysis implements Consumer<TraceCorrelator.Pair> {

  /** How many left-out sends are kept to be listed; all are counted. */
  static final int MAX_LISTED = 100;

  private final int top;
  private final Map<String, StageAccumulator> stages = new LinkedHashMap<>();
  private final Map<String, Double> coveredSums = new HashMap<>();
  private final Histogram overhead = LatencyHistograms.newMicros();
  private final Histogram totals = LatencyHistograms.newMicros();
  private final List<double[]> timeline = new ArrayList<>();
  private final PriorityQueue<Send> slowest =
      new PriorityQueue<>(Comparator.comparingDouble(Send::sortKey));
  private final Map<SendCheck.Reason, Long> leftOutByReason = new EnumMap<>(SendCheck.Reason.class);
  private final List<LeftOutSend> leftOut = new ArrayList<>();
  private long sends;
  private long withAgentDetail;
  private long covered;
  private double endToEndSum;
  private double agentSpanSum;

  TraceAnalysis(int top) {
    this.top = top;
  }

  /** A send with its end-to-end time, {@code NaN} when it was left out. */
  record Send(TraceCorrelator.Pair pair, double endToEndMs) {

    /** The end-to-end time, or the request's total for a send left out. */
    double sortKey() {
      return Double.isNaN(endToEndMs) ? pair.request().stage(Stage.TOTAL.id()) : endToEndMs;
    }
  }

  /** A send left out of the shares and the overhead: where it is in the log, and why. */
  record LeftOutSend(String requestId, long line, SendCheck.LeftOut why) {}

  /** A stage's statistics, its share of the end-to-end time (NaN without one) and its histogram. */
  record StageRow(StageSummary summary, double share, Histogram histogram) {}

  @Override
  public void accept(TraceCorrelator.Pair pair) {
    sends++;
    TraceEvent.Request request = pair.request();
    if (request.timings().containsKey(Stage.TOTAL.id())) {
      double total = request.stage(Stage.TOTAL.id());
      LatencyHistograms.recordMillis(totals, total);
      if (timeline.size() < LoadRun.MAX_SAMPLES) {
        timeline.add(new double[] {sends, total});
      }
    }
    if (pair.agent() != null) {
      withAgentDetail++;
    }
    double endToEnd = Double.NaN;
    SendCheck check = SendCheck.of(pair);
    if (check instanceof SendCheck.Consistent consistent) {
      endToEnd = consistent.endToEndMs();
      cover(pair, consistent);
    } else if (check instanceof SendCheck.LeftOut why) {
      leftOutByReason.merge(why.reason(), 1L, Long::sum);
      if (leftOut.size() < MAX_LISTED) {
        leftOut.add(new LeftOutSend(request.requestId(), request.line(), why));
      }
    }
    if (top > 0) {
      slowest.add(new Send(pair, endToEnd));
      if (slowest.size() > top) {
        slowest.poll();
      }
    }
  }

  private void cover(TraceCorrelator.Pair pair, SendCheck.Consistent send) {
    covered++;
    endToEndSum += send.endToEndMs();
    agentSpanSum += send.agentSpanMs();
    TraceEvent.Agent agent = pair.agent();
    for (Stage stage : Stage.values()) {
      TraceEvent source = stage.scope() == Stage.Scope.TASK ? agent : pair.request();
      if (source != null && source.timings().containsKey(stage.id())) {
        coveredSums.merge(stage.id(), source.stage(stage.id()), Double::sum);
      }
    }
    if (agent != null && agent.timings().containsKey(Stage.LLM_INVOCATION.id())) {
      LatencyHistograms.recordMillis(
          overhead, send.endToEndMs() - agent.stage(Stage.LLM_INVOCATION.id()));
    }
  }

  /** Records the stage timings of every event, paired or not. */
  void recordStages(TraceEvent event) {
    event.timings().forEach(this::record);
  }

  private void record(String stage, double millis) {
    stages.computeIfAbsent(stage, s -> new StageAccumulator()).add(millis);
  }

  /** Sends read. */
  long sends() {
    return sends;
  }

  /** Sends paired with an agent detail. */
  long withAgentDetail() {
    return withAgentDetail;
  }

  /** Sends paired and consistent: those the shares and the overhead cover. */
  long covered() {
    return covered;
  }

  /** Sends left out of the shares and the overhead. */
  long leftOutCount() {
    return sends - covered;
  }

  /** Left-out sends by reason, in the order the checks run. */
  Map<SendCheck.Reason, Long> leftOutByReason() {
    return Collections.unmodifiableMap(leftOutByReason);
  }

  /** The first {@link #MAX_LISTED} sends left out as the log was read, in line order. */
  List<LeftOutSend> leftOut() {
    List<LeftOutSend> sorted = new ArrayList<>(leftOut);
    sorted.sort(Comparator.comparingLong(LeftOutSend::line));
    return sorted;
  }

  /** The mean end-to-end time of the covered sends, NaN without any. */
  double endToEndMeanMs() {
    return covered == 0 ? Double.NaN : endToEndSum / covered;
  }

  Histogram overhead() {
    return overhead;
  }

  Histogram totals() {
    return totals;
  }

  /** (send number, total ms) of the first {@link LoadRun#MAX_SAMPLES} sends, in log order. */
  List<double[]> timeline() {
    return timeline;
  }

  /**
   * The mean split of the covered sends' end-to-end time, for the stacked stage bar: each stage's
   * mean, with {@code agent_processing} standing for the longer of it and {@code task_total}, and
   * {@code total} for the end-to-end time.
   */
  Map<String, Double> endToEndMeans() {
    Map<String, Double> means = new LinkedHashMap<>();
    if (covered == 0) {
      return means;
    }
    coveredSums.forEach((stage, sum) -> means.put(stage, sum / covered));
    means.remove(Stage.TASK_TOTAL.id());
    means.put(Stage.AGENT_PROCESSING.id(), agentSpanSum / covered);
    means.put(Stage.TOTAL.id(), endToEndSum / covered);
    return means;
  }

  /** Stage statistics in display order: request flow first, unknown stages last. */
  List<StageRow> stageRows() {
    List<StageRow> rows = new ArrayList<>();
    stages.forEach(
        (name, acc) -> {
          Double sum = coveredSums.get(name);
          double share = sum == null || endToEndSum == 0 ? Double.NaN : sum / endToEndSum;
          rows.add(
              new StageRow(StageSummary.of(name, acc.histogram, acc.mean()), share, acc.histogram));
        });
    rows.sort(Comparator.comparingInt(row -> Stage.rank(row.summary().name())));
    return rows;
  }

  /** The slowest sends by end-to-end time (by total when left out), slowest first. */
  List<Send> slowest() {
    List<Send> result = new ArrayList<>(slowest);
    result.sort(Comparator.comparingDouble(Send::sortKey).reversed());
    return result;
  }

  /** The seed's goal checks on each stage's p95, in display order. */
  Map<Stage, GoalStatus> goals() {
    Map<Stage, GoalStatus> result = new LinkedHashMap<>();
    for (Stage goal : Stage.values()) {
      if (!goal.hasSeedGoal()) {
        continue;
      }
      StageAccumulator acc = stages.get(goal.id());
      if (acc == null) {
        result.put(goal, GoalStatus.NO_DATA);
      } else {
        double p95 = LatencyHistograms.toMillis((double) acc.histogram.getValueAtPercentile(95));
        result.put(goal, p95 < goal.goalMs().orElseThrow() ? GoalStatus.PASS : GoalStatus.FAIL);
      }
    }
    return result;
  }

  /** Sum and histogram of one stage; the exact sum keeps the mean exact. */
  private static final class StageAccumulator {
    final Histogram histogram = LatencyHistograms.newMicros();
    double sum;

    void add(double millis) {
      LatencyHistograms.recordMillis(histogram, millis);
      sum += millis;
    }

    double mean() {
      return histogram.getTotalCount() == 0 ? 0 : sum / histogram.getTotalCount();
    }
  }
}
