package io.agentmetrics.a2a.profile;

import io.agentmetrics.a2a.report.ChartData;
import io.agentmetrics.a2a.report.HtmlReport;
import io.agentmetrics.a2a.report.ReportModel;
import io.agentmetrics.a2a.stage.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a trace report to the HTML report: charts of the sends' {@code total}, the split of the
 * end-to-end time of the sends the shares cover, and the tokens and cost per task and per model.
 */
final class TraceHtml {

  private TraceHtml() {}

  static String render(TraceReport report, Instant generatedAt) {
    TraceAnalysis analysis = report.analysis();
    List<TraceAnalysis.StageRow> rows = analysis.stageRows();
    LatencyStats totals = LatencyStats.of(analysis.totals());
    List<ReportModel.Card> cards = new ArrayList<>();
    cards.add(
        new ReportModel.Card(
            "Sends",
            Long.toString(analysis.sends()),
            analysis.covered() + " covered, " + analysis.leftOutCount() + " left out"));
    cards.add(new ReportModel.Card("Median total", Formats.ms(totals.median()) + " ms", ""));
    cards.add(new ReportModel.Card("P99 total", Formats.ms(totals.p99()) + " ms", ""));
    report
        .overhead()
        .ifPresent(
            o ->
                cards.add(
                    new ReportModel.Card(
                        "Non-LLM P99",
                        Formats.ms(o.p99()) + " ms",
                        "end-to-end − llm_invocation")));
    long failed = analysis.goals().values().stream().filter(s -> s == GoalStatus.FAIL).count();
    long checked = analysis.goals().values().stream().filter(s -> s != GoalStatus.NO_DATA).count();
    cards.add(
        new ReportModel.Card(
            "Goals", (checked - failed) + " / " + checked + " pass", "p95 per stage"));

    TraceUsage usage = report.usage();
    usage
        .costPercentile(95)
        .ifPresent(
            p95 ->
                cards.add(
                    new ReportModel.Card(
                        "P95 cost per task",
                        Formats.usd(p95),
                        Formats.usd(usage.totalCostUsd()) + " in all")));
    if (usage.tasks() > 0) {
      cards.add(
          new ReportModel.Card(
              "P50 tokens per task",
              Formats.tokens(usage.inputTokensPercentile(50))
                  + " in / "
                  + Formats.tokens(usage.outputTokensPercentile(50))
                  + " out",
              usage.tasks() + " tasks with usage"));
    }

    List<ReportModel.PercentileSeries> percentiles = new ArrayList<>();
    percentiles.add(ChartData.percentiles("total", analysis.totals()));
    if (analysis.overhead().getTotalCount() > 0) {
      percentiles.add(ChartData.percentiles("non-LLM overhead", analysis.overhead()));
    }
    List<ReportModel.TimePoint> timeline = new ArrayList<>();
    for (double[] point : analysis.timeline()) {
      timeline.add(new ReportModel.TimePoint(point[0], point[1], true));
    }
    List<List<String>> stageRows = new ArrayList<>();
    for (TraceAnalysis.StageRow row : rows) {
      StageSummary s = row.summary();
      stageRows.add(
          List.of(
              s.name(),
              Long.toString(s.count()),
              Formats.ms(s.meanMs()),
              Formats.ms(s.p50Ms()),
              Formats.ms(s.p95Ms()),
              Formats.ms(s.p99Ms()),
              Formats.ms(s.maxMs()),
              Double.isNaN(row.share()) ? "–" : Formats.percent(row.share())));
    }
    List<List<String>> goalRows = new ArrayList<>();
    analysis
        .goals()
        .forEach(
            (goal, status) ->
                goalRows.add(
                    List.of(
                        goal.id(),
                        rows.stream()
                            .filter(r -> r.summary().name().equals(goal.id()))
                            .findFirst()
                            .map(r -> Formats.ms(r.summary().p95Ms()))
                            .orElse("–"),
                        "< " + Formats.ms(goal.goalMs().orElseThrow()),
                        status.label())));
    List<List<String>> slowRows = new ArrayList<>();
    for (TraceAnalysis.Send send : analysis.slowest()) {
      TraceEvent.Request request = send.pair().request();
      TraceEvent.Agent agent = send.pair().agent();
      boolean covered = !Double.isNaN(send.endToEndMs());
      double llmMs =
          agent != null && agent.timings().containsKey(Stage.LLM_INVOCATION.id())
              ? agent.stage(Stage.LLM_INVOCATION.id())
              : Double.NaN;
      boolean llm = !Double.isNaN(llmMs);
      slowRows.add(
          List.of(
              TraceReportPrinter.abbreviate(request.requestId(), 24),
              covered ? Formats.ms(send.endToEndMs()) : "left out",
              Formats.ms(request.stage(Stage.TOTAL.id())),
              agent == null || !agent.timings().containsKey(Stage.TASK_TOTAL.id())
                  ? "–"
                  : Formats.ms(agent.stage(Stage.TASK_TOTAL.id())),
              llm ? Formats.ms(llmMs) : "–",
              covered && llm ? Formats.ms(send.endToEndMs() - llmMs) : "–"));
    }
    List<List<String>> modelRows = new ArrayList<>();
    for (TraceUsage.ModelRow model : usage.models()) {
      modelRows.add(
          List.of(
              model.model(),
              Formats.tokens(model.tasks()),
              Formats.tokens(model.inputTokens()),
              Formats.tokens(model.outputTokens()),
              model.unpricedTasks() == model.tasks() ? "no price" : Formats.usd(model.costUsd())));
    }
    List<ReportModel.Table> tables = new ArrayList<>();
    if (!modelRows.isEmpty()) {
      tables.add(
          new ReportModel.Table(
              "Tokens and cost by model",
              List.of("Model", "Tasks", "Input tokens", "Output tokens", "Cost (USD)"),
              modelRows));
    }
    tables.addAll(
        List.of(
            new ReportModel.Table(
                "Per-stage latency (ms)",
                List.of(
                    "Stage", "Count", "Mean", "P50", "P95", "P99", "Max", "Share of end-to-end"),
                stageRows),
            new ReportModel.Table(
                "Performance goals (ms)", List.of("Stage", "P95", "Goal", "Result"), goalRows),
            new ReportModel.Table(
                "Slowest sends (ms)",
                List.of("request_id", "end-to-end", "total", "task_total", "llm", "non-LLM"),
                slowRows)));
    return HtmlReport.render(
        new ReportModel(
            "Trace report",
            report.source() + " · " + report.reading(),
            generatedAt,
            cards,
            ChartData.bins(analysis.totals()),
            percentiles,
            timeline,
            "request number (log order)",
            StageSegments.from(analysis.endToEndMeans()),
            tables,
            List.of()));
  }
}
