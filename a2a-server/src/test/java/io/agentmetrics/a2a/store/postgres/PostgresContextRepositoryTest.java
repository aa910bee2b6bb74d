package io.agentmetrics.a2a.store.postgres;

import io.agentmetrics.a2a.store.ContextRepository;
import io.agentmetrics.a2a.store.ContextRepositoryContract;
import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The context store contract on a real PostgreSQL, as {@link PostgresTaskRepositoryTest}. */
class PostgresContextRepositoryTest extends ContextRepositoryContract {

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
  protected ContextRepository open(
      long maxContexts, long maxBytes, Duration ttl, int maxTurns, FakeTimeSource time) {
    try {
      PostgresStores.truncate(settings);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return new PostgresContextRepository(
        database,
        new StoreLimits(maxContexts, maxBytes),
        ttl,
        maxTurns,
        time,
        PostgresStores.MAPPER);
  }
}
