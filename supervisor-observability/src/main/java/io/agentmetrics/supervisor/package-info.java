/**
 * Workflow-level observability for supervisor agents: {@link
 * io.agentmetrics.supervisor.SupervisorObservability} keeps one timing collector per run id from
 * start to completion and hands every finished workflow to the configured sinks; the Guice modules
 * wire the whole SDK together.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.supervisor;

import org.jspecify.annotations.NullMarked;
