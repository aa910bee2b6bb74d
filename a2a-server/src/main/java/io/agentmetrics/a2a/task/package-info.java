/**
 * The task lifecycle: a bounded task store, the bounded agent executor (whose queueing time is
 * recorded as QUEUE_WAIT), cancellation, stream subscriptions and push notifications.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.task;

import org.jspecify.annotations.NullMarked;
