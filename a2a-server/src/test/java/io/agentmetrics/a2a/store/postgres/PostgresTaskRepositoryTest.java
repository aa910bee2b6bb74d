package io.agentmetrics.a2a.store.postgres;

import static io.agentmetrics.a2a.store.StoredTasks.submitted;
import static org.assertj.core.api.Assertions.assertThat;
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
        database.emptied(), limits, ttl, time, Duration.ofSeconds(30));
  }

  @Test
  void aReplicaLeavesItsOwnLapsedLeasesToItselfAndTheOthersFindThem() {
    PostgresDatabase shared = database.emptied();
    Duration lease = Duration.ofSeconds(30);
    StoreLimits limits = new StoreLimits(10, 1 << 20);
    TaskRepository running =
        new PostgresTaskRepository(shared, limits, Duration.ofMinutes(10), time, lease);
    TaskRepository other =
        new PostgresTaskRepository(shared, limits, Duration.ofMinutes(10), time, lease);
    running.create(submitted("t-1", "c", time.now()));

    time.advance(lease.plusSeconds(1)); // no renewal reached the database, as in an outage

    assertThat(running.expiredLeases()).isEmpty();
    assertThat(other.expiredLeases()).containsExactly("t-1");
  }

  @Test
  void aValueTheDatabaseCannotHoldIsRefusedAsInvalidNotAsUnavailable() {
    TaskRepository store = open(new StoreLimits(10, 1 << 20), Duration.ofMinutes(10), time);

    assertThatThrownBy(() -> store.find("t\u0000x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot hold a value");
  }
}
