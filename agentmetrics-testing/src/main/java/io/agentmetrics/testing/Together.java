package io.agentmetrics.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the concurrency tests' tasks on threads of their own, all released at the same moment. */
final class Together {

  private Together() {}

  /**
   * Runs each of {@code tasks} on a thread of its own, releases them at once, and waits up to a
   * minute for each.
   *
   * @return the tasks' results, in task order
   * @throws java.util.concurrent.ExecutionException wrapping the first failure, in task order
   */
  static <T> List<T> run(List<? extends Callable<? extends T>> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<? extends T>> futures = new ArrayList<>();
      for (Callable<? extends T> task : tasks) {
        futures.add(
            executor.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<? extends T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      executor.shutdownNow();
    }
  }
}
