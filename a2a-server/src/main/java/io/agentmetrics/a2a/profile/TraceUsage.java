package io.agentmetrics.a2a.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The tokens and cost of the agent runs in a trace log: totals, per-task percentiles and a row per
 * model, read from the {@code usage} of {@code agent_processing_detail} events. A task whose model
 * had no price counts in the tokens but not in the cost, and is counted as unpriced.
 *
 * <p>Percentiles are exact nearest-rank percentiles of the tasks: the value at rank {@code ceil(p /
 * 100 x n)} of the sorted values. Not thread-safe.
 */
final class TraceUsage {

  private final List<Long> inputTokens = new ArrayList<>();
  private final List<Long> outputTokens = new ArrayList<>();
  private final List<Double> costs = new ArrayList<>();
  private final Map<String, ModelRow> models = new LinkedHashMap<>();

  /** Counts the usage of {@code event}, if it is an agent event with usage. */
  void accept(TraceEvent event) {
    if (!(event instanceof TraceEvent.Agent agent) || agent.usage() == null) {
      return;
    }
    TraceEvent.Usage usage = agent.usage();
    inputTokens.add(usage.inputTokens());
    outputTokens.add(usage.outputTokens());
    Double cost = usage.costUsd();
    if (cost != null) {
      costs.add(cost);
    }
    models.merge(
        usage.model(),
        new ModelRow(
            usage.model(),
            1,
            usage.inputTokens(),
            usage.outputTokens(),
            cost == null ? 0 : cost,
            cost == null ? 1 : 0),
        ModelRow::plus);
  }

  /** How many tasks reported usage. */
  int tasks() {
    return inputTokens.size();
  }

  /** How many of them had no price. */
  int unpricedTasks() {
    return inputTokens.size() - costs.size();
  }

  long totalInputTokens() {
    return sum(inputTokens);
  }

  long totalOutputTokens() {
    return sum(outputTokens);
  }

  /** The cost of the priced tasks, in US dollars. */
  double totalCostUsd() {
    double total = 0;
    for (double cost : costs) {
      total += cost;
    }
    return total;
  }

  /** The {@code percentile}-th input tokens per task; 0 without tasks. */
  long inputTokensPercentile(int percentile) {
    return rank(inputTokens, percentile).orElse(0L);
  }

  /** The {@code percentile}-th output tokens per task; 0 without tasks. */
  long outputTokensPercentile(int percentile) {
    return rank(outputTokens, percentile).orElse(0L);
  }

  /** The {@code percentile}-th cost per priced task, or empty without one. */
  OptionalDouble costPercentile(int percentile) {
    return rank(costs, percentile).map(OptionalDouble::of).orElse(OptionalDouble.empty());
  }

  /** One row per model, in the order models first appear. */
  List<ModelRow> models() {
    return List.copyOf(models.values());
  }

  /** The usage of one model's tasks; {@code costUsd} covers the priced ones. */
  record ModelRow(
      String model,
      long tasks,
      long inputTokens,
      long outputTokens,
      double costUsd,
      long unpricedTasks) {

    ModelRow plus(ModelRow other) {
      return new ModelRow(
          model,
          tasks + other.tasks,
          inputTokens + other.inputTokens,
          outputTokens + other.outputTokens,
          costUsd + other.costUsd,
          unpricedTasks + other.unpricedTasks);
    }
  }

  private static long sum(List<Long> values) {
    long total = 0;
    for (long value : values) {
      total += value;
    }
    return total;
  }

  private static <T extends Comparable<T>> Optional<T> rank(List<T> values, int percentile) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<T> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return Optional.of(sorted.get(Math.max(rank, 1) - 1));
  }
}
