package io.agentmetrics.api;

import java.util.OptionalDouble;

/**
 * A running phase or parallel task, returned by {@link TimingCollector#startPhase(String)} and its
 * relatives. Closing it stops it, so it works with try-with-resources:
 *
 * <pre>{@code
 * try (PhaseTimer ignored = collector.measure("fetch_orders", MetricType.DATABASE_QUERY)) {
 *   orders = repository.findAll();
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe: a timer may be stopped from another thread than the one that
 * started it. Stopping twice is harmless.
 *
 * @since 0.1.0
 */
public interface PhaseTimer extends AutoCloseable {

  /** A timer that measures nothing: never running, zero elapsed, and {@link #stop()} is empty. */
  static PhaseTimer noop() {
    return NoopPhaseTimer.INSTANCE;
  }

  /** The phase or task name given when it was started. */
  String name();

  /** Whether the timer has not been stopped yet. */
  boolean isRunning();

  /** Milliseconds from the start to now (while running) or to the stop (once stopped). */
  double elapsedMs();

  /**
   * Attaches a metadata entry to this phase, for example the token counts of an LLM call that are
   * known only when it ends. Entries added after the phase was reported are ignored.
   */
  void annotate(String key, Object value);

  /**
   * Stops the timer.
   *
   * @return the duration in milliseconds, or empty if the timer was already stopped
   */
  OptionalDouble stop();

  /** Stops the timer if it is still running. Never throws. */
  @Override
  void close();
}
