/**
 * The live {@code GET /dashboard} page, which the server serves: its HTML, with the shared
 * stylesheet and its script inlined from classpath resources. It reads the stage vocabulary from
 * the summary it polls, not from a list of its own.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.dashboard;

import org.jspecify.annotations.NullMarked;
