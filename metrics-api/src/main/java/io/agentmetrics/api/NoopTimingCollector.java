package io.agentmetrics.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The shared collector behind {@link TimingCollector#noop()}: it keeps no state, so one instance
 * serves every caller on every thread, and no method allocates except {@link #complete} for a
 * failed outcome.
 */
final class NoopTimingCollector implements TimingCollector {

  static final NoopTimingCollector INSTANCE = new NoopTimingCollector();

  /** The nil UUID, as OpenTelemetry's no-op spans carry an all-zero, invalid span id. */
  static final UUID EXECUTION_ID = new UUID(0L, 0L);

  static final String AGENT_NAME = "noop";

  private static final CompletedExecution SUCCEEDED = completedWith(ExecutionOutcome.succeeded());

  private NoopTimingCollector() {}

  @Override
  public UUID executionId() {
    return EXECUTION_ID;
  }

  @Override
  public String agentName() {
    return AGENT_NAME;
  }

  @Override
  public PhaseTimer startPhase(String name) {
    return PhaseTimer.noop();
  }

  @Override
  public PhaseTimer startPhase(String name, Map<String, Object> metadata) {
    return PhaseTimer.noop();
  }

  @Override
  public OptionalDouble stopPhase(String name) {
    return OptionalDouble.empty();
  }

  @Override
  public double recordFirstToken() {
    return 0;
  }

  @Override
  public PhaseTimer startParallelTask(String name) {
    return PhaseTimer.noop();
  }

  @Override
  public OptionalDouble stopParallelTask(String name) {
    return OptionalDouble.empty();
  }

  @Override
  public void addMetric(MetricType type, double value) {}

  @Override
  public void addMetric(MetricType type, double value, Map<String, Object> metadata) {}

  @Override
  public PhaseTimer measure(String name, MetricType type) {
    return PhaseTimer.noop();
  }

  @Override
  public List<PerformanceMetric> getMetrics() {
    return List.of();
  }

  @Override
  public TimingBreakdown getBreakdown() {
    return SUCCEEDED.breakdown();
  }

  @Override
  public Map<String, Object> getSummary() {
    return Map.of();
  }

  @Override
  public CompletedExecution complete(@Nullable ExecutionOutcome outcome) {
    // A null outcome is misuse, which a no-op absorbs like every other: it never throws.
    if (outcome == null || outcome.success()) {
      return SUCCEEDED;
    }
    return completedWith(outcome);
  }

  private static CompletedExecution completedWith(ExecutionOutcome outcome) {
    return new CompletedExecution(
        EXECUTION_ID,
        AGENT_NAME,
        Instant.EPOCH,
        TimingBreakdown.empty(),
        List.of(),
        List.of(),
        outcome,
        Map.of());
  }

  @Override
  public String toString() {
    return "TimingCollector.noop()";
  }
}
