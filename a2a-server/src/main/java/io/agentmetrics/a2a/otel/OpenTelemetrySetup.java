package io.agentmetrics.a2a.otel;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

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
   * Builds the SDK, and the view of it that the server instruments through: a signal with no
   * exporter selected (the default) gets the no-op provider there, so its spans or measurements
   * cost nothing (see {@link ServerTelemetry}).
   *
   * @return the SDK, which the caller owns and must {@link OpenTelemetrySdk#close() close} on
   *     shutdown (this flushes the exporters; no JVM shutdown hook is registered here), and the
   *     view
   * @since 0.1.0
   */
  public static ServerTelemetry create() {
    AtomicReference<ConfigProperties> resolved = new AtomicReference<>();
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(OpenTelemetrySetup::defaults)
            .addPropertiesCustomizer(
                config -> {
                  resolved.set(config);
                  return Map.of();
                })
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();
    ConfigProperties config =
        Objects.requireNonNull(resolved.get(), "autoconfigure calls the customizer in build()");
    boolean traces = exports(config, "otel.traces.exporter");
    boolean metrics = exports(config, "otel.metrics.exporter");
    if (traces && metrics) {
      return new ServerTelemetry(sdk, sdk);
    }
    return new ServerTelemetry(
        sdk,
        new Instrumentation(
            traces ? sdk.getTracerProvider() : TracerProvider.noop(),
            metrics ? sdk.getMeterProvider() : MeterProvider.noop(),
            sdk.getPropagators()));
  }

  /**
   * Whether {@code exporterKey} selects an exporter: anything but {@code none} or a disabled SDK.
   */
  private static boolean exports(ConfigProperties config, String exporterKey) {
    return !config.getBoolean("otel.sdk.disabled", false)
        && !config.getList(exporterKey, List.of()).equals(List.of("none"));
  }

  /** The SDK's propagators with the providers chosen per signal. */
  private record Instrumentation(
      TracerProvider tracers, MeterProvider meters, ContextPropagators propagators)
      implements OpenTelemetry {

    @Override
    public TracerProvider getTracerProvider() {
      return tracers;
    }

    @Override
    public MeterProvider getMeterProvider() {
      return meters;
    }

    @Override
    public ContextPropagators getPropagators() {
      return propagators;
    }
  }
}
