package io.agentmetrics.a2a.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The machine-readable form of a {@link TraceReport} ({@code trace-report --json}). Stage entries
 * have the same fields as {@code /metrics/summary} stages, plus {@code share_of_end_to_end}.
 *
 * <p>Version 2 sets each stage against the end-to-end time of the sends it covers, lists the sends
 * it leaves out, and counts requests other than sends apart (version 1 divided the mean of each
 * stage by the mean of {@code total} over all events, which read above 100% once non-blocking sends
 * or {@code tasks/get} were in the log). Its {@code usage} section holds the tokens and cost per
 * task (totals, nearest-rank p50/p95/p99, a row per model) of every agent event that reported
 * usage, paired with a send or not, and each slowest send's agent detail carries its own {@code
 * usage}.
 */
final class TraceReportJson {

  static final String SCHEMA = "agentmetrics.trace-report/v2";

  private TraceReportJson() {}

  static ObjectNode toJson(TraceReport report) {
    ObjectNode root = ProfileJson.mapper().createObjectNode();
    root.put("schema", SCHEMA);
    root.put("source", report.source());
    TraceLogParser.ParseStats parse = report.parse();
    ObjectNode input = root.putObject("input");
    input.put("lines", parse.lines);
    input.put("send_events", parse.sendEvents);
    input.put("agent_events", parse.agentEvents);
    ObjectNode others = input.putObject("other_requests");
    others.put("count", parse.otherRequests);
    ObjectNode byMethod = others.putObject("by_method");
    parse.otherRequestsByMethod.forEach(byMethod::put);
    ObjectNode skipped = input.putObject("skipped");
    skipped.put("not_json", parse.notJson);
    skipped.put("other_json", parse.otherEvents);
    skipped.put("malformed", parse.malformed);
    skipped.put("truncated", parse.truncated);
    skipped.put("too_long", parse.oversized);
    TraceAnalysis analysis = report.analysis();
    ObjectNode correlation = root.putObject("correlation");
    correlation.put("sends", analysis.sends());
    correlation.put("with_agent_detail", analysis.withAgentDetail());
    correlation.put("by_id", report.pairedById());
    correlation.put("by_order", report.pairedByOrder());
    correlation.put("unmatched_agent_details", report.unpairedAgents());
    ObjectNode endToEnd = root.putObject("end_to_end");
    endToEnd.put("sends", analysis.covered());
    putNullable(endToEnd, "mean_ms", analysis.endToEndMeanMs());
    leftOut(root.putObject("left_out"), analysis);
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
      putNullable(stage, "share_of_end_to_end", row.share());
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
    for (TraceAnalysis.Send send : analysis.slowest()) {
      TraceEvent.Request request = send.pair().request();
      ObjectNode node = slowest.addObject();
      node.put("request_id", request.requestId());
      node.put("method", request.method());
      node.put("line", request.line());
      putNullable(node, "end_to_end_ms", send.endToEndMs());
      ObjectNode timings = node.putObject("timings_ms");
      request.timings().forEach(timings::put);
      TraceEvent.Agent agent = send.pair().agent();
      if (agent == null) {
        node.putNull("agent");
      } else {
        ObjectNode agentNode = node.putObject("agent");
        agentNode.put("task_id", agent.taskId());
        agentNode.put("context_id", agent.contextId());
        ObjectNode agentTimings = agentNode.putObject("timings_ms");
        agent.timings().forEach(agentTimings::put);
        agentUsage(agentNode, agent.usage());
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

  /** An agent event's own {@code usage}, as the log gave it; null when the provider gave none. */
  private static void agentUsage(ObjectNode agentNode, TraceEvent.@Nullable Usage usage) {
    if (usage == null) {
      agentNode.putNull("usage");
      return;
    }
    ObjectNode node =
        agentNode
            .putObject("usage")
            .put("model", usage.model())
            .put("input_tokens", usage.inputTokens())
            .put("output_tokens", usage.outputTokens());
    Double cost = usage.costUsd();
    putNullable(node, "cost_usd", cost == null ? Double.NaN : cost);
  }

  private static void leftOut(ObjectNode node, TraceAnalysis analysis) {
    node.put("count", analysis.leftOutCount());
    ObjectNode byReason = node.putObject("by_reason");
    analysis.leftOutByReason().forEach((reason, count) -> byReason.put(reason.key(), count));
    ArrayNode sends = node.putArray("sends");
    for (TraceAnalysis.LeftOutSend send : analysis.leftOut()) {
      sends
          .addObject()
          .put("request_id", send.requestId())
          .put("line", send.line())
          .put("reason", send.why().reason().key())
          .put("detail", send.why().detail());
    }
    node.put("listed_all", analysis.leftOut().size() == analysis.leftOutCount());
  }

  /** Puts {@code value}, or null when it is NaN (no value). */
  private static void putNullable(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
