package io.agentmetrics.a2a.store.postgres;

import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.store.TaskRepository;
import io.agentmetrics.a2a.store.TaskRepositoryContract;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The task store contract on a real PostgreSQL: Debian's {@code postgresql}, started by {@link
 * LocalPostgres}; skipped, saying why, where it is not installed.
 */
class PostgresTaskRepositoryTest extends TaskRepositoryContract {

  @RegisterExtension static final TestDatabase database = TestDatabase.local();

  @Override
  protected TaskRepository open(StoreLimits limits, Duration ttl, FakeTimeSource time) {
    return new PostgresTaskRepository(
        database.emptied(), limits, ttl, time, PostgresStores.MAPPER, Duration.ofSeconds(30));
  }
}
