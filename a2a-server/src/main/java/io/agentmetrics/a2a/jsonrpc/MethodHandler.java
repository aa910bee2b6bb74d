package io.agentmetrics.a2a.jsonrpc;

/** One JSON-RPC method: reads its params and produces a result or a stream. */
@FunctionalInterface
interface MethodHandler {

  MethodOutcome handle(Params params, RequestClock clock);
}
