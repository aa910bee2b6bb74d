package io.agentmetrics.a2a.profile;

import io.agentmetrics.a2a.report.ChartData;
import io.agentmetrics.a2a.report.HtmlReport;
import io.agentmetrics.a2a.report.ReportModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Maps a profiling run to the HTML report. */
final class ProfileHtml {

  private ProfileHtml() {}

  static String render(RunResult result, List<StageSummary> stages, Instant finishedAt) {
    return HtmlReport.render(model(result, stages, finishedAt));
  }

  static ReportModel model(RunResult result, List<StageSummary> stages, Instant finishedAt) {
    ProfileSettings settings = result.settings();
    LatencyStats latency = LatencyStats.of(result.corrected());
    List<ReportModel.Card> cards = new ArrayList<>();
    cards.add(card("Requests", Long.toString(result.total()), result.failed() + " failed"));
    cards.add(
        card(
            "Throughput",
            Formats.ms(result.throughput()) + " req/s",
            settings.openLoop()
                ? "target " + Formats.ms(settings.rate()) + " req/s"
                : "closed loop"));
    cards.add(card("Median", Formats.ms(latency.median()) + " ms", ""));
    cards.add(card("P95", Formats.ms(latency.p95()) + " ms", ""));
    cards.add(card("P99", Formats.ms(latency.p99()) + " ms", ""));
    cards.add(card("Max", Formats.ms(latency.max()) + " ms", ""));
    if (result.ttft().getTotalCount() > 0) {
      cards.add(
          card(
              "TTFT P50",
              Formats.ms(LatencyStats.of(result.ttft()).median()) + " ms",
              "first SSE event"));
    }
    List<ReportModel.PercentileSeries> percentiles = new ArrayList<>();
    percentiles.add(
        ChartData.percentiles(
            settings.openLoop() ? "latency (corrected)" : "latency", result.corrected()));
    if (settings.openLoop()) {
      percentiles.add(ChartData.percentiles("uncorrected", result.uncorrected()));
    }
    if (result.ttft().getTotalCount() > 0) {
      percentiles.add(ChartData.percentiles("time to first event", result.ttft()));
    }
    List<ReportModel.TimePoint> timeline = new ArrayList<>();
    for (Sample sample : result.samples()) {
      timeline.add(
          new ReportModel.TimePoint(
              sample.intendedStartNanos() / 1e9,
              sample.correctedNanos() / 1e6,
              sample.succeeded()));
    }
    Map<String, Double> means = new LinkedHashMap<>();
    for (StageSummary stage : stages) {
      means.put(stage.name(), stage.meanMs());
    }
    return new ReportModel(
        "Profile report",
        settings.method()
            + " → "
            + settings.endpoint()
            + " · started "
            + Formats.timestamp(result.startedAt()),
        finishedAt,
        cards,
        ChartData.bins(result.corrected()),
        percentiles,
        timeline,
        "seconds since start",
        StageSegments.from(means),
        tables(result, stages),
        notes(result));
  }

  private static List<ReportModel.Table> tables(RunResult result, List<StageSummary> stages) {
    List<ReportModel.Table> tables = new ArrayList<>();
    boolean openLoop = result.settings().openLoop();
    boolean ttft = result.ttft().getTotalCount() > 0;
    List<String> headers =
        new ArrayList<>(List.of("Statistic (ms)", openLoop ? "Corrected" : "Latency"));
    List<LatencyStats> columns = new ArrayList<>(List.of(LatencyStats.of(result.corrected())));
    if (openLoop) {
      headers.add("Uncorrected");
      columns.add(LatencyStats.of(result.uncorrected()));
    }
    if (ttft) {
      headers.add("TTFT");
      columns.add(LatencyStats.of(result.ttft()));
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("Mean", columns, LatencyStats::mean));
    rows.add(row("Median", columns, LatencyStats::median));
    rows.add(row("Min", columns, LatencyStats::min));
    rows.add(row("Max", columns, LatencyStats::max));
    rows.add(row("Std Dev", columns, LatencyStats::stdDev));
    rows.add(row("P90", columns, LatencyStats::p90));
    rows.add(row("P95", columns, LatencyStats::p95));
    rows.add(row("P99", columns, LatencyStats::p99));
    rows.add(row("P99.9", columns, LatencyStats::p999));
    tables.add(new ReportModel.Table("Latency statistics", headers, rows));
    if (!stages.isEmpty()) {
      List<List<String>> stageRows = new ArrayList<>();
      for (StageSummary stage : stages) {
        stageRows.add(
            List.of(
                stage.name(),
                Long.toString(stage.count()),
                Formats.ms(stage.meanMs()),
                Formats.ms(stage.p50Ms()),
                Formats.ms(stage.p95Ms()),
                Formats.ms(stage.p99Ms()),
                Formats.ms(stage.maxMs())));
      }
      tables.add(
          new ReportModel.Table(
              "Server stages (ms, from /metrics/summary)",
              List.of("Stage", "Count", "Mean", "P50", "P95", "P99", "Max"),
              stageRows));
    }
    List<List<String>> outcomeRows = new ArrayList<>();
    outcomeRows.add(List.of("successful", Long.toString(result.successes())));
    result
        .failures()
        .forEach((cause, count) -> outcomeRows.add(List.of(cause.label(), Long.toString(count))));
    tables.add(new ReportModel.Table("Outcomes", List.of("Outcome", "Requests"), outcomeRows));
    ProfileSettings settings = result.settings();
    List<List<String>> settingRows = new ArrayList<>();
    settingRows.add(List.of("endpoint", settings.endpoint().toString()));
    settingRows.add(List.of("method", settings.method()));
    settingRows.add(
        List.of(
            "load",
            settings.duration() == null
                ? settings.requests() + " requests"
                : Formats.ms(settings.duration().toMillis() / 1000.0) + " s"));
    settingRows.add(List.of("concurrency", Integer.toString(settings.concurrency())));
    settingRows.add(
        List.of(
            "arrival",
            openLoop ? "open loop, " + Formats.ms(settings.rate()) + " req/s" : "closed loop"));
    settingRows.add(List.of("warm-up requests", Integer.toString(settings.warmup())));
    settingRows.add(List.of("timeout", Formats.duration(settings.timeout())));
    settingRows.add(List.of("duration", Formats.ms(result.elapsedNanos() / 1e9) + " s"));
    tables.add(new ReportModel.Table("Settings", List.of("Setting", "Value"), settingRows));
    return tables;
  }

  private static List<String> notes(RunResult result) {
    List<String> notes = new ArrayList<>();
    if (result.lag().saturated(result.total())) {
      notes.add(
          "The client fell behind its schedule: "
              + result.lag().lateStarts()
              + " of "
              + result.total()
              + " requests started more than "
              + LoadRun.LATE_START_NANOS / 1_000_000
              + " ms late (max "
              + Formats.ms(result.lag().maxLagNanos())
              + " ms). Latencies are measured from the intended start times.");
    }
    if (result.samplesTruncated()) {
      notes.add(
          "The timeline shows the first "
              + result.samples().size()
              + " requests; statistics and the other charts cover all "
              + result.total()
              + ".");
    }
    return notes;
  }

  private static ReportModel.Card card(String label, String value, String detail) {
    return new ReportModel.Card(label, value, detail);
  }

  private static List<String> row(
      String name, List<LatencyStats> columns, ToDoubleFunction<LatencyStats> f) {
    List<String> row = new ArrayList<>();
    row.add(name);
    for (LatencyStats stats : columns) {
      row.add(stats.count() == 0 ? "–" : Formats.ms(f.applyAsDouble(stats)));
    }
    return row;
  }
}
