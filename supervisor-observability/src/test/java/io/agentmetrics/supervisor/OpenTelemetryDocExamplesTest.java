package io.agentmetrics.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.supervisor.otel.OpenTelemetryBridge;
import io.agentmetrics.supervisor.otel.OpenTelemetryBridgeConfig;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Java examples of docs/opentelemetry.md, compiled and run. */
class OpenTelemetryDocExamplesTest {

  private static final List<String> EXPORTER_PROPERTIES =
      List.of("otel.traces.exporter", "otel.metrics.exporter", "otel.logs.exporter");

  @AfterEach
  void resetGlobalOpenTelemetry() {
    EXPORTER_PROPERTIES.forEach(System::clearProperty);
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void autoconfiguredSdkEnablesTheBridge() {
    // The page's reader sets OTEL_* variables; the test keeps the SDK from exporting anywhere.
    EXPORTER_PROPERTIES.forEach(property -> System.setProperty(property, "none"));

    // snippet: bridge-autoconfigure
    OpenTelemetry openTelemetry = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
    OpenTelemetryBridge bridge =
        new OpenTelemetryBridge(
            openTelemetry,
            OpenTelemetryBridgeConfig.builder()
                .traceSamplingRatio(0.1) // trace one execution in ten; metrics count all of them
                .maxPhaseNames(50)
                .build());
    // end-snippet

    assertThat(bridge.isEnabled()).isTrue();
    ((OpenTelemetrySdk) openTelemetry).close();
  }
}
