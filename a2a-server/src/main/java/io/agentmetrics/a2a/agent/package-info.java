/**
 * The seam between the server and the agent: {@link io.agentmetrics.a2a.agent.TaskProcessor} takes
 * a normalized message and returns the reply with its four stage timings ({@code text_extraction},
 * {@code context_lookup}, {@code llm_invocation}, {@code response_building}), plus the bounded
 * conversation store the study agent reads.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.agent;

import org.jspecify.annotations.NullMarked;
