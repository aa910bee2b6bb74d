package io.agentmetrics.a2a.store.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.store.TaskRepository;
import io.agentmetrics.a2a.store.TaskRepositoryContract;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The task store contract on a real PostgreSQL: Debian's {@code postgresql}, started by {@link
 * LocalPostgres}; skipped, saying why, where it is not installed. A value PostgreSQL cannot hold is
 * the request's fault, not the database's.
 */
class PostgresTaskRepositoryTest extends TaskRepositoryContract {

  @RegisterExtension static final TestDatabase database = TestDatabase.local();

  @Override
  protected TaskRepository open(StoreLimits limits, Duration ttl, FakeTimeSource time) {
    return new PostgresTaskRepository(
        database.emptied(), limits, ttl, time, PostgresStores.MAPPER, Duration.ofSeconds(30));
  }

  @Test
  void aValueTheDatabaseCannotHoldIsRefusedAsInvalidNotAsUnavailable() {
    TaskRepository store = open(new StoreLimits(10, 1 << 20), Duration.ofMinutes(10), time);

    assertThatThrownBy(() -> store.find("t\u0000x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot hold a value");
  }
}
