package io.agentmetrics.a2a.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The machine-readable form of a {@link TraceReport} ({@code trace-report --json}). Stage entries
 * have the same fields as {@code /metrics/summary} stages, plus {@code share_of_end_to_end}.
 *
 * <p>Version 2 sets each stage against the end-to-end time of the sends it covers, lists the sends
 * it leaves out, and counts requests other than sends apart (version 1 divided the mean of each
 * stage by the mean of {@code total} over all events, which read above 100% once non-blocking sends
 * or {@code tasks/get} were in the log).
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
      }
    }
    root.put("reading", report.reading());
    return root;
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

  private static void putNullable(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
