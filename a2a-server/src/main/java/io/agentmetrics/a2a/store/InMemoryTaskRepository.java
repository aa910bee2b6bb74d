package io.agentmetrics.a2a.store;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Tasks in this process, bounded by count and by weight, the bytes each task retains (see {@link
 * StoreLimits}; Caffeine evicts those least likely to be read again, so when the store is full a
 * new task may go at once rather than an older one read often), and by a time-to-live after last
 * access. Each write stores a new immutable value, weighed then. Eviction runs on the writing
 * thread right after each write, so concurrent writers can hold the store above its bounds by at
 * most what they wrote, and only until their writes return.
 *
 * <p>Thread-safe: versions are compared and replaced atomically per task.
 *
 * @since 0.1.0
 */
public final class InMemoryTaskRepository implements TaskRepository {

  private final Cache<String, StoredTask> tasks;
  private final LongAdder evictions = new LongAdder();

  /**
   * A store with the given bounds.
   *
   * @param limits the most tasks and retained bytes kept
   * @param ttl how long a task is kept after it was last read or written
   * @param ticker the time the time-to-live is measured in
   * @since 0.1.0
   */
  public InMemoryTaskRepository(StoreLimits limits, Duration ttl, Ticker ticker) {
    requireNonNull(limits, "limits");
    this.tasks =
        limits
            .<String, StoredTask>bound(Caffeine.newBuilder(), StoredTask::retainedBytes)
            .expireAfterAccess(requireNonNull(ttl, "ttl"))
            .ticker(requireNonNull(ticker, "ticker"))
            .executor(Runnable::run)
            .removalListener(
                (@Nullable String id, @Nullable StoredTask task, RemovalCause cause) -> {
                  if (cause.wasEvicted()) {
                    evictions.increment();
                  }
                })
            .build();
  }

  @Override
  public StoredTask create(StoredTask task) {
    StoredTask stored = task.withVersion(1);
    if (tasks.asMap().putIfAbsent(stored.id(), stored) != null) {
      throw new IllegalArgumentException("task " + stored.id() + " is stored already");
    }
    return stored;
  }

  @Override
  public Optional<StoredTask> find(String id) {
    return Optional.ofNullable(tasks.getIfPresent(id));
  }

  @Override
  public Optional<StoredTask> update(StoredTask current, StoredTask next) {
    AtomicReference<StoredTask> written = new AtomicReference<>();
    tasks
        .asMap()
        .computeIfPresent(
            current.id(),
            (id, stored) -> {
              if (stored.version() != current.version()
                  || (StoredTask.isFinal(stored.state()) && stored.state() != next.state())) {
                return stored;
              }
              written.set(next.withVersion(stored.version() + 1));
              return written.get();
            });
    return Optional.ofNullable(written.get());
  }

  @Override
  public TaskSlice list(TaskFilter filter) {
    List<StoredTask> matching = new ArrayList<>();
    for (StoredTask task : tasks.asMap().values()) {
      if (filter.matches(task)) {
        matching.add(task);
      }
    }
    matching.sort(StoredTask.LISTING_ORDER);
    int start = 0;
    TaskFilter.Position after = filter.after();
    if (after != null) {
      while (start < matching.size()
          && TaskFilter.Position.ORDER.compare(matching.get(start).position(), after) <= 0) {
        start++;
      }
    }
    int end = Math.min(matching.size(), start + filter.limit());
    return new TaskSlice(matching.subList(start, end), matching.size(), end < matching.size());
  }

  @Override
  public boolean delete(String id) {
    return tasks.asMap().remove(id) != null;
  }

  @Override
  public StoreStatistics statistics() {
    tasks.cleanUp();
    long bytes = tasks.asMap().values().stream().mapToLong(StoredTask::retainedBytes).sum();
    return new StoreStatistics(tasks.estimatedSize(), bytes, evictions.sum());
  }

  /** Nothing to release. */
  @Override
  public void close() {}
}
