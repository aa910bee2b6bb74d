package io.agentmetrics.testing;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.TimingBreakdown;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link CompletedExecution} by hand, phase by phase, the way a collector would report it:
 * each phase adds its duration to the breakdown under its name, and {@link #build()} adds the
 * {@link MetricType#TOTAL_EXECUTION} metric a collector records on completion. Category times and
 * overhead are given, since they depend on how phases overlap. Not thread-safe.
 */
final class ExecutionFixture {

  private final UUID executionId = UUID.randomUUID();
  private final String agentName;
  private final Instant start;
  private final long totalMs;
  private final TimingBreakdown.Builder breakdown = TimingBreakdown.builder();
  private final List<PhaseRecord> phases = new ArrayList<>();
  private final List<PerformanceMetric> metrics = new ArrayList<>();
  private final Map<String, Object> attributes = new LinkedHashMap<>();
  private ExecutionOutcome outcome = ExecutionOutcome.succeeded();

  /** An execution of {@code agentName} that lasted {@code totalMs} and ended at {@code end}. */
  ExecutionFixture(String agentName, Instant end, long totalMs) {
    this.agentName = agentName;
    this.start = end.minusMillis(totalMs);
    this.totalMs = totalMs;
    breakdown.totalMs((double) totalMs);
  }

  ExecutionFixture phase(
      int parentId,
      String name,
      @Nullable PhaseCategory category,
      long startMs,
      long durationMs,
      Map<String, Object> metadata) {
    return add(parentId, name, category, startMs, durationMs, false, false, metadata);
  }

  ExecutionFixture parallelTask(int parentId, String name, long startMs, long durationMs) {
    return add(parentId, name, null, startMs, durationMs, true, false, Map.of());
  }

  /** A phase that was still running at completion, closed by the collector. */
  ExecutionFixture closedPhase(
      String name, PhaseCategory category, long startMs, Map<String, Object> metadata) {
    return add(PhaseRecord.ROOT, name, category, startMs, totalMs - startMs, false, true, metadata);
  }

  ExecutionFixture categoryMs(PhaseCategory category, double ms) {
    breakdown.categoryMs(category, ms);
    return this;
  }

  ExecutionFixture overheadMs(double ms) {
    breakdown.overheadMs(ms);
    return this;
  }

  ExecutionFixture firstTokenAt(long ms) {
    breakdown.ttftMs((double) ms);
    return metric(MetricType.TTFT, (double) ms, ms, Map.of());
  }

  ExecutionFixture metric(MetricType type, double value, long atMs, Map<String, Object> metadata) {
    metrics.add(
        new PerformanceMetric(
            type, value, start.plusMillis(atMs), executionId, agentName, metadata));
    return this;
  }

  ExecutionFixture attribute(String key, Object value) {
    attributes.put(key, value);
    return this;
  }

  ExecutionFixture outcome(ExecutionOutcome outcome) {
    this.outcome = outcome;
    return this;
  }

  CompletedExecution build() {
    List<PerformanceMetric> all = new ArrayList<>(metrics);
    all.add(
        new PerformanceMetric(
            MetricType.TOTAL_EXECUTION,
            totalMs,
            start.plusMillis(totalMs),
            executionId,
            agentName,
            Map.of()));
    return new CompletedExecution(
        executionId, agentName, start, breakdown.build(), all, phases, outcome, attributes);
  }

  private ExecutionFixture add(
      int parentId,
      String name,
      @Nullable PhaseCategory category,
      long startMs,
      long durationMs,
      boolean parallel,
      boolean closedByCollector,
      Map<String, Object> metadata) {
    phases.add(
        new PhaseRecord(
            phases.size(),
            parentId,
            name,
            category,
            Duration.ofMillis(startMs).toNanos(),
            Duration.ofMillis(durationMs).toNanos(),
            parallel,
            closedByCollector,
            metadata));
    breakdown.addPhaseMs(name, (double) durationMs);
    return this;
  }
}
