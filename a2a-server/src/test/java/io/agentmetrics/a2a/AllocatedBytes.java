package io.agentmetrics.a2a;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures what an action allocates on the calling thread, through HotSpot's per-thread allocation
 * counter. Allocation bounds what an action holds at any moment: everything it holds beyond what
 * existed before, it allocated.
 */
public final class AllocatedBytes {

  private static final int WARM_UPS = 3;
  private static final int RUNS = 5;

  private AllocatedBytes() {}

  /**
   * The fewest bytes {@code action} allocated in {@value #RUNS} runs after {@value #WARM_UPS}
   * warm-up runs, so that class loading and first-call caches are not counted. Skips the test on a
   * JVM without the counter.
   *
   * @param action the action to measure
   * @return the bytes it allocated in its leanest run
   */
  public static long fewest(Runnable action) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(
        bean instanceof com.sun.management.ThreadMXBean counting
            && counting.isThreadAllocatedMemorySupported()
            && counting.isThreadAllocatedMemoryEnabled(),
        "this JVM does not count the bytes a thread allocates");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    long thread = Thread.currentThread().getId();
    for (int i = 0; i < WARM_UPS; i++) {
      action.run();
    }
    long fewest = Long.MAX_VALUE;
    for (int i = 0; i < RUNS; i++) {
      long before = threads.getThreadAllocatedBytes(thread);
      action.run();
      fewest = Math.min(fewest, threads.getThreadAllocatedBytes(thread) - before);
    }
    return fewest;
  }
}
