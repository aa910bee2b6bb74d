/**
 * Concurrency support for the background threads of agentmetrics' components: {@link
 * io.agentmetrics.agent.concurrent.DaemonThreadFactory}. A package of its own, so that the LLM
 * clients, which know nothing of agents or metrics, can use it as well as the later modules.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.agent.concurrent;

import org.jspecify.annotations.NullMarked;
