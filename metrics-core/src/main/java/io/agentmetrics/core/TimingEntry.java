package io.agentmetrics.core;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.Preconditions;

/**
 * One phase on an execution's critical path, as returned by {@link
 * ExecutionTimingCollector#getCriticalPath()}.
 *
 * @param operation the phase or task name
 * @param durationMs how long it ran, in milliseconds; up to now if it is still running
 * @param startMs when it started, in milliseconds from the start of the execution
 * @param depth 0 for a top-level phase, 1 for its child, and so on
 * @since 0.1.0
 */
public record TimingEntry(String operation, double durationMs, double startMs, int depth) {

  /** Validates every field. */
  public TimingEntry {
    requireNonNull(operation, "operation");
    Preconditions.nonNegative(durationMs, "durationMs");
    Preconditions.nonNegative(startMs, "startMs");
    Preconditions.atLeast(depth, 0, "depth");
  }

  /** When it ended, in milliseconds from the start of the execution. */
  public double endMs() {
    return startMs + durationMs;
  }
}
