package io.agentmetrics.aggregator;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Picks a stripe for the calling thread. Each thread is numbered the first time it records into any
 * aggregator, so the first threads to record take different stripes; a stripe count is the cores
 * rounded up to a power of two, so that each core's thread may record into a stripe of its own.
 *
 * <p>Thread-safe.
 */
final class ThreadStripes {

  private static final int MAX_STRIPES = 64;
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** Each thread's number, in the order threads first record; an array, so reading never boxes. */
  private static final ThreadLocal<int[]> THREAD_NUMBER =
      ThreadLocal.withInitial(() -> new int[] {THREADS.getAndIncrement()});

  private ThreadStripes() {}

  /** The stripe count for this machine: its cores, rounded up to a power of two, at most 64. */
  static int forCores() {
    return powerOfTwoAtLeast(Runtime.getRuntime().availableProcessors());
  }

  /** {@code count} rounded up to a power of two, from 1 to 64. */
  static int powerOfTwoAtLeast(int count) {
    Checks.atLeast(count, 1, "stripe count");
    return Math.min(MAX_STRIPES, count == 1 ? 1 : Integer.highestOneBit(count - 1) << 1);
  }

  /** The calling thread's stripe among {@code mask + 1} stripes, a power of two. */
  static int current(int mask) {
    return THREAD_NUMBER.get()[0] & mask;
  }
}
