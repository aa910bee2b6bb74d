package io.agentmetrics.a2a.profile;

import io.agentmetrics.a2a.report.ReportModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the stacked stage bar from mean stage times: the request stages in order, with {@code
 * agent_processing} replaced by the task's stages ({@code queue_wait} and the agent stages) when
 * those are known (plus whatever of it they do not cover), and whatever of {@code total} the
 * request stages do not cover as {@code other}.
 */
final class StageSegments {

  /** Residuals below this (ms) are rounding noise, not a stage. */
  private static final double MIN_RESIDUAL_MS = 0.005;

  private StageSegments() {}

  static List<ReportModel.Segment> from(Map<String, Double> meanMs) {
    List<ReportModel.Segment> segments = new ArrayList<>();
    add(segments, meanMs, Stages.JSON_PARSING);
    add(segments, meanMs, Stages.MESSAGE_NORMALIZATION);
    boolean agentDetail = Stages.TASK_PARTS.stream().anyMatch(meanMs::containsKey);
    if (agentDetail) {
      double covered = 0;
      for (String stage : Stages.TASK_PARTS) {
        covered += add(segments, meanMs, stage);
      }
      Double agent = meanMs.get(Stages.AGENT_PROCESSING);
      if (agent != null && agent - covered > MIN_RESIDUAL_MS) {
        segments.add(new ReportModel.Segment("agent (other)", agent - covered, false));
      }
    } else {
      add(segments, meanMs, Stages.AGENT_PROCESSING);
    }
    add(segments, meanMs, Stages.RESPONSE_SERIALIZATION);
    Double total = meanMs.get(Stages.TOTAL);
    if (total != null) {
      double covered = 0;
      for (String stage : Stages.REQUEST_PARTS) {
        covered += meanMs.getOrDefault(stage, 0.0);
      }
      if (total - covered > MIN_RESIDUAL_MS) {
        segments.add(new ReportModel.Segment("other", total - covered, false));
      }
    }
    return List.copyOf(segments);
  }

  private static double add(
      List<ReportModel.Segment> segments, Map<String, Double> meanMs, String stage) {
    Double mean = meanMs.get(stage);
    if (mean == null) {
      return 0;
    }
    double value = Math.max(0, mean);
    boolean llm =
        Stages.LLM_INVOCATION.equals(stage)
            || (Stages.AGENT_PROCESSING.equals(stage)
                && !meanMs.containsKey(Stages.LLM_INVOCATION));
    segments.add(new ReportModel.Segment(stage, value, llm));
    return value;
  }
}
