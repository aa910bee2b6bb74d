package io.agentmetrics.a2a.task;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds how many agent turns run at once, wherever they run: on the agent pool or on the thread of
 * the request that waits for them. A turn that finds every slot taken waits for one; callers that
 * wait in line are themselves bounded, and one too many is refused rather than queued.
 *
 * <p>Thread-safe.
 */
final class AgentSlots {

  private final Semaphore slots;
  private final int maxWaiting;
  private final AtomicInteger waiting = new AtomicInteger();

  AgentSlots(int slots, int maxWaiting) {
    this.slots = new Semaphore(slots, true);
    this.maxWaiting = maxWaiting;
  }

  /** Takes a slot, waiting as long as it takes: for turns already admitted by a bounded queue. */
  void acquire() throws InterruptedException {
    slots.acquire();
  }

  /**
   * Takes a slot, waiting in line for one unless {@code maxWaiting} callers already wait.
   *
   * @throws TaskException with reason {@code OVERLOADED} if the line is full
   */
  void acquireOrRefuse() throws InterruptedException {
    if (slots.tryAcquire()) {
      return;
    }
    if (waiting.incrementAndGet() > maxWaiting) {
      waiting.decrementAndGet();
      throw TaskException.queueFull(maxWaiting);
    }
    try {
      slots.acquire();
    } finally {
      waiting.decrementAndGet();
    }
  }

  void release() {
    slots.release();
  }

  /** Callers waiting in line in {@link #acquireOrRefuse()}. */
  int waiting() {
    return waiting.get();
  }
}
