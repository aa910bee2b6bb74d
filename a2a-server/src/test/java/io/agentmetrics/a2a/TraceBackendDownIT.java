package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.testing.BackendProcess;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trace backend is down (connection refused) or silent (accepts, never answers): every request
 * still completes, the exporter's queue stays at its cap and counts what it drops, and the
 * exporter's warnings are throttled instead of one per failed export.
 */
class TraceBackendDownIT {

  private static final int REQUESTS = 100;
  private static final int QUEUE = 64;
  private static final AttributeKey<Boolean> DROPPED = AttributeKey.booleanKey("dropped");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"down", "silent"})
  void aDeadOrSilentTraceBackendNeitherFailsRequestsNorGrowsTheQueue(String backend)
      throws Exception {
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Logger otelLogs = Logger.getLogger("io.opentelemetry");
    Handler capture = new CapturingHandler(warnings);
    otelLogs.addHandler(capture);
    InMemoryMetricReader metrics = InMemoryMetricReader.create();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = "silent".equals(backend) ? silent.getLocalPort() : BackendProcess.freePort();
      SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(metrics).build();
      BatchSpanProcessor batch =
          BatchSpanProcessor.builder(
                  OtlpHttpSpanExporter.builder()
                      .setEndpoint("http://127.0.0.1:" + port + "/v1/traces")
                      .setTimeout(Duration.ofMillis(500))
                      .build())
              .setMaxQueueSize(QUEUE)
              .setMaxExportBatchSize(16)
              .setScheduleDelay(Duration.ofMillis(50))
              .setMeterProvider(meters)
              .build();
      OpenTelemetrySdk sdk =
          OpenTelemetrySdk.builder()
              .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(batch).build())
              .setMeterProvider(meters)
              .build();
      try (TestServer server = TestServer.startWith(c -> c, sdk)) {
        for (int i = 0; i < REQUESTS; i++) {
          HttpResponse<String> response =
              server.post("/", JsonRpcProtocolIT.send("\"t" + i + "\"", "Question " + i));
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.body()).contains("\"state\":\"completed\"");
        }
      }
      Collection<MetricData> collected = metrics.collectAllMetrics();
      sdk.shutdown().join(30, TimeUnit.SECONDS);

      assertThat(processed(collected, false) + processed(collected, true))
          .as("spans the processor accounted for")
          .isPositive();
      assertThat(gauge(collected, "queueSize")).isBetween(0L, (long) QUEUE);
      if ("silent".equals(backend)) {
        // Each export waits out its 500 ms timeout, so the queue fills and spans are dropped.
        assertThat(processed(collected, true)).as("spans dropped at the cap").isPositive();
      }
    } finally {
      otelLogs.removeHandler(capture);
    }
    assertThat(warnings)
        .as("exporter warnings: %s", warnings)
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(10);
  }

  private static long processed(Collection<MetricData> metrics, boolean dropped) {
    return metrics.stream()
        .filter(metric -> metric.getName().equals("processedSpans"))
        .flatMap(metric -> metric.getLongSumData().getPoints().stream())
        .filter(point -> Boolean.valueOf(dropped).equals(point.getAttributes().get(DROPPED)))
        .mapToLong(LongPointData::getValue)
        .sum();
  }

  private static long gauge(Collection<MetricData> metrics, String name) {
    return metrics.stream()
        .filter(metric -> metric.getName().equals(name))
        .flatMap(metric -> metric.getLongGaugeData().getPoints().stream())
        .mapToLong(LongPointData::getValue)
        .max()
        .orElse(0);
  }

  /** Collects the OpenTelemetry SDK's warnings, which it logs through java.util.logging. */
  private static final class CapturingHandler extends Handler {
    private final List<LogRecord> records;

    CapturingHandler(List<LogRecord> records) {
      this.records = records;
    }

    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        records.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
