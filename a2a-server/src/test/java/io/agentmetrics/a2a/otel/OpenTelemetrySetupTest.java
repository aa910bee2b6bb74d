package io.agentmetrics.a2a.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Autoconfigure is driven by {@code otel.*} system properties here (the same keys as OTEL_*). */
class OpenTelemetrySetupTest {

  private static final String[] KEYS = {
    "otel.traces.exporter",
    "otel.metrics.exporter",
    "otel.logs.exporter",
    "otel.exporter.otlp.endpoint",
    "otel.exporter.otlp.protocol",
    "otel.exporter.zipkin.endpoint",
    "otel.exporter.prometheus.host",
    "otel.exporter.prometheus.port",
    "otel.service.name"
  };

  @AfterEach
  void clearProperties() {
    for (String key : KEYS) {
      System.clearProperty(key);
    }
  }

  @Test
  void everySignalDefaultsToNoExporter() {
    assertThat(OpenTelemetrySetup.defaults())
        .containsEntry("otel.traces.exporter", "none")
        .containsEntry("otel.metrics.exporter", "none")
        .containsEntry("otel.logs.exporter", "none")
        .containsEntry("otel.service.name", "agentmetrics-a2a-server");
  }

  @Test
  void withNoExporterSelectedTheServerInstrumentsThroughNoopProviders() {
    ServerTelemetry telemetry = OpenTelemetrySetup.create();
    try {
      // Spans and measurements that nobody exports must not even be built.
      assertThat(telemetry.instrumentation().getTracerProvider()).isSameAs(TracerProvider.noop());
      assertThat(telemetry.instrumentation().getMeterProvider()).isSameAs(MeterProvider.noop());
      assertThat(telemetry.instrumentation().getPropagators())
          .isSameAs(telemetry.sdk().getPropagators());
    } finally {
      telemetry.sdk().close();
    }
  }

  @Test
  void aSelectedExporterGetsTheSdkProviderOfItsSignalOnly() {
    System.setProperty("otel.traces.exporter", "zipkin");
    System.setProperty("otel.exporter.zipkin.endpoint", "http://127.0.0.1:9/api/v2/spans");
    ServerTelemetry telemetry = OpenTelemetrySetup.create();
    try {
      assertThat(telemetry.instrumentation().getTracerProvider())
          .isSameAs(telemetry.sdk().getTracerProvider());
      assertThat(telemetry.instrumentation().getMeterProvider()).isSameAs(MeterProvider.noop());
    } finally {
      telemetry.sdk().shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void withNothingSelectedNoConnectionIsAttempted() throws Exception {
    try (ServerSocket collector = new ServerSocket(0)) {
      // Were the SDK's own OTLP default in force, spans would be sent here.
      System.setProperty(
          "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector.getLocalPort());
      System.setProperty("otel.exporter.otlp.protocol", "http/protobuf");
      OpenTelemetrySdk sdk = OpenTelemetrySetup.create().sdk();
      sdk.getTracer("test").spanBuilder("unexported").startSpan().end();
      sdk.getMeter("test").counterBuilder("unexported").build().add(1);

      sdk.shutdown().join(10, TimeUnit.SECONDS);

      collector.setSoTimeout(500);
      try (Socket unexpected = collector.accept()) {
        throw new AssertionError("the SDK connected to " + unexpected.getLocalSocketAddress());
      } catch (SocketTimeoutException expected) {
        // nothing connected
      }
    }
  }

  @Test
  void zipkinExporterSendsTheServerSpansWhenSelected() throws Exception {
    AtomicReference<String> body = new AtomicReference<>();
    CountDownLatch received = new CountDownLatch(1);
    HttpServer zipkin =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    zipkin.createContext(
        "/api/v2/spans",
        exchange -> {
          byte[] raw = exchange.getRequestBody().readAllBytes();
          if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            raw = new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes();
          }
          body.set(new String(raw, StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(202, -1);
          exchange.close();
          received.countDown();
        });
    zipkin.start();
    try {
      System.setProperty("otel.traces.exporter", "zipkin");
      System.setProperty(
          "otel.exporter.zipkin.endpoint",
          "http://127.0.0.1:" + zipkin.getAddress().getPort() + "/api/v2/spans");
      OpenTelemetrySdk sdk = OpenTelemetrySetup.create().sdk();
      Span span = sdk.getTracer("test").spanBuilder("POST /tasks/send").startSpan();
      span.end();

      sdk.shutdown().join(10, TimeUnit.SECONDS);

      assertThat(received.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(body.get())
          .containsIgnoringCase("POST /tasks/send")
          .contains("agentmetrics-a2a-server");
    } finally {
      zipkin.stop(0);
    }
  }

  @Test
  void prometheusExporterServesMetricsWhenSelected() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    System.setProperty("otel.metrics.exporter", "prometheus");
    System.setProperty("otel.exporter.prometheus.host", "127.0.0.1");
    System.setProperty("otel.exporter.prometheus.port", String.valueOf(port));
    OpenTelemetrySdk sdk = OpenTelemetrySetup.create().sdk();
    try {
      sdk.getMeter("test").counterBuilder("a2a_probe_requests").build().add(3);

      HttpResponse<String> scrape = scrape(port);

      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("a2a_probe_requests");
    } finally {
      sdk.shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  private static HttpResponse<String> scrape(int port) {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
    return await("the Prometheus endpoint on port " + port)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(() -> client.send(request, HttpResponse.BodyHandlers.ofString()), Objects::nonNull);
  }
}
