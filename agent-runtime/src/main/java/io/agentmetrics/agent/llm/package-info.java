/**
 * LLM clients that report what agentmetrics measures: time to first token through streamed tokens,
 * and model, provider and token counts with every response.
 *
 * <p>{@link io.agentmetrics.agent.llm.LlmClient} is the seam. {@link
 * io.agentmetrics.agent.llm.SimulatedLlmClient} is the offline default; {@link
 * io.agentmetrics.agent.llm.GeminiClient} and {@link
 * io.agentmetrics.agent.llm.OpenAiCompatibleClient} call real providers over {@code java.net.http}
 * with timeouts, bounded retries and cancellation. {@link io.agentmetrics.agent.llm.LlmClients}
 * picks one from environment settings. Every failure is an {@link
 * io.agentmetrics.agent.llm.LlmException} subtype whose message says what to do, and never contains
 * an API key.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.agent.llm;

import org.jspecify.annotations.NullMarked;
