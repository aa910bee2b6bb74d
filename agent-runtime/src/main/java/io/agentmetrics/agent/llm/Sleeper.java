package io.agentmetrics.agent.llm;

import java.time.Duration;

/** Waits; injected so that tests of backoff and simulated latency need not really sleep. */
@FunctionalInterface
interface Sleeper {

  /** Sleeps with {@link Thread#sleep}. */
  Sleeper SYSTEM =
      duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
      };

  /** Waits for {@code duration}; returns early only by throwing when interrupted. */
  void sleep(Duration duration) throws InterruptedException;
}
