package io.agentmetrics.a2a.task;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admission to the agent: at most {@code slots} turns run at once, wherever they run (on the agent
 * pool or on the thread of a caller that waits for them, at most {@code callerTurns} of those), and
 * a turn that finds every slot taken waits in line only if the line can start it before the
 * deadline. The line is bounded twice: by its length ({@code capacity}) and by its expected wait,
 * the turns ahead divided among the slots times the mean time a turn takes (an exponentially
 * weighted moving average of the last turns). A turn refused either way is refused at once, so no
 * caller ever waits to learn that the server is busy.
 *
 * <p>Thread-safe.
 */
final class AgentQueue {

  /** Weight of the newest turn in the moving mean: 1/8, about the last eight turns. */
  private static final int MEAN_SHIFT = 3;

  private final int slotCount;
  private final Semaphore slots;
  private final Semaphore callerSlots;
  private final int capacity;
  private final long timeoutNanos;
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicLong meanTurnNanos = new AtomicLong();

  AgentQueue(int slots, int callerTurns, int capacity, Duration timeout) {
    this.slotCount = slots;
    this.slots = new Semaphore(slots, true);
    this.callerSlots = new Semaphore(Math.min(slots, callerTurns));
    this.capacity = capacity;
    this.timeoutNanos = timeout.toNanos();
  }

  /**
   * Takes a slot for a turn to run on the caller's thread, if one is free now and no admitted turn
   * waits for it; {@link #releaseCallerSlot()} gives it back.
   */
  boolean tryCallerSlot() {
    if (waiting.get() > 0 || !callerSlots.tryAcquire()) {
      return false;
    }
    if (slots.tryAcquire()) {
      return true;
    }
    callerSlots.release();
    return false;
  }

  void releaseCallerSlot() {
    slots.release();
    callerSlots.release();
  }

  /**
   * Lets a turn wait for a slot, or refuses it at once.
   *
   * @throws TaskException with reason {@code OVERLOADED} if the line is full, or if the turns ahead
   *     would keep this one waiting past the deadline
   */
  void admit() {
    int position = waiting.incrementAndGet();
    if (position > capacity) {
      waiting.decrementAndGet();
      throw TaskException.queueFull(capacity);
    }
    long expected = expectedWaitNanos(position);
    if (expected > timeoutNanos) {
      waiting.decrementAndGet();
      throw TaskException.queueTooSlow(Duration.ofNanos(expected), Duration.ofNanos(timeoutNanos));
    }
  }

  /** An admitted turn stops waiting: it got its slot, or was cancelled before it did. */
  void leave() {
    waiting.decrementAndGet();
  }

  /** Waits for a slot: for a turn already admitted. */
  void acquire() throws InterruptedException {
    slots.acquire();
  }

  void release() {
    slots.release();
  }

  /** Whether a turn that waited {@code waitedNanos} for its slot started too late to run. */
  boolean missedDeadline(long waitedNanos) {
    return waitedNanos > timeoutNanos;
  }

  /** Counts a turn that took {@code nanos} with the agent into the mean. */
  void turnTook(long nanos) {
    long took = Math.max(0, nanos);
    meanTurnNanos.accumulateAndGet(
        took, (mean, next) -> mean == 0 ? Math.max(1, next) : mean + ((next - mean) >> MEAN_SHIFT));
  }

  /** Turns admitted that have not started yet. */
  int waiting() {
    return waiting.get();
  }

  /**
   * The wait of the turn at {@code position} in line: none while a slot is free for it, otherwise
   * one mean turn for each round of {@code slots} turns that must end before it starts. Before any
   * turn has ended the mean is unknown and only the line's length bounds it.
   */
  long expectedWaitNanos(int position) {
    int beyondFree = position - slots.availablePermits();
    if (beyondFree <= 0) {
      return 0;
    }
    long rounds = ((long) beyondFree + slotCount - 1) / slotCount;
    return rounds * meanTurnNanos.get();
  }
}
