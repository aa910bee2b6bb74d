/**
 * The A2A v0.3.0 JSON-RPC layer: envelope validation, the method handlers ({@code message/*},
 * {@code tasks/*}, {@code tasks/pushNotificationConfig/*}), spec error codes, and the per-request
 * stage clock behind the {@code tasks_send_latency} and {@code jsonrpc_request_latency} trace
 * events.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.jsonrpc;

import org.jspecify.annotations.NullMarked;
