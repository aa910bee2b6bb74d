package io.agentmetrics.a2a.task;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.agentmetrics.a2a.store.StoreLimits;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tasks by id, bounded by count and by weight, the bytes each task retains (see {@link
 * StoreLimits}; Caffeine evicts those least likely to be read again, so when the store is full a
 * new task may go at once rather than an older one read often), and by a time-to-live after last
 * access. A task reports each change of its weight, and is weighed again then. Evictions are
 * counted, since an evicted task answers {@code -32001} afterwards. Eviction runs on the writing
 * thread right after each write, so concurrent writers can hold the store above its bounds by at
 * most what they wrote, and only until their writes return.
 *
 * <p>Thread-safe.
 */
final class TaskStore {

  private final Cache<String, TaskRecord> tasks;
  private final LongAdder evictions = new LongAdder();

  TaskStore(StoreLimits limits, Duration ttl, Ticker ticker) {
    this.tasks =
        limits
            .<String, TaskRecord>bound(Caffeine.newBuilder(), TaskRecord::weight)
            .expireAfterAccess(ttl)
            .ticker(ticker)
            .executor(Runnable::run)
            .removalListener(
                (String id, TaskRecord task, RemovalCause cause) -> {
                  if (cause.wasEvicted()) {
                    evictions.increment();
                  }
                })
            .build();
  }

  Optional<TaskRecord> find(String id) {
    return Optional.ofNullable(tasks.getIfPresent(id));
  }

  TaskRecord get(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new TaskException(
                    TaskException.Reason.NOT_FOUND,
                    "task " + id + " was not found; it may never have existed or has expired"));
  }

  /** Every task held, in no order; reading does not count as an access for expiry. */
  Collection<TaskRecord> all() {
    return tasks.asMap().values();
  }

  void put(TaskRecord task) {
    tasks.put(task.id(), task);
  }

  /** Weighs {@code task} again if it is still stored; what a task calls when its weight changes. */
  void reweigh(TaskRecord task) {
    tasks.asMap().replace(task.id(), task, task);
  }

  void remove(String id) {
    tasks.invalidate(id);
  }

  long evictionCount() {
    tasks.cleanUp();
    return evictions.sum();
  }

  long size() {
    tasks.cleanUp();
    return tasks.estimatedSize();
  }

  /** The retained bytes of the tasks held, as last weighed. */
  long bytes() {
    tasks.cleanUp();
    return tasks.asMap().values().stream().mapToLong(TaskRecord::weight).sum();
  }
}
