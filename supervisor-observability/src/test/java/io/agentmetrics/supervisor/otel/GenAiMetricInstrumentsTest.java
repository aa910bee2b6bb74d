package io.agentmetrics.supervisor.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenAiMetricInstrumentsTest {

  private final OtelTesting otel = new OtelTesting();

  @AfterEach
  void closeSdk() {
    otel.close();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          gen_ai.server.request.duration    | s       | 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92
          gen_ai.server.time_to_first_token | s       | 0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0
          gen_ai.client.operation.duration  | s       | 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92
          gen_ai.client.token.usage         | {token} | 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864
          agentmetrics.phase.duration       | s       | 0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92
          """)
  void histogramHasTheRecommendedUnitAndBucketBoundaries(
      String name, String unit, String boundaries) {
    new OpenTelemetryBridge(otel.openTelemetry())
        .onExecutionCompleted(Executions.workflow().build());

    MetricData metric = otel.metricsByName().get(name);
    assertThat(metric).as(name).isNotNull();
    assertThat(metric.getUnit()).isEqualTo(unit);
    assertThat(metric.getDescription()).isNotBlank();
    HistogramPointData point = metric.getHistogramData().getPoints().iterator().next();
    List<Double> expected =
        java.util.Arrays.stream(boundaries.split(","))
            .map(String::trim)
            .map(Double::valueOf)
            .toList();
    assertThat(point.getBoundaries()).isEqualTo(expected);
  }
}
