package io.agentmetrics.a2a.store.postgres;

import io.agentmetrics.a2a.store.ContextRepository;
import io.agentmetrics.a2a.store.ContextRepositoryContract;
import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The context store contract on a real PostgreSQL, as {@link PostgresTaskRepositoryTest}. */
class PostgresContextRepositoryTest extends ContextRepositoryContract {

  @RegisterExtension static final TestDatabase database = TestDatabase.local();

  @Override
  protected ContextRepository open(
      long maxContexts, long maxBytes, Duration ttl, int maxTurns, FakeTimeSource time) {
    return new PostgresContextRepository(
        database.emptied(),
        new StoreLimits(maxContexts, maxBytes),
        ttl,
        maxTurns,
        time,
        PostgresStores.MAPPER);
  }
}
