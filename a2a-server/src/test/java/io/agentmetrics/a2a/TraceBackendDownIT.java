package io.agentmetrics.a2a;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.testing.BackendProcess;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trace backend is down (connection refused) or silent (accepts, never answers): every request
 * still completes, the exporter's queue stays at its cap and counts what it drops, and the SDK's
 * warnings grow with failed exports, not with requests or spans: each logger writes at most one per
 * failed export (its throttling notice included), never one per dropped span.
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
    FailureCountingExporter exporter;
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = "silent".equals(backend) ? silent.getLocalPort() : BackendProcess.freePort();
      SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(metrics).build();
      exporter =
          new FailureCountingExporter(
              OtlpHttpSpanExporter.builder()
                  .setEndpoint("http://127.0.0.1:" + port + "/v1/traces")
                  .setTimeout(Duration.ofMillis(500))
                  .build());
      BatchSpanProcessor batch =
          BatchSpanProcessor.builder(exporter)
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
    assertThat(warnings).as("warnings of a failing exporter").isNotEmpty();
    Map<String, Long> perLogger =
        warnings.stream().collect(groupingBy(LogRecord::getLoggerName, counting()));
    assertThat(perLogger)
        .as("warnings per logger after %d failed exports", exporter.failures())
        .allSatisfy(
            (logger, count) -> assertThat(count).isLessThanOrEqualTo(exporter.failures() + 1L));
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

  /** Counts the exports that failed, each of which an unthrottled exporter would warn about. */
  private static final class FailureCountingExporter implements SpanExporter {
    private final SpanExporter delegate;
    private final AtomicInteger failures = new AtomicInteger();

    FailureCountingExporter(SpanExporter delegate) {
      this.delegate = delegate;
    }

    int failures() {
      return failures.get();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      CompletableResultCode result = delegate.export(spans);
      result.whenComplete(
          () -> {
            if (!result.isSuccess()) {
              failures.incrementAndGet();
            }
          });
      return result;
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
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
