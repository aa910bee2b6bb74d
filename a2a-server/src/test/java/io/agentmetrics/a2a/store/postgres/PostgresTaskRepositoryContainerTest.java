package io.agentmetrics.a2a.store.postgres;

import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.store.TaskRepository;
import io.agentmetrics.a2a.store.TaskRepositoryContract;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
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

  @RegisterExtension
  static final TestDatabase database =
      TestDatabase.at(
          () ->
              DatabaseSettings.of(
                  POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword()));

  @Override
  protected TaskRepository open(StoreLimits limits, Duration ttl, FakeTimeSource time) {
    return new PostgresTaskRepository(
        database.emptied(), limits, ttl, time, Duration.ofSeconds(30));
  }
}
