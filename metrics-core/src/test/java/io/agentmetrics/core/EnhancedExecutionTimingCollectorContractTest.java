package io.agentmetrics.core;

import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingCollector;
import io.agentmetrics.testing.TimingCollectorContractTest;
import java.util.UUID;

/** The enhanced collector keeps the collector contract; docs/testing.md shows this class. */
// snippet: collector-contract
class EnhancedExecutionTimingCollectorContractTest extends TimingCollectorContractTest {

  @Override
  protected TimingCollector newCollector(TimeSource time) {
    return new EnhancedExecutionTimingCollector(UUID.randomUUID(), "contract_agent", time);
  }
}
// end-snippet
