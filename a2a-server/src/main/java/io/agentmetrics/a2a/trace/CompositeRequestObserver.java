package io.agentmetrics.a2a.trace;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forwards to several observers; a throwing observer is counted and skipped. */
final class CompositeRequestObserver implements RequestObserver {

  private static final Logger logger = LoggerFactory.getLogger(CompositeRequestObserver.class);

  private final List<RequestObserver> observers;
  private final LongAdder failures = new LongAdder();

  CompositeRequestObserver(List<? extends RequestObserver> observers) {
    this.observers = List.copyOf(observers);
  }

  @Override
  public void onRequest(RequestLatency latency) {
    for (RequestObserver observer : observers) {
      try {
        observer.onRequest(latency);
      } catch (RuntimeException e) {
        dropped(observer, e);
      }
    }
  }

  @Override
  public void onAgentRun(AgentRunLatency latency) {
    for (RequestObserver observer : observers) {
      try {
        observer.onAgentRun(latency);
      } catch (RuntimeException e) {
        dropped(observer, e);
      }
    }
  }

  long failureCount() {
    return failures.sum();
  }

  private void dropped(RequestObserver observer, RuntimeException e) {
    failures.increment();
    logger.debug("request observer {} failed; timing dropped", observer.getClass().getName(), e);
  }
}
