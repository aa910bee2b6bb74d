package io.agentmetrics.a2a.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where tasks live, with their push-notification configs: in this process ({@link
 * InMemoryTaskRepository}, the default) or in a database that several server replicas share.
 *
 * <p>Writes are optimistic: each stored task has a version, and {@link #update} succeeds only on
 * the version it was read at, so of two writers racing from one version exactly one wins and the
 * other reads the task again. No write moves a task out of a {@linkplain StoredTask#isFinal final}
 * state. Bounds (a count, retained bytes and a time-to-live after last access) are the
 * implementation's; a task evicted by them is gone, as if deleted.
 *
 * <p>A store that replicas share also leases each running task to the replica running it, and tells
 * each replica which tasks others changed ({@link #listen}).
 *
 * <p>Implementations are thread-safe. A store that cannot be reached throws {@link
 * StoreUnavailableException} from any method.
 *
 * @since 0.1.0
 */
public interface TaskRepository extends AutoCloseable {

  /**
   * Stores a new task at version 1.
   *
   * @param task the task; its version is ignored
   * @return the task as stored
   * @throws IllegalArgumentException if a task with its id is stored already
   * @since 0.1.0
   */
  StoredTask create(StoredTask task);

  /**
   * The task {@code id}, read now; reading counts as an access for the time-to-live.
   *
   * @param id the task id
   * @return the task, or empty if unknown, expired or evicted
   * @since 0.1.0
   */
  Optional<StoredTask> find(String id);

  /**
   * Replaces the task read as {@code current} with {@code next}, unless it changed since: its
   * stored version is no longer {@code current.version()}, it is gone, or the write would move it
   * out of a final state.
   *
   * @param current the task as read
   * @param next its new value; its version is ignored
   * @return the task as stored, at {@code current.version() + 1}, or empty if the write lost
   * @since 0.1.0
   */
  Optional<StoredTask> update(StoredTask current, StoredTask next);

  /**
   * The tasks {@code filter} selects, one page of them; listing is not an access.
   *
   * @param filter the filters and the page
   * @return the page
   * @since 0.1.0
   */
  TaskSlice list(TaskFilter filter);

  /**
   * Forgets the task {@code id}.
   *
   * @param id the task id
   * @return whether it was stored
   * @since 0.1.0
   */
  boolean delete(String id);

  /**
   * What the store holds now, after letting go what its bounds exclude.
   *
   * @return the statistics
   * @since 0.1.0
   */
  StoreStatistics statistics();

  /**
   * Calls {@code changed} with the id of each task another process changed, until the returned
   * handle is closed; a store no other process shares calls neither. Changes made while the store
   * could not tell this process (its connection to the database broke) are not told one by one:
   * {@code missed} runs once it listens again, and should read afresh every task the caller holds.
   *
   * @param changed told the task id, on a thread of the store's; should be brief
   * @param missed run on the same thread each time the store starts listening, the first time
   *     included, after it listens and before it tells any change
   * @return the subscription
   * @since 0.1.0
   */
  default AutoCloseable listen(Consumer<String> changed, Runnable missed) {
    return () -> {};
  }

  /**
   * How long a running task stays leased to the process running it without a renewal, in a store
   * that processes share.
   *
   * @return the lease, or empty for a store of one process
   * @since 0.1.0
   */
  default Optional<Duration> lease() {
    return Optional.empty();
  }

  /**
   * Extends the leases this process holds on the submitted and working tasks it runs; a store no
   * other process shares has no leases.
   *
   * @since 0.1.0
   */
  default void renewLeases() {}

  /**
   * Submitted or working tasks whose lease ran out: the process running them stopped without ending
   * them.
   *
   * @return their ids, at most a hundred
   * @since 0.1.0
   */
  default List<String> expiredLeases() {
    return List.of();
  }

  /**
   * Releases what the store holds open, such as connections.
   *
   * @since 0.1.0
   */
  @Override
  void close();
}
