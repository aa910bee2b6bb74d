package io.agentmetrics.a2a.task;

import io.agentmetrics.a2a.store.StoreStatistics;
import io.agentmetrics.a2a.store.StoreUnavailableException;
import io.agentmetrics.a2a.store.StoredTask;
import io.agentmetrics.a2a.store.TaskFilter;
import io.agentmetrics.a2a.store.TaskRepository;
import io.agentmetrics.a2a.store.TaskSlice;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A repository whose unreachable store fails the request with {@link
 * TaskException.Reason#OVERLOADED}, which callers answer as they answer a busy server (HTTP 503
 * with {@code Retry-After}, {@code -32000} in JSON-RPC 0.3, {@code UNAVAILABLE} in A2A 1.0) instead
 * of with an internal error; a value the store cannot hold fails it with {@link
 * TaskException.Reason#INVALID_PARAMS}.
 *
 * <p>Thread-safe if the repository is.
 */
final class RetryableTaskRepository implements TaskRepository {

  private final TaskRepository delegate;

  RetryableTaskRepository(TaskRepository delegate) {
    this.delegate = delegate;
  }

  @Override
  public StoredTask create(StoredTask task) {
    return call(() -> delegate.create(task));
  }

  @Override
  public Optional<StoredTask> find(String id) {
    return call(() -> delegate.find(id));
  }

  @Override
  public Optional<StoredTask> update(StoredTask current, StoredTask next) {
    return call(() -> delegate.update(current, next));
  }

  @Override
  public TaskSlice list(TaskFilter filter) {
    return call(() -> delegate.list(filter));
  }

  @Override
  public boolean delete(String id) {
    return call(() -> delegate.delete(id));
  }

  @Override
  public StoreStatistics statistics() {
    return call(delegate::statistics);
  }

  @Override
  public AutoCloseable listen(Consumer<String> changed, Runnable missed) {
    return delegate.listen(changed, missed);
  }

  @Override
  public Optional<Duration> lease() {
    return delegate.lease();
  }

  @Override
  public void renewLeases() {
    call(
        () -> {
          delegate.renewLeases();
          return null;
        });
  }

  @Override
  public List<String> expiredLeases() {
    return call(delegate::expiredLeases);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (StoreUnavailableException e) {
      throw new TaskException(TaskException.Reason.OVERLOADED, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new TaskException(
          TaskException.Reason.INVALID_PARAMS,
          Objects.requireNonNullElse(e.getMessage(), "invalid"));
    }
  }
}
