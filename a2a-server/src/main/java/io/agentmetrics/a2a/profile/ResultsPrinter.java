package io.agentmetrics.a2a.profile;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the PROFILING RESULTS block with the seed's labels and layout, followed by what the seed
 * did not have: throughput, the uncorrected latencies of an open-loop run, TTFT, the server's
 * per-stage breakdown, and a warning when the client could not keep its schedule.
 */
final class ResultsPrinter {

  static final String RULE = "=".repeat(60);
  private static final String TOP = "%-22s%s%n";
  private static final String NESTED = "  %-20s%s%n";

  private final PrintWriter out;

  ResultsPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(RunResult result, List<StageSummary> stages) {
    out.println();
    out.println(RULE);
    out.println("📈 PROFILING RESULTS");
    out.println(RULE);
    out.printf(TOP, "Total Requests:", result.total());
    out.printf(TOP, "Successful:", result.successes());
    out.printf(TOP, "Failed:", result.failed());
    for (Map.Entry<FailureCause, Long> failure : result.failures().entrySet()) {
      String label = failure.getKey().label() + ":";
      out.printf(NESTED, label.length() < 20 ? label : label + " ", failure.getValue());
    }
    out.printf(TOP, "Duration:", Formats.ms(result.elapsedNanos() / 1e9) + " s");
    ProfileSettings settings = result.settings();
    String throughput = Formats.ms(result.throughput()) + " req/s";
    if (settings.openLoop()) {
      throughput += " (target " + Formats.ms(settings.rate()) + " req/s)";
    }
    out.printf(TOP, "Throughput:", throughput);
    out.println();
    if (result.successes() == 0) {
      out.println("Latency Statistics (ms): no successful requests");
    } else {
      printLatency(result);
    }
    if (!stages.isEmpty()) {
      out.println();
      printStages(stages);
    }
    out.println(RULE);
    printScheduleWarning(result);
    out.flush();
  }

  private void printLatency(RunResult result) {
    LatencyStats stats = LatencyStats.of(result.latency());
    out.println("Latency Statistics (ms):");
    out.printf(NESTED, "Mean:", Formats.ms(stats.mean()));
    out.printf(NESTED, "Median:", Formats.ms(stats.median()));
    out.printf(NESTED, "Min:", Formats.ms(stats.min()));
    out.printf(NESTED, "Max:", Formats.ms(stats.max()));
    out.printf(NESTED, "Std Dev:", Formats.ms(stats.stdDev()));
    out.printf(NESTED, "P95:", Formats.ms(stats.p95()));
    out.printf(NESTED, "P99:", Formats.ms(stats.p99()));
    if (result.settings().openLoop()) {
      LatencyStats raw = LatencyStats.of(result.uncorrected());
      out.println();
      out.println("Uncorrected Latency (ms, from actual send):");
      out.printf(NESTED, "Median:", Formats.ms(raw.median()));
      out.printf(NESTED, "P95:", Formats.ms(raw.p95()));
      out.printf(NESTED, "P99:", Formats.ms(raw.p99()));
      out.printf(NESTED, "Max:", Formats.ms(raw.max()));
    }
    if (result.ttft().getTotalCount() > 0) {
      LatencyStats ttft = LatencyStats.of(result.ttft());
      out.println();
      out.println("Time to First Event (ms):");
      out.printf(NESTED, "Mean:", Formats.ms(ttft.mean()));
      out.printf(NESTED, "Median:", Formats.ms(ttft.median()));
      out.printf(NESTED, "P95:", Formats.ms(ttft.p95()));
      out.printf(NESTED, "P99:", Formats.ms(ttft.p99()));
      out.printf(NESTED, "Max:", Formats.ms(ttft.max()));
    }
  }

  private void printStages(List<StageSummary> stages) {
    out.println("Server Stages (ms, from /metrics/summary):");
    String row = "  %-24s %8s %10s %10s %10s %10s %10s%n";
    out.printf(row, "Stage", "Count", "Mean", "P50", "P95", "P99", "Max");
    for (StageSummary stage : stages) {
      out.printf(
          Locale.ROOT,
          row,
          stage.name(),
          stage.count(),
          Formats.ms(stage.meanMs()),
          Formats.ms(stage.p50Ms()),
          Formats.ms(stage.p95Ms()),
          Formats.ms(stage.p99Ms()),
          Formats.ms(stage.maxMs()));
    }
  }

  private void printScheduleWarning(RunResult result) {
    ScheduleLag lag = result.lag();
    if (!lag.saturated(result.total())) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "⚠ The client fell behind its schedule: %d of %d requests started more than %d ms late"
            + " (max %s ms).%n",
        lag.lateStarts(),
        result.total(),
        LoadRun.LATE_START_NANOS / 1_000_000,
        Formats.ms(lag.maxLagNanos()));
    int connections = result.settings().concurrency();
    String busy =
        switch (connections) {
          case 1 -> "The only connection was";
          case 2 -> "Both connections were";
          default -> "All " + connections + " connections were";
        };
    out.println(
        "  " + busy + " busy. Latencies are measured from the intended start times, so the wait");
    out.println("  counts against the server (coordinated omission corrected).");
    out.println(
        result.settings().warmup() == 0
            ? "  Raise --concurrency to offer the full rate, and --warmup to leave start-up out."
            : "  Raise --concurrency to offer the full rate.");
  }
}
