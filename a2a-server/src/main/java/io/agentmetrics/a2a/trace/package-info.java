/**
 * Per-request latency tracing: the {@code A2A_TRACE_LATENCY} JSON log lines of the seed's tracing
 * guide ({@code tasks_send_latency} for sends, {@code jsonrpc_request_latency} for other methods,
 * and {@code agent_processing_detail}), their sampling, the Logback appender that writes them, and
 * in-memory per-stage statistics for {@code /metrics/summary}. {@link
 * io.agentmetrics.a2a.trace.RequestObserver} is the seam other consumers (such as the metrics
 * aggregator) plug into.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.trace;

import org.jspecify.annotations.NullMarked;
