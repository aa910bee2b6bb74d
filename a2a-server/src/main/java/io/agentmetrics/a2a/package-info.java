/**
 * The agentmetrics A2A server: an A2A v0.3.0 JSON-RPC agent server with per-stage latency tracing
 * and OpenTelemetry export, started by {@link io.agentmetrics.a2a.Main}.
 *
 * <p>Sub-packages: {@code dto} (wire records), {@code jsonrpc} (method handlers), {@code http}
 * (Jetty routes), {@code task} (task lifecycle and stores), {@code agent} (the agent seam), {@code
 * telex} (Telex message normalization), {@code trace} (A2A_TRACE_LATENCY logs and stage statistics)
 * and {@code otel} (OpenTelemetry SDK set-up).
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a;

import org.jspecify.annotations.NullMarked;
