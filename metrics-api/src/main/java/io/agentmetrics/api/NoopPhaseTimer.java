package io.agentmetrics.api;

import java.util.OptionalDouble;

/** The shared timer behind {@link PhaseTimer#noop()}. */
final class NoopPhaseTimer implements PhaseTimer {
  static final NoopPhaseTimer INSTANCE = new NoopPhaseTimer();

  private NoopPhaseTimer() {}

  @Override
  public String name() {
    return "noop";
  }

  @Override
  public boolean isRunning() {
    return false;
  }

  @Override
  public double elapsedMs() {
    return 0;
  }

  @Override
  public void annotate(String key, Object value) {}

  @Override
  public OptionalDouble stop() {
    return OptionalDouble.empty();
  }

  @Override
  public void close() {}
}
