/**
 * The HTTP surface on Jetty 12's core handler API: one class per route ({@code GET /}, {@code GET
 * /health}, the agent card, {@code /metrics/summary}, the JSON-RPC endpoint of both protocol
 * versions at {@code POST /} and {@code POST /tasks/send}, and A2A 1.0's HTTP+JSON binding), the
 * {@code RequestGate} every A2A route goes through (bearer token, in-flight budget, body limit,
 * request timing), opt-in CORS, the OpenTelemetry server span and a JSON error handler (never an
 * HTML page).
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.http;

import org.jspecify.annotations.NullMarked;
