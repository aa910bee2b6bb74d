package io.agentmetrics.a2a.profile;

import io.agentmetrics.a2a.report.ReportModel;
import io.agentmetrics.a2a.stage.Stage;
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
    add(segments, meanMs, Stage.JSON_PARSING.id());
    add(segments, meanMs, Stage.MESSAGE_NORMALIZATION.id());
    boolean agentDetail = Stage.TASK_PARTS.stream().map(Stage::id).anyMatch(meanMs::containsKey);
    if (agentDetail) {
      double covered = 0;
      for (Stage stage : Stage.TASK_PARTS) {
        covered += add(segments, meanMs, stage.id());
      }
      Double agent = meanMs.get(Stage.AGENT_PROCESSING.id());
      if (agent != null && agent - covered > MIN_RESIDUAL_MS) {
        segments.add(new ReportModel.Segment("agent (other)", agent - covered, false));
      }
    } else {
      add(segments, meanMs, Stage.AGENT_PROCESSING.id());
    }
    add(segments, meanMs, Stage.RESPONSE_SERIALIZATION.id());
    Double total = meanMs.get(Stage.TOTAL.id());
    if (total != null) {
      double covered = 0;
      for (Stage stage : Stage.REQUEST_PARTS) {
        covered += meanMs.getOrDefault(stage.id(), 0.0);
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
        Stage.LLM_INVOCATION.id().equals(stage)
            || (Stage.AGENT_PROCESSING.id().equals(stage)
                && !meanMs.containsKey(Stage.LLM_INVOCATION.id()));
    segments.add(new ReportModel.Segment(stage, value, llm));
    return value;
  }
}
