/**
 * JMH benchmarks of agentmetrics against Micrometer, the OpenTelemetry SDK and HdrHistogram, a
 * footprint probe for the aggregator, and {@link io.agentmetrics.benchmarks.TargetCheck}, which
 * turns a JMH JSON result into ratios against the performance targets. Not published; run with
 * {@code benchmarks/run.sh}.
 *
 * <p>JMH generates subclasses of every benchmark and state class, so those classes are public and
 * not final.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.benchmarks;

import org.jspecify.annotations.NullMarked;
