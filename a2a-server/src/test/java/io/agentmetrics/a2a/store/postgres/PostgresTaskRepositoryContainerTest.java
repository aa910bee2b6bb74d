package io.agentmetrics.a2a.store.postgres;

import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.store.TaskRepository;
import io.agentmetrics.a2a.store.TaskRepositoryContract;
import io.agentmetrics.testing.FakeTimeSource;
import java.sql.SQLException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The task store contract on PostgreSQL from Testcontainers, where Docker runs; skipped without
 * Docker, where {@link PostgresTaskRepositoryTest} covers the same contract on a local server.
 */
@Testcontainers(disabledWithoutDocker = true)
class PostgresTaskRepositoryContainerTest extends TaskRepositoryContract {

  @Container
  private static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine");

  private static @Nullable DatabaseSettings settings;
  private static @Nullable PostgresDatabase database;

  @BeforeAll
  static void openDatabase() {
    settings =
        DatabaseSettings.of(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword());
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
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new PostgresTaskRepository(
        database, limits, ttl, time, PostgresStores.MAPPER, Duration.ofSeconds(30));
  }
}
