package io.agentmetrics.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads a JMH JSON result and the aggregator footprint samples, judges every performance target,
 * prints a table and writes a summary JSON.
 *
 * <p>Usage: {@code TargetCheck RESULTS_JSON FOOTPRINT_JSON SUMMARY_JSON}. A missing footprint file
 * leaves its target {@code MISSING}, as does a benchmark absent from the results, so a partial run
 * still reports what it measured. Exits 0 after writing the summary, whatever the verdicts, and 2
 * for bad arguments or unreadable input.
 *
 * <p>Not thread-safe; it is a one-shot command.
 *
 * @since 0.1.0
 */
public final class TargetCheck {

  /**
   * The targets: the library rows of issue 28 (the enhanced collector against the floor, Micrometer
   * and OpenTelemetry; two-thread ingest against the {@code Recorder}), held by the base collector
   * too, and issue 8's single-thread ingest, query and footprint targets.
   */
  static final List<Target> TARGETS =
      List.of(
          new Target.Ratio(
              "collector-vs-floor",
              "ExecutionBenchmark.enhancedCollector",
              "ExecutionBenchmark.nanoTimeFloor",
              2.5),
          new Target.Ratio(
              "collector-vs-micrometer",
              "ExecutionBenchmark.enhancedCollector",
              "ExecutionBenchmark.micrometerTimers",
              0.5),
          new Target.Ratio(
              "collector-vs-otel",
              "ExecutionBenchmark.enhancedCollector",
              "ExecutionBenchmark.openTelemetrySpans",
              0.5),
          new Target.Ratio(
              "base-collector-vs-floor",
              "ExecutionBenchmark.baseCollector",
              "ExecutionBenchmark.nanoTimeFloor",
              2.5),
          new Target.Ratio(
              "base-collector-vs-micrometer",
              "ExecutionBenchmark.baseCollector",
              "ExecutionBenchmark.micrometerTimers",
              0.5),
          new Target.Ratio(
              "base-collector-vs-otel",
              "ExecutionBenchmark.baseCollector",
              "ExecutionBenchmark.openTelemetrySpans",
              0.5),
          new Target.Ratio(
              "collector-vs-floor-cpu",
              "ExecutionBenchmark.enhancedCollector",
              "ExecutionBenchmark.nanoTimeFloor",
              2.5,
              Target.Basis.CPU),
          new Target.Ratio(
              "collector-vs-micrometer-cpu",
              "ExecutionBenchmark.enhancedCollector",
              "ExecutionBenchmark.micrometerTimers",
              0.5,
              Target.Basis.CPU),
          new Target.Ratio(
              "collector-vs-otel-cpu",
              "ExecutionBenchmark.enhancedCollector",
              "ExecutionBenchmark.openTelemetrySpans",
              0.5,
              Target.Basis.CPU),
          new Target.Ratio(
              "ingest-vs-recorder-2t-cpu",
              "IngestBenchmark.aggregatorTwoThreads",
              "IngestBenchmark.recorderTwoThreads",
              1.2,
              Target.Basis.CPU),
          new Target.Ratio(
              "ingest-vs-recorder-1t",
              "IngestBenchmark.aggregator",
              "IngestBenchmark.recorder",
              2.0),
          new Target.Ratio(
              "ingest-vs-recorder-2t",
              "IngestBenchmark.aggregatorTwoThreads",
              "IngestBenchmark.recorderTwoThreads",
              1.2),
          new Target.TimeLimit("query-hour", "QueryBenchmark.aggregatedMetrics[window=HOUR]", 1.0),
          new Target.FlatFootprint("footprint-flat", 0.10));

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TargetCheck() {}

  /**
   * Runs the check; see the class documentation for the arguments.
   *
   * @param args the results file, the footprint file and the summary file to write
   */
  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: TargetCheck RESULTS_JSON FOOTPRINT_JSON SUMMARY_JSON");
      System.exit(2);
    }
    try {
      run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), System.out);
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("TargetCheck: " + e.getMessage());
      System.exit(2);
    }
  }

  /**
   * Judges every target, prints the table to {@code out}, writes {@code summary} and returns the
   * verdicts in {@link #TARGETS} order.
   *
   * @throws IOException if an input cannot be read or the summary cannot be written
   */
  static List<Verdict> run(Path results, Path footprint, Path summary, PrintStream out)
      throws IOException {
    List<JmhResult> benchmarks = JmhResult.read(MAPPER, results);
    Map<String, JmhResult> byKey = new LinkedHashMap<>();
    for (JmhResult result : benchmarks) {
      byKey.put(result.key(), result);
    }
    List<FootprintSample> samples =
        Files.exists(footprint)
            ? MAPPER.readValue(footprint.toFile(), new TypeReference<List<FootprintSample>>() {})
            : List.of();
    List<Verdict> verdicts = new ArrayList<>();
    for (Target target : TARGETS) {
      verdicts.add(target.evaluate(byKey, samples));
    }
    printBenchmarks(benchmarks, out);
    printVerdicts(verdicts, out);
    Path parent = summary.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("verdicts", verdicts);
    document.put("benchmarks", benchmarks.stream().map(TargetCheck::toJson).toList());
    document.put("footprint", samples);
    MAPPER.writeValue(summary.toFile(), document);
    out.println("Summary written to " + summary);
    return verdicts;
  }

  /** Written by hand because Jackson needs an extra module for {@code OptionalDouble}. */
  private static Map<String, Object> toJson(JmhResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", result.key());
    json.put("threads", result.threads());
    json.put("score", result.score());
    json.put("scoreError", result.scoreError());
    json.put("median", result.median());
    json.put("unit", result.unit());
    if (result.allocatedBytesPerOp().isPresent()) {
      json.put("allocatedBytesPerOp", result.allocatedBytesPerOp().getAsDouble());
    }
    if (result.cpuNanosPerOp().isPresent()) {
      json.put("cpuNanosPerOp", result.cpuNanosPerOp().getAsDouble());
    }
    return json;
  }

  private static void printBenchmarks(List<JmhResult> benchmarks, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%-58s %3s %14s %12s %14s %10s %10s  %s%n",
        "Benchmark",
        "Thr",
        "Mean",
        "Error",
        "Median",
        "B/op",
        "CPU ns/op",
        "Unit");
    for (JmhResult result : benchmarks) {
      out.printf(
          Locale.ROOT,
          "%-58s %3d %14.3f %12.3f %14.3f %10s %10s  %s%n",
          result.key(),
          result.threads(),
          result.score(),
          result.scoreError(),
          result.median(),
          rounded(result.allocatedBytesPerOp()),
          rounded(result.cpuNanosPerOp()),
          result.unit());
    }
    out.println();
  }

  private static String rounded(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.0f", value.getAsDouble()) : "-";
  }

  private static void printVerdicts(List<Verdict> verdicts, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%-28s %-7s %10s %8s  %s%n",
        "Target",
        "Status",
        "Measured",
        "Limit",
        "Detail");
    for (Verdict verdict : verdicts) {
      out.printf(
          Locale.ROOT,
          "%-28s %-7s %10.3f %8.2f  %s%n",
          verdict.target(),
          verdict.status(),
          verdict.measured(),
          verdict.limit(),
          verdict.detail());
    }
    out.println();
  }
}
