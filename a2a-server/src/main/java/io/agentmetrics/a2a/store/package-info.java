/**
 * Where the server keeps tasks, their push configs and the conversation history of each context:
 * the store interfaces ({@link io.agentmetrics.a2a.store.TaskRepository}, {@link
 * io.agentmetrics.a2a.store.ContextRepository}), the in-memory task store that is the default, and
 * what the in-memory stores share: their bounds in entries and in bytes ({@link
 * io.agentmetrics.a2a.store.StoreLimits}), and the estimates of retained bytes their weighers use
 * ({@link io.agentmetrics.a2a.store.RetainedSize}).
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.store;

import org.jspecify.annotations.NullMarked;
