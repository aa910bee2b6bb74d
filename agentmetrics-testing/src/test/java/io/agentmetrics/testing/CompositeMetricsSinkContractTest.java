package io.agentmetrics.testing;

import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.SinkFailureHandler;
import io.agentmetrics.api.TimeSource;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** A composite whose first sink always throws still keeps the contract through the others. */
class CompositeMetricsSinkContractTest extends MetricsSinkContractTest {

  private final LongAdder delivered = new LongAdder();

  @Override
  protected MetricsSink newSink(TimeSource time) {
    MetricsSink broken =
        execution -> {
          throw new IllegalStateException("exporter down");
        };
    return MetricsSink.composite(
        List.of(broken, execution -> delivered.increment()), SinkFailureHandler.ignore());
  }

  @Override
  protected long executionsRecorded() {
    return delivered.sum();
  }
}
