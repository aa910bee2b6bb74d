/**
 * The A2A v0.3.0 wire format as immutable records: messages, parts, tasks, streaming events,
 * push-notification configs, the agent card and the JSON-RPC envelope. Only this package carries
 * Jackson annotations.
 *
 * <p>Records check what the specification requires in their compact constructors and name the
 * offending field in the exception message, so the JSON-RPC layer can turn a bad request into a
 * precise {@code -32602} error.
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.dto;

import org.jspecify.annotations.NullMarked;
