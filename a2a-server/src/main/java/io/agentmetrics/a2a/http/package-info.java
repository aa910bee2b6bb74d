/**
 * The HTTP surface on Jetty 12's core handler API: one class per route ({@code GET /}, {@code GET
 * /health}, the agent card, {@code /metrics/summary}, the JSON-RPC endpoint of both protocol
 * versions at {@code POST /} and {@code POST /tasks/send}, and A2A 1.0's HTTP+JSON binding), the
 * {@code RequestGate} every A2A route goes through (bearer token and media type before the body,
 * in-flight budget, a body read without a pinned thread, disconnect watch, request timing), one
 * event-stream writer for every binding, the loopback Host guard, security headers, minimum data
 * rate, opt-in CORS, the OpenTelemetry server span and a JSON error handler (never an HTML page).
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.http;

import org.jspecify.annotations.NullMarked;
