/**
 * The timing collectors that measure agent executions, the {@link
 * io.agentmetrics.core.PerformanceAnalyzer} that interprets their breakdowns and metrics, and the
 * JDK Flight Recorder event that puts phases on a recording's timeline.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.core;

import org.jspecify.annotations.NullMarked;
