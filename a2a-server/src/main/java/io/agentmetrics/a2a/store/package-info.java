/**
 * What the server's in-memory stores share: their bounds in entries and in bytes ({@link
 * io.agentmetrics.a2a.store.StoreLimits}), and the estimates of retained bytes their weighers use
 * ({@link io.agentmetrics.a2a.store.RetainedSize}).
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.store;

import org.jspecify.annotations.NullMarked;
