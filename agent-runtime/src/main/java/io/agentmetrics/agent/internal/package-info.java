/**
 * Internal, may change: code that both packages of agent-runtime share and no other module may use.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.agent.internal;

import org.jspecify.annotations.NullMarked;
