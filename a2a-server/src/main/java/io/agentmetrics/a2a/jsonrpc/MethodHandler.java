package io.agentmetrics.a2a.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** One JSON-RPC method: reads its params and produces a result or a stream. */
@FunctionalInterface
interface MethodHandler {

  MethodOutcome handle(@Nullable JsonNode params, RequestClock clock);
}
