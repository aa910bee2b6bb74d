package io.agentmetrics.supervisor.otel;

import java.util.UUID;

/**
 * Decides which executions are exported as traces, from their id alone: the same execution gets the
 * same answer on every replica and every retry, like OpenTelemetry's {@code TraceIdRatioBased}
 * sampler does with trace ids. Thread-safe (immutable).
 */
final class TraceRatio {

  private static final double TWO_TO_63 = 0x1.0p63;

  private final double ratio;
  private final long threshold;

  TraceRatio(double ratio) {
    if (!(ratio >= 0.0 && ratio <= 1.0)) {
      throw new IllegalArgumentException("ratio must be between 0.0 and 1.0, got " + ratio);
    }
    this.ratio = ratio;
    this.threshold = (long) (ratio * TWO_TO_63);
  }

  boolean isSampled(UUID executionId) {
    if (ratio >= 1.0) {
      return true;
    }
    // Random UUIDs carry fixed version and variant bits; mixing spreads the rest uniformly.
    long hash = mix(executionId.getMostSignificantBits() ^ executionId.getLeastSignificantBits());
    return (hash >>> 1) < threshold;
  }

  /**
   * The SplitMix64 finalizer: a bijective mix in which every input bit affects every output bit.
   */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
