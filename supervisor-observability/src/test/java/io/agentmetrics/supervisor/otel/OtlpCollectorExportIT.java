package io.agentmetrics.supervisor.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.WaitingConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * Exports a workflow over OTLP/HTTP into a real OpenTelemetry Collector container and waits for the
 * collector's debug exporter to print the GenAI span and metric names. Skipped where no Docker
 * engine is available; {@link ZipkinExportIT} covers a real backend there.
 */
@Testcontainers(disabledWithoutDocker = true)
class OtlpCollectorExportIT {

  private static final int OTLP_HTTP_PORT = 4318;

  private static final String COLLECTOR_CONFIG =
      """
      receivers:
        otlp:
          protocols:
            http:
              endpoint: 0.0.0.0:4318
      exporters:
        debug:
          verbosity: detailed
      service:
        pipelines:
          traces:
            receivers: [otlp]
            exporters: [debug]
          metrics:
            receivers: [otlp]
            exporters: [debug]
      """;

  @Container
  private static final GenericContainer<?> collector =
      new GenericContainer<>(DockerImageName.parse("otel/opentelemetry-collector:0.115.1"))
          .withCopyToContainer(Transferable.of(COLLECTOR_CONFIG), "/etc/otelcol/config.yaml")
          .withExposedPorts(OTLP_HTTP_PORT)
          .waitingFor(Wait.forLogMessage(".*Everything is ready.*", 1));

  @Test
  void workflowReachesTheCollectorAsGenAiSpansAndMetrics() throws Exception {
    WaitingConsumer output = new WaitingConsumer();
    collector.followOutput(output);
    String endpoint =
        "http://" + collector.getHost() + ':' + collector.getMappedPort(OTLP_HTTP_PORT);

    try (OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .setResource(resource())
                    .addSpanProcessor(
                        SimpleSpanProcessor.create(
                            OtlpHttpSpanExporter.builder()
                                .setEndpoint(endpoint + "/v1/traces")
                                .build()))
                    .build())
            .setMeterProvider(
                SdkMeterProvider.builder()
                    .setResource(resource())
                    .registerMetricReader(
                        PeriodicMetricReader.create(
                            OtlpHttpMetricExporter.builder()
                                .setEndpoint(endpoint + "/v1/metrics")
                                .build()))
                    .build())
            .build()) {
      new OpenTelemetryBridge(sdk).onExecutionCompleted(Executions.workflow().build());
      assertThat(sdk.getSdkTracerProvider().forceFlush().join(30, TimeUnit.SECONDS).isSuccess())
          .isTrue();
      assertThat(sdk.getSdkMeterProvider().forceFlush().join(30, TimeUnit.SECONDS).isSuccess())
          .isTrue();
    }

    output.waitUntil(
        frame -> frame.getUtf8String().contains("invoke_agent supervisor"), 60, TimeUnit.SECONDS);
    output.waitUntil(
        frame -> frame.getUtf8String().contains("chat gemini-2.5-flash"), 60, TimeUnit.SECONDS);
    output.waitUntil(
        frame -> frame.getUtf8String().contains("gen_ai.client.inference.usage.input_tokens"),
        60,
        TimeUnit.SECONDS);
    assertThat(collector.getLogs())
        .contains(
            "gen_ai.invoke_agent.duration",
            "gen_ai.client.inference.duration",
            "gen_ai.execute_tool.duration")
        .doesNotContain("gen_ai.server.");
  }

  private static Resource resource() {
    return Resource.getDefault().toBuilder()
        .put(AttributeKey.stringKey("service.name"), "agentmetrics-it")
        .build();
  }
}
