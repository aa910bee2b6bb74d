/**
 * The {@code profile} and {@code trace-report} subcommands: an open- or closed-loop load generator
 * for the {@code /tasks/send} endpoint whose latencies are recorded in HdrHistogram (corrected for
 * coordinated omission when a fixed arrival rate is set), and a reader for the server's {@code
 * A2A_TRACE_LATENCY} logs that turns them into per-stage statistics and goal checks.
 *
 * <p>The two public entry points, {@link io.agentmetrics.a2a.profile.ProfileCommand} and {@link
 * io.agentmetrics.a2a.profile.TraceReportCommand}, are picocli commands meant to be registered
 * under the server's root command. Everything else is package-private.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.profile;

import org.jspecify.annotations.NullMarked;
