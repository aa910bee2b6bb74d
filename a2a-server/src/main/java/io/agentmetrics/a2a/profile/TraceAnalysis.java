package io.agentmetrics.a2a.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Aggregates correlated trace events: per-stage HdrHistograms, the non-LLM overhead of each
 * request, the slowest requests and the goal checks.
 *
 * <p>Definitions:
 *
 * <ul>
 *   <li>Request stages come from every {@code tasks_send_latency} event and agent stages from every
 *       {@code agent_processing_detail} event, paired or not.
 *   <li>Share of total is the stage's mean over the mean of {@code total}, so it stays right when
 *       the two kinds of events were sampled differently.
 *   <li>Non-LLM overhead is {@code total - llm_invocation} of each paired request: everything the
 *       server did that was not waiting for the model (parsing, normalization, the agent's own
 *       stages, serialization, and the framework time between them).
 * </ul>
 *
 * <p>Not thread-safe.
 */
final class TraceAnalysis implements Consumer<TraceCorrelator.Pair> {

  private final int top;
  private final Map<String, StageAccumulator> stages = new LinkedHashMap<>();
  private final Histogram overhead = LatencyHistograms.newMicros();
  private final Histogram totals = LatencyHistograms.newMicros();
  private final List<double[]> timeline = new ArrayList<>();
  private final PriorityQueue<TraceCorrelator.Pair> slowest;
  private long requests;
  private long paired;

  TraceAnalysis(int top) {
    this.top = top;
    this.slowest = new PriorityQueue<>(Comparator.comparingDouble(TraceAnalysis::total));
  }

  @Override
  public void accept(TraceCorrelator.Pair pair) {
    requests++;
    if (pair.request().timings().containsKey(Stages.TOTAL)) {
      double total = total(pair);
      LatencyHistograms.recordMillis(totals, total);
      if (timeline.size() < LoadRun.MAX_SAMPLES) {
        timeline.add(new double[] {requests, total});
      }
    }
    TraceEvent.Agent agent = pair.agent();
    if (agent != null) {
      paired++;
      Double llm = agent.timings().get(Stages.LLM_INVOCATION);
      Double total = pair.request().timings().get(Stages.TOTAL);
      if (llm != null && total != null) {
        LatencyHistograms.recordMillis(overhead, Math.max(0, total - llm));
      }
    }
    if (top > 0) {
      slowest.add(pair);
      if (slowest.size() > top) {
        slowest.poll();
      }
    }
  }

  /** Records the stage timings of every event, paired or not. */
  void recordStages(TraceEvent event) {
    event.timings().forEach(this::record);
  }

  private void record(String stage, double millis) {
    stages.computeIfAbsent(stage, s -> new StageAccumulator()).add(millis);
  }

  private static double total(TraceCorrelator.Pair pair) {
    return pair.request().stage(Stages.TOTAL);
  }

  long requests() {
    return requests;
  }

  long paired() {
    return paired;
  }

  Histogram overhead() {
    return overhead;
  }

  Histogram totals() {
    return totals;
  }

  /** (request number, total ms) of the first {@link LoadRun#MAX_SAMPLES} requests, in log order. */
  List<double[]> timeline() {
    return timeline;
  }

  /** Stage statistics in display order: request flow first, unknown stages last. */
  List<StageRow> stageRows() {
    double totalMean =
        stages.containsKey(Stages.TOTAL) ? stages.get(Stages.TOTAL).mean() : Double.NaN;
    List<StageRow> rows = new ArrayList<>();
    stages.forEach(
        (name, acc) ->
            rows.add(
                new StageRow(
                    StageSummary.of(name, acc.histogram, acc.mean()),
                    Double.isNaN(totalMean) || totalMean == 0 ? Double.NaN : acc.mean() / totalMean,
                    acc.histogram)));
    rows.sort(Comparator.comparingInt(row -> Stages.rank(row.summary().name())));
    return rows;
  }

  /** The slowest requests by total, slowest first. */
  List<TraceCorrelator.Pair> slowest() {
    List<TraceCorrelator.Pair> result = new ArrayList<>(slowest);
    result.sort(Comparator.comparingDouble(TraceAnalysis::total).reversed());
    return result;
  }

  /** Goal checks on each stage's p95. */
  Map<StageGoal, StageGoal.Status> goals() {
    Map<StageGoal, StageGoal.Status> result = new LinkedHashMap<>();
    for (StageGoal goal : StageGoal.values()) {
      StageAccumulator acc = stages.get(goal.stage());
      if (acc == null) {
        result.put(goal, StageGoal.Status.NO_DATA);
      } else {
        double p95 = LatencyHistograms.toMillis(acc.histogram.getValueAtPercentile(95));
        result.put(goal, p95 < goal.limitMs() ? StageGoal.Status.PASS : StageGoal.Status.FAIL);
      }
    }
    return result;
  }

  /** A stage's statistics, its share of total (NaN without totals) and its histogram. */
  record StageRow(StageSummary summary, double share, Histogram histogram) {}

  /** Sum and histogram of one stage; the exact sum keeps the mean and the shares exact. */
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
