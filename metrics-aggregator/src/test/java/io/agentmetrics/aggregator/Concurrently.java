package io.agentmetrics.aggregator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one task on several threads at once, released together, for concurrency tests. */
final class Concurrently {

  private final ExecutorService pool;
  private final List<Future<?>> running = new ArrayList<>();

  private Concurrently(int threads, Task task) {
    this.pool = Executors.newFixedThreadPool(threads);
    CyclicBarrier start = new CyclicBarrier(threads);
    for (int t = 0; t < threads; t++) {
      running.add(
          pool.submit(
              () -> {
                start.await();
                task.run();
                return null;
              }));
    }
  }

  /** Starts {@code task} on {@code threads} threads of a pool of their own. */
  static Concurrently start(int threads, Task task) {
    return new Concurrently(threads, task);
  }

  /** Runs {@code task} on {@code threads} threads and waits for all of them. */
  static void run(int threads, Task task) throws Exception {
    start(threads, task).await();
  }

  /** Whether every thread has finished. */
  boolean isDone() {
    return running.stream().allMatch(Future::isDone);
  }

  /** Waits for every thread, rethrows the first failure, and stops the pool. */
  void await() throws Exception {
    try {
      for (Future<?> thread : running) {
        thread.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** What each thread runs. */
  @FunctionalInterface
  interface Task {
    void run() throws Exception;
  }
}
