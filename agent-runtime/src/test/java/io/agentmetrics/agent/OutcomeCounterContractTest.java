package io.agentmetrics.agent;

import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.testing.MetricsSinkContractTest;

// snippet: sink-contract
class OutcomeCounterContractTest extends MetricsSinkContractTest {
  private OutcomeCounter counter;

  @Override
  protected MetricsSink newSink(TimeSource time) {
    counter = new OutcomeCounter();
    return counter;
  }

  @Override
  protected long executionsRecorded() {
    return counter.succeeded() + counter.failed();
  }
}
// end-snippet
