/**
 * What agentmetrics' modules share about their settings: {@link
 * io.agentmetrics.agent.config.EnvironmentSettings}, which reads and checks environment-style
 * settings, and {@link io.agentmetrics.agent.config.ConfigException}, the one error for a setting
 * that cannot be used. A package of its own, so that the LLM clients, which know nothing of agents
 * or metrics, can use it as well as the later modules.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.agent.config;

import org.jspecify.annotations.NullMarked;
