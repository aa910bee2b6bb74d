package io.agentmetrics.a2a.profile;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.jspecify.annotations.Nullable;

/** Prints a {@link TraceReport} as text, in the style of the profiler's results block. */
final class TraceReportPrinter {

  private static final String STAGE_ROW = "%-26s %8s %10s %10s %10s %10s %10s %8s%n";
  private static final String USAGE_ROW = "  %-14s %14s %12s %12s %12s%n";
  private static final String MODEL_ROW = "  %-32s %7s %12s %12s %12s%n";
  private static final String SLOW_ROW = "  %-20s %10s %10s %8s %8s %10s %10s %8s  %s%n";

  /** How many left-out sends the text lists; {@code --json} lists more. */
  private static final int LISTED = 10;

  private final PrintWriter out;

  TraceReportPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(TraceReport report) {
    TraceLogParser.ParseStats parse = report.parse();
    TraceAnalysis analysis = report.analysis();
    out.println("📄 Trace report for " + report.source());
    out.printf(
        Locale.ROOT,
        "   %,d lines: %s (%s), %,d %s, %s%s, %,d skipped%s%n",
        parse.lines,
        Formats.count(parse.sendEvents, "send"),
        TraceEvent.SEND_EVENT,
        parse.agentEvents,
        TraceEvent.AGENT_EVENT,
        Formats.count(parse.otherRequests, "other request"),
        byMethod(parse),
        parse.skipped(),
        skippedDetail(parse));
    out.printf(
        Locale.ROOT,
        "   %s, %,d with agent detail (%,d by id, %,d by log order), %,d agent details"
            + " unmatched%n",
        Formats.count(analysis.sends(), "send"),
        analysis.withAgentDetail(),
        report.pairedById(),
        report.pairedByOrder(),
        report.unpairedAgents());
    printCoverage(analysis);
    out.println();
    out.println(ResultsPrinter.RULE);
    out.println("📈 PER-STAGE LATENCY (ms)");
    out.println(ResultsPrinter.RULE);
    out.printf(STAGE_ROW, "Stage", "Count", "Mean", "P50", "P95", "P99", "Max", "Share");
    for (TraceAnalysis.StageRow row : analysis.stageRows()) {
      StageSummary s = row.summary();
      String name = Stages.ofTask(s.name()) ? "  " + s.name() : s.name();
      out.printf(
          Locale.ROOT,
          STAGE_ROW,
          name,
          s.count(),
          Formats.ms(s.meanMs()),
          Formats.ms(s.p50Ms()),
          Formats.ms(s.p95Ms()),
          Formats.ms(s.p99Ms()),
          Formats.ms(s.maxMs()),
          Double.isNaN(row.share()) ? "-" : Formats.percent(row.share()));
    }
    if (analysis.covered() > 0) {
      out.printf(
          Locale.ROOT,
          "Share: of the end-to-end time of the %s covered (mean %s ms), each send's total"
              + " with%nagent_processing replaced by task_total where the task outlasted the"
              + " response.%n",
          Formats.count(analysis.covered(), "send"),
          Formats.ms(analysis.endToEndMeanMs()));
    }
    report
        .overhead()
        .ifPresent(
            stats -> {
              out.println();
              out.printf(
                  Locale.ROOT,
                  "Non-LLM overhead (end-to-end − llm_invocation), %s:%n",
                  Formats.count(stats.count(), "send"));
              out.printf(
                  "  P50: %s   P95: %s   P99: %s   Max: %s%n",
                  Formats.ms(stats.median()),
                  Formats.ms(stats.p95()),
                  Formats.ms(stats.p99()),
                  Formats.ms(stats.max()));
            });
    out.println();
    out.println("🎯 PERFORMANCE GOALS (p95 of each stage, excluding the LLM)");
    List<TraceAnalysis.StageRow> rows = analysis.stageRows();
    for (Map.Entry<StageGoal, StageGoal.Status> goal : analysis.goals().entrySet()) {
      StageGoal g = goal.getKey();
      String p95 =
          rows.stream()
              .filter(r -> r.summary().name().equals(g.stage()))
              .findFirst()
              .map(r -> "p95 " + Formats.ms(r.summary().p95Ms()) + " ms")
              .orElse("not traced");
      String mark =
          switch (goal.getValue()) {
            case PASS -> "✅ PASS   ";
            case FAIL -> "❌ FAIL   ";
            case NO_DATA -> "➖ NO DATA";
          };
      out.printf(
          Locale.ROOT,
          "  %s %-24s %-18s goal < %s ms%n",
          mark,
          g.stage(),
          p95,
          Formats.ms(g.limitMs()).replaceAll("\\.00$", ""));
    }
    printUsage(report.usage());
    printSlowest(analysis.slowest());
    out.println(ResultsPrinter.RULE);
    out.println("💡 " + report.reading());
    out.flush();
  }

  private void printUsage(TraceUsage usage) {
    if (usage.tasks() == 0) {
      return;
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "💰 TOKENS AND COST (per task, %,d tasks with usage, %,d unpriced)%n",
        usage.tasks(),
        usage.unpricedTasks());
    out.printf(USAGE_ROW, "", "Total", "P50", "P95", "P99");
    tokenRow("Input tokens", usage.totalInputTokens(), usage::inputTokensPercentile);
    tokenRow("Output tokens", usage.totalOutputTokens(), usage::outputTokensPercentile);
    if (usage.costPercentile(50).isPresent()) {
      out.printf(
          USAGE_ROW,
          "Cost (USD)",
          Formats.usd(usage.totalCostUsd()),
          Formats.usd(usage.costPercentile(50).getAsDouble()),
          Formats.usd(usage.costPercentile(95).getAsDouble()),
          Formats.usd(usage.costPercentile(99).getAsDouble()));
    }
    out.printf(MODEL_ROW, "Model", "Tasks", "Input", "Output", "Cost (USD)");
    for (TraceUsage.ModelRow model : usage.models()) {
      out.printf(
          Locale.ROOT,
          MODEL_ROW,
          Formats.printable(abbreviate(model.model(), 32)),
          Formats.tokens(model.tasks()),
          Formats.tokens(model.inputTokens()),
          Formats.tokens(model.outputTokens()),
          model.unpricedTasks() == model.tasks()
              ? "no price"
              : Formats.usd(model.costUsd()) + (model.unpricedTasks() > 0 ? " *" : ""));
    }
  }

  private void tokenRow(String label, long total, IntToLongFunction percentile) {
    out.printf(
        USAGE_ROW,
        label,
        Formats.tokens(total),
        Formats.tokens(percentile.applyAsLong(50)),
        Formats.tokens(percentile.applyAsLong(95)),
        Formats.tokens(percentile.applyAsLong(99)));
  }

  private void printCoverage(TraceAnalysis analysis) {
    if (analysis.leftOutCount() == 0) {
      out.printf(
          Locale.ROOT, "   Shares and overhead cover every send, each paired with its task.%n");
      return;
    }
    out.printf(
        Locale.ROOT,
        "   Shares and overhead cover %,d of the %s; %,d left out:%n",
        analysis.covered(),
        Formats.count(analysis.sends(), "send"),
        analysis.leftOutCount());
    List<TraceAnalysis.LeftOutSend> listed = analysis.leftOut();
    for (TraceAnalysis.LeftOutSend send : listed.subList(0, Math.min(listed.size(), LISTED))) {
      out.printf(
          Locale.ROOT,
          "     %s (line %,d): %s%n",
          Formats.printable(abbreviate(send.requestId(), 40)),
          send.line(),
          send.why().detail());
    }
    if (analysis.leftOutCount() > LISTED) {
      out.printf(
          Locale.ROOT,
          "     … and %,d more; in all %s; --json lists the first %,d%n",
          analysis.leftOutCount() - LISTED,
          reasons(analysis.leftOutByReason()),
          TraceAnalysis.MAX_LISTED);
    }
  }

  private static String reasons(Map<SendCheck.Reason, Long> byReason) {
    StringBuilder text = new StringBuilder();
    byReason.forEach((reason, count) -> part(text, count, reason.key()));
    return text.toString();
  }

  private void printSlowest(List<TraceAnalysis.Send> slowest) {
    if (slowest.isEmpty()) {
      return;
    }
    out.println();
    out.println("🐢 SLOWEST SENDS (by end-to-end time, or total when left out; ms)");
    out.printf(
        SLOW_ROW,
        "request_id",
        "total",
        "task",
        "parse",
        "norm",
        "agent",
        "llm",
        "serial",
        "task_id");
    for (TraceAnalysis.Send send : slowest) {
      TraceEvent.Request request = send.pair().request();
      TraceEvent.Agent agent = send.pair().agent();
      out.printf(
          Locale.ROOT,
          SLOW_ROW,
          Formats.printable(abbreviate(request.requestId(), 20)),
          Formats.ms(request.stage(Stages.TOTAL)),
          agentStage(agent, Stages.TASK_TOTAL),
          Formats.ms(request.stage(Stages.JSON_PARSING)),
          Formats.ms(request.stage(Stages.MESSAGE_NORMALIZATION)),
          Formats.ms(request.stage(Stages.AGENT_PROCESSING)),
          agentStage(agent, Stages.LLM_INVOCATION),
          Formats.ms(request.stage(Stages.RESPONSE_SERIALIZATION)),
          agent == null ? "-" : Formats.printable(agent.taskId()));
    }
  }

  private static String agentStage(TraceEvent.@Nullable Agent agent, String stage) {
    return agent == null || !agent.timings().containsKey(stage)
        ? "-"
        : Formats.ms(agent.stage(stage));
  }

  private static String byMethod(TraceLogParser.ParseStats parse) {
    StringBuilder detail = new StringBuilder();
    parse.otherRequestsByMethod.forEach(
        (method, count) -> part(detail, count, Formats.printable(abbreviate(method, 40))));
    return detail.length() == 0 ? "" : " (" + detail + ")";
  }

  private static String skippedDetail(TraceLogParser.ParseStats parse) {
    StringBuilder detail = new StringBuilder();
    part(detail, parse.notJson, "not JSON");
    part(detail, parse.otherEvents, "other JSON");
    part(detail, parse.malformed, "malformed");
    part(detail, parse.truncated, "truncated");
    part(detail, parse.oversized, "too long");
    return detail.length() == 0 ? "" : " (" + detail + ")";
  }

  private static void part(StringBuilder detail, long count, String what) {
    if (count > 0) {
      if (detail.length() > 0) {
        detail.append(", ");
      }
      detail.append(String.format(Locale.ROOT, "%,d %s", count, what));
    }
  }

  static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
