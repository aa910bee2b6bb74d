package io.agentmetrics.a2a.otel;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;

/**
 * The server's OpenTelemetry SDK, and the view of it the server instruments through.
 *
 * <p>The view hands out the no-op tracer provider when no trace exporter is selected, and the no-op
 * meter provider when no metrics exporter is: the SDK would otherwise build, sample and discard a
 * span per request and per agent phase that nobody exports, and the instrumentation would build
 * their attributes first. Instrumentation that sees a no-op provider skips that work entirely.
 * Immutable.
 *
 * @param sdk the SDK, which the caller must {@link OpenTelemetrySdk#close() close} on shutdown
 * @param instrumentation what the server's spans and metrics go through
 * @since 0.1.0
 */
public record ServerTelemetry(OpenTelemetrySdk sdk, OpenTelemetry instrumentation) {

  /** Checks the fields. */
  public ServerTelemetry {
    requireNonNull(sdk, "sdk");
    requireNonNull(instrumentation, "instrumentation");
  }
}
