package io.agentmetrics.a2a.profile;

import java.util.concurrent.locks.LockSupport;

/**
 * The monotonic clock the load generator schedules and measures with. Injected so tests can drive
 * the open-loop scheduler with scripted time instead of sleeping.
 */
interface NanoClock {

  /** The system clock: {@link System#nanoTime()} and {@link LockSupport#parkNanos(long)}. */
  NanoClock SYSTEM =
      new NanoClock() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
          long remaining;
          while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
              throw new InterruptedException("interrupted while waiting for the next send time");
            }
          }
        }
      };

  long nanoTime();

  /** Returns once {@link #nanoTime()} has reached {@code deadlineNanos}. */
  void sleepUntil(long deadlineNanos) throws InterruptedException;
}
