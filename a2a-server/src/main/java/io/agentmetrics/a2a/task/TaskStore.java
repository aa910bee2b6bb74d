package io.agentmetrics.a2a.task;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tasks by id, bounded by size (least recently used evicted first) and by a time-to-live after last
 * access. Evictions are counted, since an evicted task answers {@code -32001} afterwards. Eviction
 * runs on the writing thread right after each write, so concurrent writers can hold the size above
 * the maximum by at most their number, and only until their writes return.
 *
 * <p>Thread-safe.
 */
final class TaskStore {

  private final Cache<String, TaskRecord> tasks;
  private final LongAdder evictions = new LongAdder();

  TaskStore(long maxSize, Duration ttl, Ticker ticker) {
    this.tasks =
        Caffeine.newBuilder()
            .maximumSize(maxSize)
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
}
