package io.agentmetrics.a2a.otel;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;

/**
 * Builds the OpenTelemetry SDK from the standard {@code OTEL_*} environment variables and {@code
 * otel.*} system properties.
 *
 * <p>The SDK's own defaults would export traces, metrics and logs over OTLP to localhost:4317 and
 * log connection failures when no collector runs. This server defaults {@code
 * otel.traces.exporter}, {@code otel.metrics.exporter} and {@code otel.logs.exporter} to {@code
 * none} instead, so an unconfigured server exports nothing and opens no connections; setting any of
 * them (for example {@code OTEL_TRACES_EXPORTER=zipkin}) turns that signal on. The service name
 * defaults to {@code agentmetrics-a2a-server}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class OpenTelemetrySetup {

  /** The service name used unless {@code OTEL_SERVICE_NAME} is set. */
  public static final String DEFAULT_SERVICE_NAME = "agentmetrics-a2a-server";

  private OpenTelemetrySetup() {}

  /**
   * The defaults this server applies below environment variables and system properties.
   *
   * @return property name to default value
   * @since 0.1.0
   */
  public static Map<String, String> defaults() {
    return Map.of(
        "otel.traces.exporter", "none",
        "otel.metrics.exporter", "none",
        "otel.logs.exporter", "none",
        "otel.service.name", DEFAULT_SERVICE_NAME);
  }

  /**
   * Builds the SDK. The caller owns it and must {@link OpenTelemetrySdk#close() close} it on
   * shutdown, which flushes the exporters; no JVM shutdown hook is registered here.
   *
   * @return the SDK
   * @since 0.1.0
   */
  public static OpenTelemetrySdk create() {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(OpenTelemetrySetup::defaults)
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
  }
}
