package io.agentmetrics.supervisor.otel;

import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.testing.MetricsSinkContractTest;
import org.junit.jupiter.api.AfterEach;

/** The bridge keeps the sink contract: each execution becomes exactly one exported root span. */
class OpenTelemetryBridgeSinkContractTest extends MetricsSinkContractTest {

  private final OtelTesting otel = new OtelTesting();

  @Override
  protected MetricsSink newSink(TimeSource time) {
    return new OpenTelemetryBridge(otel.openTelemetry());
  }

  @Override
  protected long executionsRecorded() {
    return otel.spans().stream().filter(span -> !span.getParentSpanContext().isValid()).count();
  }

  @AfterEach
  void closeSdk() {
    otel.close();
  }
}
