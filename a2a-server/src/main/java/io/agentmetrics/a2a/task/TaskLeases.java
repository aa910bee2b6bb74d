package io.agentmetrics.a2a.task;

import io.agentmetrics.a2a.store.TaskRepository;
import io.agentmetrics.agent.concurrent.DaemonThreadFactory;
import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What keeps replicas sharing a task store in step: a listener that catches records up with the
 * changes of other replicas ({@link TaskRepository#listen}), and all it missed whenever it listens
 * again, the renewal of this replica's leases every third of the lease, and a sweep, every half
 * lease, that stores the ends of turns that ended here while the store was down ({@link
 * #storeLater}) and fails the tasks whose replica died (their lease ran out). With a store no other
 * process shares, each of these does nothing.
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
  private final Set<TaskRecord> unstored = ConcurrentHashMap.newKeySet();

  TaskLeases(TaskRepository repository, TaskStore store, TimeSource time, Duration lease) {
    this.repository = repository;
    this.store = store;
    this.time = time;
    this.listening = repository.listen(store::changedElsewhere, store::changedUnseen);
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

  /**
   * Stores the end of the turn that {@code record} {@linkplain TaskRecord#abandon abandoned} at the
   * next sweep, and at each after until the store takes it: so the task does not stay working in
   * the store while this replica, which keeps its lease, lives.
   */
  void storeLater(TaskRecord record) {
    unstored.add(record);
  }

  /**
   * Stores the ends of abandoned turns, then fails each task whose lease ran out; never throws, so
   * the sweep runs again.
   */
  void sweep() {
    storeEnds();
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

  private void storeEnds() {
    for (Iterator<TaskRecord> pending = unstored.iterator(); pending.hasNext(); ) {
      TaskRecord record = pending.next();
      try {
        record.storeEnd();
        pending.remove();
        logger.info("task {}: the end of its turn is stored, the task store is back", record.id());
      } catch (TaskException e) {
        if (e.reason() == TaskException.Reason.OVERLOADED) {
          // The store is still down: the rest wait for the next sweep as well.
          logger.debug("task {}: its end is not stored yet: {}", record.id(), e.getMessage());
          return;
        }
        pending.remove();
        logger.warn(
            "task {}: the end of its turn cannot be stored: {}", record.id(), e.getMessage());
      }
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
