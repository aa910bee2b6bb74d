package io.agentmetrics.core;

import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingCollector;
import io.agentmetrics.testing.TimingCollectorContractTest;
import java.util.UUID;

class ExecutionTimingCollectorContractTest extends TimingCollectorContractTest {

  @Override
  protected TimingCollector newCollector(TimeSource time) {
    return new ExecutionTimingCollector(UUID.randomUUID(), "contract_agent", time);
  }
}
