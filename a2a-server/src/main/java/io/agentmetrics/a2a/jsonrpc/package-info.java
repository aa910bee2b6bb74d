/**
 * The A2A v0.3.0 JSON-RPC layer: the method handlers ({@code message/*}, {@code tasks/*}, {@code
 * tasks/pushNotificationConfig/*}) and spec error codes; and what A2A 1.0 shares with it: the
 * streaming envelope reader and its limits, the in-flight budget, the send path ({@code
 * MessageSender}), and the per-request stage clock behind the {@code tasks_send_latency} and {@code
 * jsonrpc_request_latency} trace events.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.jsonrpc;

import org.jspecify.annotations.NullMarked;
