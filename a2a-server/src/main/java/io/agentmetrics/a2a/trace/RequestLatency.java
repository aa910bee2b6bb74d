package io.agentmetrics.a2a.trace;

import static java.util.Objects.requireNonNull;

/**
 * The five request stages of one JSON-RPC request, in milliseconds.
 *
 * @param requestId the JSON-RPC id, or a generated one when the request had none
 * @param method the JSON-RPC method, or {@code unknown} when it could not be read
 * @param jsonParsingMs parsing the body
 * @param messageNormalizationMs validating and normalizing the message
 * @param agentProcessingMs waiting for the agent (zero for methods that do not run it)
 * @param responseSerializationMs serializing the response
 * @param totalMs wall-clock time of the whole request
 * @param sampled whether this request is written to the trace log
 * @since 0.1.0
 */
public record RequestLatency(
    String requestId,
    String method,
    double jsonParsingMs,
    double messageNormalizationMs,
    double agentProcessingMs,
    double responseSerializationMs,
    double totalMs,
    boolean sampled) {

  /** Checks the ids. */
  public RequestLatency {
    requireNonNull(requestId, "requestId");
    requireNonNull(method, "method");
  }
}
