package io.agentmetrics.a2a.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.a2a.store.ContextRepository;
import io.agentmetrics.a2a.store.ContextRepositoryContract;
import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The context store contract on a real PostgreSQL, as {@link PostgresTaskRepositoryTest}, and what
 * differs there: {@code jsonb} cannot hold U+0000.
 */
class PostgresContextRepositoryTest extends ContextRepositoryContract {

  @RegisterExtension static final TestDatabase database = TestDatabase.local();

  @Override
  protected ContextRepository open(
      long maxContexts, long maxBytes, Duration ttl, int maxTurns, FakeTimeSource time) {
    return new PostgresContextRepository(
        database.emptied(), new StoreLimits(maxContexts, maxBytes), ttl, maxTurns, time);
  }

  @Test
  void aTurnHoldingNulIsKeptWithTheReplacementCharacterInItsPlace() {
    ContextRepository store = open(10, 1 << 20, Duration.ofMinutes(10), 4, time);

    store.append("c", List.of("a\u0000b", "plain"));

    assertThat(store.history("c")).containsExactly("a\uFFFDb", "plain");
  }
}
