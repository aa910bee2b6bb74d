/**
 * Sliding-window aggregation of agent metrics with bounded memory: {@link
 * io.agentmetrics.aggregator.MetricsAggregator} records every metric into time-sliced HdrHistogram
 * interval histograms and answers percentiles, trends, bottlenecks and exports for the windows of
 * {@link io.agentmetrics.api.AggregationWindow}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.aggregator;

import org.jspecify.annotations.NullMarked;
