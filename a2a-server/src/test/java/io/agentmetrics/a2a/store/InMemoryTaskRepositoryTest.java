package io.agentmetrics.a2a.store;

import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;

class InMemoryTaskRepositoryTest extends TaskRepositoryContract {

  @Override
  protected TaskRepository open(StoreLimits limits, Duration ttl, FakeTimeSource time) {
    return new InMemoryTaskRepository(limits, ttl, time::nanoTime);
  }
}
