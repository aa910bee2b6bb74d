/**
 * The runtime that agents extend: {@link io.agentmetrics.agent.BaseAgent}, which times every
 * execution with a fresh collector and hands the result to its sinks, and the values an execution
 * takes and returns ({@link io.agentmetrics.agent.AgentExecutionContext}, {@link
 * io.agentmetrics.agent.DeepAgentState}, {@link io.agentmetrics.agent.ExecutionResult}).
 *
 * <p>The LLM clients live in {@code io.agentmetrics.agent.llm}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.agent;

import org.jspecify.annotations.NullMarked;
