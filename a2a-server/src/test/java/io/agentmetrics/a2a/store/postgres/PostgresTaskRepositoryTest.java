package io.agentmetrics.a2a.store.postgres;

import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.store.TaskRepository;
import io.agentmetrics.a2a.store.TaskRepositoryContract;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The task store contract on a real PostgreSQL: Debian's {@code postgresql}, started by {@link
 * LocalPostgres}; skipped, saying why, where it is not installed.
 */
class PostgresTaskRepositoryTest extends TaskRepositoryContract {

  private static @Nullable DatabaseSettings settings;
  private static @Nullable PostgresDatabase database;

  @BeforeAll
  static void openDatabase() throws Exception {
    settings = PostgresStores.local();
    database = PostgresDatabase.open(settings);
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected TaskRepository open(StoreLimits limits, Duration ttl, FakeTimeSource time) {
    try {
      PostgresStores.truncate(settings);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return new PostgresTaskRepository(
        database, limits, ttl, time, PostgresStores.MAPPER, Duration.ofSeconds(30));
  }
}
