package io.agentmetrics.a2a.trace;

import java.util.List;

/**
 * Receives the timings of every JSON-RPC request and every agent run. The server calls observers
 * after the response is written; an observer that throws is skipped for that call (the failure is
 * counted and logged at DEBUG), so observers can never break a request.
 *
 * <p>Implementations must be thread-safe and quick: they run on request and agent threads.
 *
 * @since 0.1.0
 */
public interface RequestObserver {

  /**
   * Called once per JSON-RPC request.
   *
   * @param latency the request's stage timings
   * @since 0.1.0
   */
  void onRequest(RequestLatency latency);

  /**
   * Called once per finished agent run.
   *
   * @param latency the run's stage timings
   * @since 0.1.0
   */
  void onAgentRun(AgentRunLatency latency);

  /**
   * An observer that forwards to each of {@code observers} in order.
   *
   * @param observers the observers
   * @return the composite
   * @since 0.1.0
   */
  static RequestObserver composite(List<? extends RequestObserver> observers) {
    return new CompositeRequestObserver(observers);
  }
}
