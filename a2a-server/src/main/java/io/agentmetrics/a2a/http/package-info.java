/**
 * The HTTP surface on Jetty 12's core handler API: one class per route ({@code GET /}, {@code GET
 * /health}, the agent card, {@code /metrics/summary}, and the JSON-RPC endpoint at {@code POST /}
 * and {@code POST /tasks/send}), plus bearer-token checking, opt-in CORS, the OpenTelemetry server
 * span and a JSON error handler (never an HTML page).
 *
 * @since 0.1.0
 */
@NullMarked
package io.agentmetrics.a2a.http;

import org.jspecify.annotations.NullMarked;
