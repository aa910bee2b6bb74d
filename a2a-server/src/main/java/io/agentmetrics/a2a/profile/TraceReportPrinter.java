package io.agentmetrics.a2a.profile;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToLongFunction;

/** Prints a {@link TraceReport} as text, in the style of the profiler's results block. */
final class TraceReportPrinter {

  private static final String STAGE_ROW = "%-26s %8s %10s %10s %10s %10s %10s %8s%n";
  private static final String USAGE_ROW = "  %-14s %14s %12s %12s %12s%n";
  private static final String MODEL_ROW = "  %-32s %7s %12s %12s %12s%n";
  private static final String SLOW_ROW = "  %-20s %10s %8s %8s %10s %10s %8s  %s%n";

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
        "   %,d lines: %,d %s, %,d %s, %,d skipped%s%n",
        parse.lines,
        parse.requestEvents,
        TraceEvent.REQUEST_EVENT,
        parse.agentEvents,
        TraceEvent.AGENT_EVENT,
        parse.skipped(),
        skippedDetail(parse));
    out.printf(
        Locale.ROOT,
        "   %,d requests, %,d with agent detail (%,d by id, %,d by log order), %,d agent details"
            + " unmatched%n",
        analysis.requests(),
        analysis.paired(),
        report.pairedById(),
        report.pairedByOrder(),
        report.unpairedAgents());
    out.println();
    out.println(ResultsPrinter.RULE);
    out.println("📈 PER-STAGE LATENCY (ms)");
    out.println(ResultsPrinter.RULE);
    out.printf(STAGE_ROW, "Stage", "Count", "Mean", "P50", "P95", "P99", "Max", "Share");
    for (TraceAnalysis.StageRow row : analysis.stageRows()) {
      StageSummary s = row.summary();
      String name = Stages.AGENT_STAGES.contains(s.name()) ? "  " + s.name() : s.name();
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
    report
        .overhead()
        .ifPresent(
            stats -> {
              out.println();
              out.printf(
                  Locale.ROOT,
                  "Non-LLM overhead (total − llm_invocation), %,d requests:%n",
                  stats.count());
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
          abbreviate(model.model(), 32),
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

  private void printSlowest(List<TraceCorrelator.Pair> slowest) {
    if (slowest.isEmpty()) {
      return;
    }
    out.println();
    out.println("🐢 SLOWEST REQUESTS (by total, ms)");
    out.printf(
        SLOW_ROW, "request_id", "total", "parse", "norm", "agent", "llm", "serial", "task_id");
    for (TraceCorrelator.Pair pair : slowest) {
      TraceEvent.Request request = pair.request();
      TraceEvent.Agent agent = pair.agent();
      Double llm = agent == null ? null : agent.timings().get(Stages.LLM_INVOCATION);
      out.printf(
          Locale.ROOT,
          SLOW_ROW,
          abbreviate(request.requestId(), 20),
          Formats.ms(request.stage(Stages.TOTAL)),
          Formats.ms(request.stage(Stages.JSON_PARSING)),
          Formats.ms(request.stage(Stages.MESSAGE_NORMALIZATION)),
          Formats.ms(request.stage(Stages.AGENT_PROCESSING)),
          llm == null ? "-" : Formats.ms(llm),
          Formats.ms(request.stage(Stages.RESPONSE_SERIALIZATION)),
          agent == null ? "-" : agent.taskId());
    }
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
