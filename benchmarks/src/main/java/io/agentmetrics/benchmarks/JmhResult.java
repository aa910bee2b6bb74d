package io.agentmetrics.benchmarks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One benchmark's score from a JMH JSON result ({@code -rf json}).
 *
 * @param key the benchmark's class simple name and method, then its parameters if it has any:
 *     {@code "QueryBenchmark.aggregatedMetrics[window=HOUR]"}
 * @param threads the number of threads JMH ran it with
 * @param score the primary score: the mean over all measurement iterations
 * @param scoreError the half-width of the 99.9% confidence interval, NaN when JMH gives none
 * @param median the median of the measurement iterations' scores; on a machine shared with other
 *     work a burst of load inflates a few iterations, which moves the mean but not the median
 * @param unit the score's unit, such as {@code "ns/op"}
 * @param allocatedBytesPerOp {@code gc.alloc.rate.norm} from {@code -prof gc}, if present
 * @param cpuNanosPerOp {@value CpuTimeProfiler#METRIC} from {@link CpuTimeProfiler}, if present:
 *     the mean over the measurement iterations
 */
record JmhResult(
    String key,
    int threads,
    double score,
    double scoreError,
    double median,
    String unit,
    OptionalDouble allocatedBytesPerOp,
    OptionalDouble cpuNanosPerOp) {

  JmhResult {
    requireNonNull(key, "key");
    requireNonNull(unit, "unit");
    requireNonNull(allocatedBytesPerOp, "allocatedBytesPerOp");
    requireNonNull(cpuNanosPerOp, "cpuNanosPerOp");
  }

  /** The score in nanoseconds per operation; fails for a unit that is not a time per operation. */
  double nanosPerOp() {
    return score * nanosPer(unit);
  }

  /** The score error in nanoseconds per operation. */
  double errorNanosPerOp() {
    return scoreError * nanosPer(unit);
  }

  /** The median iteration in nanoseconds per operation. */
  double medianNanosPerOp() {
    return median * nanosPer(unit);
  }

  private double nanosPer(String perOpUnit) {
    return switch (perOpUnit) {
      case "ns/op" -> 1;
      case "us/op" -> 1e3;
      case "ms/op" -> 1e6;
      case "s/op" -> 1e9;
      default ->
          throw new IllegalArgumentException(
              key
                  + " is scored in "
                  + perOpUnit
                  + ", not a time per operation; run it in AverageTime or SampleTime mode");
    };
  }

  /**
   * Reads every benchmark of a JMH JSON result file.
   *
   * @throws IOException if the file cannot be read or is not JSON
   * @throws IllegalArgumentException if an entry lacks a field JMH always writes
   */
  static List<JmhResult> read(ObjectMapper mapper, Path file) throws IOException {
    JsonNode root = mapper.readTree(file.toFile());
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(
          file + " is not a JMH JSON result (an array of benchmarks); run JMH with -rf json");
    }
    List<JmhResult> results = new ArrayList<>();
    for (JsonNode entry : root) {
      results.add(parse(entry, file));
    }
    return results;
  }

  private static JmhResult parse(JsonNode entry, Path file) {
    String benchmark = required(entry, "benchmark", file).asText();
    JsonNode primary = required(entry, "primaryMetric", file);
    String key = shortName(benchmark) + params(entry.path("params"));
    double score = required(primary, "score", file).asDouble();
    double error = primary.path("scoreError").asDouble(Double.NaN);
    return new JmhResult(
        key,
        entry.path("threads").asInt(1),
        score,
        error,
        median(primary.path("rawData"), score),
        required(primary, "scoreUnit", file).asText(),
        allocation(entry.path("secondaryMetrics")),
        secondaryScore(entry.path("secondaryMetrics"), CpuTimeProfiler.METRIC));
  }

  private static JsonNode required(JsonNode node, String field, Path file) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(
          file + ": a benchmark entry has no '" + field + "'; is this a JMH -rf json file?");
    }
    return value;
  }

  /**
   * {@code io.agentmetrics.benchmarks.ExecutionBenchmark.floor} becomes {@code
   * ExecutionBenchmark.floor}.
   */
  private static String shortName(String benchmark) {
    int method = benchmark.lastIndexOf('.');
    int type = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
    return benchmark.substring(type + 1);
  }

  private static String params(JsonNode params) {
    if (!params.isObject() || params.isEmpty()) {
      return "";
    }
    Map<String, String> sorted = new TreeMap<>();
    params.properties().forEach(field -> sorted.put(field.getKey(), field.getValue().asText()));
    StringBuilder text = new StringBuilder("[");
    sorted.forEach(
        (name, value) -> {
          if (text.length() > 1) {
            text.append(',');
          }
          text.append(name).append('=').append(value);
        });
    return text.append(']').toString();
  }

  /** The median of every fork's iterations, or {@code score} when the file has no raw data. */
  private static double median(JsonNode rawData, double score) {
    List<Double> iterations = new ArrayList<>();
    for (JsonNode fork : rawData) {
      for (JsonNode iteration : fork) {
        iterations.add(iteration.asDouble());
      }
    }
    if (iterations.isEmpty()) {
      return score;
    }
    Collections.sort(iterations);
    int middle = iterations.size() / 2;
    return iterations.size() % 2 == 1
        ? iterations.get(middle)
        : (iterations.get(middle - 1) + iterations.get(middle)) / 2;
  }

  /** JMH 1.37 names it {@code gc.alloc.rate.norm}; older versions prefix a middle dot. */
  private static OptionalDouble allocation(JsonNode secondary) {
    for (String name : List.of("gc.alloc.rate.norm", "\u00b7gc.alloc.rate.norm")) {
      OptionalDouble score = secondaryScore(secondary, name);
      if (score.isPresent()) {
        return score;
      }
    }
    return OptionalDouble.empty();
  }

  private static OptionalDouble secondaryScore(JsonNode secondary, String name) {
    JsonNode metric = secondary.path(name).path("score");
    return metric.isNumber() ? OptionalDouble.of(metric.asDouble()) : OptionalDouble.empty();
  }
}
