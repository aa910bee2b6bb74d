package io.agentmetrics.core;

import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.TimingBreakdown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the printable summary of {@link ExecutionTimingCollector#getSummary()}.
 *
 * <p>Stateless, and so thread-safe; the summary is a snapshot of the collector, which may be
 * changing on other threads.
 */
final class CollectorSummary {

  private CollectorSummary() {}

  /** The summary of {@code collector} now, with the keys its {@code getSummary()} documents. */
  static Map<String, Object> of(ExecutionTimingCollector collector) {
    TimingBreakdown breakdown = collector.getBreakdown();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("execution_id", collector.executionId().toString());
    summary.put("agent_name", collector.agentName());
    summary.put("total_ms", breakdown.totalMs());
    summary.put("efficiency_percent", breakdown.calculateEfficiency());
    summary.put("overhead_ms", breakdown.overheadMs());
    breakdown.ttftMs().ifPresent(ttft -> summary.put("ttft_ms", ttft));
    Map<String, Double> categories = new LinkedHashMap<>();
    for (PhaseCategory category : PhaseCategory.values()) {
      double ms = breakdown.categoryMs(category);
      if (ms > 0) {
        categories.put(category.id(), ms);
      }
    }
    summary.put("categories_ms", categories);
    summary.put("phases_ms", breakdown.phasesMs());
    List<String> running = new ArrayList<>();
    for (Phase phase : collector.phasesInStartOrder()) {
      if (phase.isRunning()) {
        running.add(phase.name);
      }
    }
    summary.put("running_phases", running);
    List<PerformanceMetric> snapshot = collector.getMetrics();
    summary.put("metric_count", snapshot.size());
    Map<String, Integer> byType = new LinkedHashMap<>();
    for (PerformanceMetric metric : snapshot) {
      byType.merge(metric.metricType().id(), 1, Integer::sum);
    }
    summary.put("metrics_by_type", byType);
    summary.put("dropped_metrics", collector.droppedMetrics());
    summary.put("completed", collector.isCompleted());
    return summary;
  }
}
