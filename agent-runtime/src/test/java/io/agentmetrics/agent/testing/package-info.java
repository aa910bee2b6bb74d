/**
 * Test fixtures of the agent runtime, published in its test-jar: {@link
 * io.agentmetrics.agent.testing.ScriptedLlmServer}, a real HTTP server that replays scripted LLM
 * provider answers and faults, and {@link io.agentmetrics.agent.testing.ProviderScripts}, bodies in
 * the providers' wire formats, and {@link io.agentmetrics.agent.testing.ScriptedLlm}, an in-process
 * client with fixed usage and chunk timings. Consumers of the server add {@code
 * org.eclipse.jetty:jetty-server} in test scope.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.agent.testing;

import org.jspecify.annotations.NullMarked;
