package io.agentmetrics.a2a.trace;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The five request stages of one JSON-RPC request, in milliseconds.
 *
 * @param requestId the JSON-RPC id, or a generated {@code req-<uuid>} when the request had none or
 *     its body could not be read
 * @param method the JSON-RPC method, or {@code unknown} when it could not be read
 * @param taskId the task the request sent a message to, or {@code null} for other methods; it lets
 *     {@code grep <task id>} find both trace events of a request, as the seed's guide suggests
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
    @Nullable String taskId,
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
