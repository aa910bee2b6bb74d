/**
 * Exports finished agent executions through the OpenTelemetry API, following the OpenTelemetry
 * GenAI semantic conventions: {@link io.agentmetrics.supervisor.otel.OpenTelemetryBridge} turns
 * each {@link io.agentmetrics.api.CompletedExecution} into an {@code invoke_agent} span tree and
 * {@code gen_ai.*} metrics.
 *
 * <p>The bridge depends on {@code opentelemetry-api} only: the application chooses the SDK,
 * exporters and samplers, and without an SDK the bridge does nothing. {@link
 * io.agentmetrics.supervisor.otel.OpenTelemetryModule} binds it with Guice.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.supervisor.otel;

import org.jspecify.annotations.NullMarked;
