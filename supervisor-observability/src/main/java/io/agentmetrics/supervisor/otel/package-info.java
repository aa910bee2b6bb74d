/**
 * Exports finished agent executions through the OpenTelemetry API, following the OpenTelemetry
 * GenAI semantic conventions: {@link io.agentmetrics.supervisor.otel.OpenTelemetryBridge} turns
 * each {@link io.agentmetrics.api.CompletedExecution} into an {@code invoke_agent} span tree and
 * {@code gen_ai.*} metrics.
 *
 * <p>This package depends on {@code opentelemetry-api} only. The application chooses the SDK,
 * exporters and samplers; without an SDK the bridge does nothing.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.supervisor.otel;

import org.jspecify.annotations.NullMarked;
