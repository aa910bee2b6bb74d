package io.agentmetrics.a2a.task;

import io.agentmetrics.a2a.store.TaskRepository;
import io.agentmetrics.agent.concurrent.DaemonThreadFactory;
import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What keeps replicas sharing a task store in step: a listener that catches records up with the
 * changes of other replicas ({@link TaskRepository#listen}), the renewal of this replica's leases
 * every third of the lease, and a sweep, every half lease, that fails the tasks whose replica died
 * (their lease ran out). With a store no other process shares, each of these does nothing.
 *
 * <p>Thread-safe.
 */
final class TaskLeases implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(TaskLeases.class);
  private static final String ORPHANED = "The server running this task stopped; send it again.";

  private final TaskRepository repository;
  private final TaskStore store;
  private final TimeSource time;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(new DaemonThreadFactory("a2a-task-leases"));
  private final AutoCloseable listening;

  TaskLeases(TaskRepository repository, TaskStore store, TimeSource time, Duration lease) {
    this.repository = repository;
    this.store = store;
    this.time = time;
    this.listening = repository.listen(store::changedElsewhere);
    long renew = Math.max(1, lease.toMillis() / 3);
    long sweep = Math.max(1, lease.toMillis() / 2);
    // Neither task throws (each logs its failures), so their futures never hold one.
    Future<?> unusedRenewals =
        timer.scheduleWithFixedDelay(this::renew, renew, renew, TimeUnit.MILLISECONDS);
    Future<?> unusedSweeps =
        timer.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
  }

  private void renew() {
    try {
      repository.renewLeases();
    } catch (RuntimeException e) {
      logger.warn("could not renew the task leases of this server: {}", e.getMessage());
    }
  }

  /** Fails each task whose lease ran out; never throws, so the sweep runs again. */
  void sweep() {
    try {
      for (String id : repository.expiredLeases()) {
        try {
          if (store.failOrphan(id, ORPHANED, time.now())) {
            logger.warn("task {} failed: the server running it stopped", id);
          }
        } catch (TaskException e) {
          logger.debug("task {} could not be failed: {}", id, e.getMessage());
        }
      }
    } catch (RuntimeException e) {
      logger.warn("could not look for the tasks of stopped servers: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      listening.close();
    } catch (Exception e) {
      logger.debug("could not stop listening for task changes", e);
    }
  }
}
