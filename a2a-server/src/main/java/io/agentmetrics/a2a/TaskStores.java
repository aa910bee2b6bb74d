package io.agentmetrics.a2a;

import com.github.benmanes.caffeine.cache.Ticker;
import io.agentmetrics.a2a.agent.ConversationStore;
import io.agentmetrics.a2a.store.ContextRepository;
import io.agentmetrics.a2a.store.InMemoryTaskRepository;
import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.store.TaskRepository;
import io.agentmetrics.a2a.store.postgres.DatabaseSettings;
import io.agentmetrics.a2a.store.postgres.PostgresContextRepository;
import io.agentmetrics.a2a.store.postgres.PostgresDatabase;
import io.agentmetrics.a2a.store.postgres.PostgresTaskRepository;
import io.agentmetrics.api.TimeSource;
import org.jspecify.annotations.Nullable;

/**
 * The task and context stores of one server, opened as {@link StoreSettings} say, bounded as the
 * {@link TasksConfig} says, and the database under them, if any, closed with them.
 */
final class TaskStores implements AutoCloseable {

  private final TaskRepository tasks;
  private final ContextRepository contexts;
  private final @Nullable PostgresDatabase database;

  private TaskStores(
      TaskRepository tasks, ContextRepository contexts, @Nullable PostgresDatabase database) {
    this.tasks = tasks;
    this.contexts = contexts;
    this.database = database;
  }

  static TaskStores open(
      StoreSettings settings, TasksConfig config, TimeSource time, Ticker ticker) {
    StoreLimits taskLimits = new StoreLimits(config.taskStoreMaxSize(), config.taskStoreMaxBytes());
    StoreLimits contextLimits =
        new StoreLimits(config.contextStoreMaxSize(), config.contextStoreMaxBytes());
    int maxTurns = config.maxHistory() * 2;
    DatabaseSettings shared = settings.database();
    if (shared == null) {
      return new TaskStores(
          new InMemoryTaskRepository(taskLimits, config.taskTtl(), ticker),
          new ConversationStore(
              contextLimits.maxEntries(),
              contextLimits.maxBytes(),
              config.contextTtl(),
              maxTurns,
              ticker),
          null);
    }
    PostgresDatabase database = PostgresDatabase.open(shared);
    return new TaskStores(
        new PostgresTaskRepository(database, taskLimits, config.taskTtl(), time, settings.lease()),
        new PostgresContextRepository(database, contextLimits, config.contextTtl(), maxTurns, time),
        database);
  }

  TaskRepository tasks() {
    return tasks;
  }

  ContextRepository contexts() {
    return contexts;
  }

  /** Closes the database, if any; the task service closes the task store. */
  @Override
  public void close() {
    if (database != null) {
      database.close();
    }
  }
}
