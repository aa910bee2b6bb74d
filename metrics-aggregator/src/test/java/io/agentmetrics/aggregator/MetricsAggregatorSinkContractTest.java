package io.agentmetrics.aggregator;

import io.agentmetrics.api.AggregatedMetrics;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.testing.MetricsSinkContractTest;

/** The aggregator keeps the sink contract: each execution is one total-execution sample. */
class MetricsAggregatorSinkContractTest extends MetricsSinkContractTest {

  private MetricsAggregator aggregator = new MetricsAggregator();

  @Override
  protected MetricsSink newSink(TimeSource time) {
    aggregator = new MetricsAggregator(AggregatorConfig.defaults(), time);
    return aggregator;
  }

  @Override
  protected long executionsRecorded() {
    return aggregator
        .getAggregatedMetrics(MetricType.TOTAL_EXECUTION, AggregationWindow.HOUR)
        .map(AggregatedMetrics::count)
        .orElse(0L);
  }
}
