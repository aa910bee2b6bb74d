/**
 * The stage vocabulary shared by the server, its trace log, the profiler, the reports and the
 * dashboard: each stage's name, label, place in a request or a task, and goal. It depends on
 * nothing else in the server, so every other package, the command-line tools included, may read it.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.stage;

import org.jspecify.annotations.NullMarked;
