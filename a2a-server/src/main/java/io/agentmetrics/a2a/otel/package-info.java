/**
 * OpenTelemetry SDK set-up through the autoconfigure module: {@code OTEL_*} variables choose the
 * exporters (OTLP, Prometheus, Zipkin are on the classpath); with none set, nothing is exported and
 * no connection is attempted.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.otel;

import org.jspecify.annotations.NullMarked;
