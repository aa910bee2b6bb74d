package io.agentmetrics.a2a.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The machine-readable form of a {@link TraceReport} ({@code trace-report --json}). Stage entries
 * have the same fields as {@code /metrics/summary} stages, plus {@code share_of_total}.
 */
final class TraceReportJson {

  static final String SCHEMA = "agentmetrics.trace-report/v1";

  private TraceReportJson() {}

  static ObjectNode toJson(TraceReport report) {
    ObjectNode root = ProfileJson.mapper().createObjectNode();
    root.put("schema", SCHEMA);
    root.put("source", report.source());
    TraceLogParser.ParseStats parse = report.parse();
    ObjectNode input = root.putObject("input");
    input.put("lines", parse.lines);
    input.put("request_events", parse.requestEvents);
    input.put("agent_events", parse.agentEvents);
    ObjectNode skipped = input.putObject("skipped");
    skipped.put("not_json", parse.notJson);
    skipped.put("other_json", parse.otherEvents);
    skipped.put("malformed", parse.malformed);
    skipped.put("truncated", parse.truncated);
    skipped.put("too_long", parse.oversized);
    TraceAnalysis analysis = report.analysis();
    ObjectNode correlation = root.putObject("correlation");
    correlation.put("requests", analysis.requests());
    correlation.put("with_agent_detail", analysis.paired());
    correlation.put("by_id", report.pairedById());
    correlation.put("by_order", report.pairedByOrder());
    correlation.put("unmatched_agent_details", report.unpairedAgents());
    ObjectNode stages = root.putObject("stages");
    for (TraceAnalysis.StageRow row : analysis.stageRows()) {
      StageSummary s = row.summary();
      ObjectNode stage =
          stages
              .putObject(s.name())
              .put("count", s.count())
              .put("mean_ms", s.meanMs())
              .put("p50_ms", s.p50Ms())
              .put("p95_ms", s.p95Ms())
              .put("p99_ms", s.p99Ms())
              .put("max_ms", s.maxMs());
      if (Double.isNaN(row.share())) {
        stage.putNull("share_of_total");
      } else {
        stage.put("share_of_total", row.share());
      }
    }
    report
        .overhead()
        .ifPresentOrElse(
            stats ->
                root.putObject("non_llm_overhead_ms")
                    .put("count", stats.count())
                    .put("p50", stats.median())
                    .put("p95", stats.p95())
                    .put("p99", stats.p99())
                    .put("max", stats.max()),
            () -> root.putNull("non_llm_overhead_ms"));
    ArrayNode goals = root.putArray("goals");
    for (Map.Entry<StageGoal, StageGoal.Status> goal : analysis.goals().entrySet()) {
      ObjectNode node =
          goals
              .addObject()
              .put("stage", goal.getKey().stage())
              .put("statistic", "p95")
              .put("limit_ms", goal.getKey().limitMs())
              .put("status", goal.getValue().name());
      analysis.stageRows().stream()
          .filter(r -> r.summary().name().equals(goal.getKey().stage()))
          .findFirst()
          .ifPresent(r -> node.put("p95_ms", r.summary().p95Ms()));
    }
    usage(root, report.usage());
    ArrayNode slowest = root.putArray("slowest");
    for (TraceCorrelator.Pair pair : analysis.slowest()) {
      ObjectNode node = slowest.addObject();
      node.put("request_id", pair.request().requestId());
      node.put("method", pair.request().method());
      node.put("line", pair.request().line());
      ObjectNode timings = node.putObject("timings_ms");
      pair.request().timings().forEach(timings::put);
      TraceEvent.Agent agent = pair.agent();
      if (agent == null) {
        node.putNull("agent");
      } else {
        ObjectNode agentNode = node.putObject("agent");
        agentNode.put("task_id", agent.taskId());
        agentNode.put("context_id", agent.contextId());
        ObjectNode agentTimings = agentNode.putObject("timings_ms");
        agent.timings().forEach(agentTimings::put);
      }
    }
    root.put("reading", report.reading());
    return root;
  }

  /** The {@code usage} section: tokens and cost per task, totals and a row per model. */
  private static void usage(ObjectNode root, TraceUsage usage) {
    ObjectNode node = root.putObject("usage");
    node.put("tasks", usage.tasks());
    node.put("unpriced_tasks", usage.unpricedTasks());
    node.putObject("input_tokens")
        .put("total", usage.totalInputTokens())
        .put("p50", usage.inputTokensPercentile(50))
        .put("p95", usage.inputTokensPercentile(95))
        .put("p99", usage.inputTokensPercentile(99));
    node.putObject("output_tokens")
        .put("total", usage.totalOutputTokens())
        .put("p50", usage.outputTokensPercentile(50))
        .put("p95", usage.outputTokensPercentile(95))
        .put("p99", usage.outputTokensPercentile(99));
    if (usage.costPercentile(50).isPresent()) {
      node.putObject("cost_usd")
          .put("total", usage.totalCostUsd())
          .put("p50", usage.costPercentile(50).getAsDouble())
          .put("p95", usage.costPercentile(95).getAsDouble())
          .put("p99", usage.costPercentile(99).getAsDouble());
    } else {
      node.putNull("cost_usd");
    }
    ArrayNode models = node.putArray("models");
    for (TraceUsage.ModelRow model : usage.models()) {
      models
          .addObject()
          .put("model", model.model())
          .put("tasks", model.tasks())
          .put("input_tokens", model.inputTokens())
          .put("output_tokens", model.outputTokens())
          .put("cost_usd", model.costUsd())
          .put("unpriced_tasks", model.unpricedTasks());
    }
  }
}
