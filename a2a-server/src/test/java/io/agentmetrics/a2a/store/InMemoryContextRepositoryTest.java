package io.agentmetrics.a2a.store;

import io.agentmetrics.a2a.agent.ConversationStore;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;

class InMemoryContextRepositoryTest extends ContextRepositoryContract {

  @Override
  protected ContextRepository open(
      long maxContexts, long maxBytes, Duration ttl, int maxTurns, FakeTimeSource time) {
    return new ConversationStore(maxContexts, maxBytes, ttl, maxTurns, time::nanoTime);
  }
}
