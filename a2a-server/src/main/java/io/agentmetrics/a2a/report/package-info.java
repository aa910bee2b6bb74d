/**
 * Self-contained HTML reports with inline SVG charts (latency histogram, percentile distribution,
 * latency over time and a stacked stage bar) for the command-line tools. Nothing here loads
 * anything from the network: the output is one file that opens offline.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.report;

import org.jspecify.annotations.NullMarked;
