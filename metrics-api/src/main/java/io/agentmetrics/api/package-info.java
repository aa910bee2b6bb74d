/**
 * The public contract of agentmetrics: metric types, timing collectors, immutable timing values and
 * the {@link io.agentmetrics.api.MetricsSink} seam through which finished executions reach their
 * consumers.
 *
 * <p>This package has no runtime dependencies. Implementations live in {@code io.agentmetrics.core}
 * and {@code io.agentmetrics.aggregator}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.api;

import org.jspecify.annotations.NullMarked;
