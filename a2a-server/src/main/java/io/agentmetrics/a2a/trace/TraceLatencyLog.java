package io.agentmetrics.a2a.trace;

/**
 * Writes the trace events, one JSON object per line (see {@link TraceLogAppender}): the seed's
 * {@code tasks_send_latency} per send ({@code message/send} or {@code message/stream} on either
 * path, or A2A 1.0's {@code SendMessage} or {@code SendStreamingMessage} in either binding), {@code
 * jsonrpc_request_latency} per other request (such as {@code tasks/get}, {@code GetTask}, or a body
 * that could not be read), so that the seed's recipes over {@code tasks_send_latency} see sends
 * only, and the seed's {@code agent_processing_detail} per agent run, with the run's {@code
 * queue_wait} and its {@code task_total} (from submission to the final state, which a non-blocking
 * send reaches after its response) beside the seed's four stages, and the LLM's {@code usage}
 * ({@code model}, {@code input_tokens}, {@code output_tokens} and, when the model has a price,
 * {@code cost_usd}) when the provider reported it. Only sampled requests are written, and the
 * events carry ids, timings and counts only, never message text; the ids a client chose are escaped
 * and cut ({@link io.agentmetrics.a2a.internal.LogSafe}).
 *
 * <p>The request thread only hands the immutable timing record to the installed writer; the line is
 * rendered on the writer's thread ({@link TraceLineEncoder}).
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class TraceLatencyLog implements RequestObserver {

  /** The event of a send, as the seed names it. */
  static final String SEND_EVENT = "tasks_send_latency";

  /** The event of every other JSON-RPC request. */
  static final String REQUEST_EVENT = "jsonrpc_request_latency";

  /** The event of an agent run, as the seed names it. */
  static final String AGENT_EVENT = "agent_processing_detail";

  /**
   * Creates the log writer.
   *
   * @since 0.1.0
   */
  public TraceLatencyLog() {}

  @Override
  public void onRequest(RequestLatency latency) {
    if (latency.sampled()) {
      TraceLogAppender.offer(latency);
    }
  }

  @Override
  public void onAgentRun(AgentRunLatency latency) {
    if (latency.sampled()) {
      TraceLogAppender.offer(latency);
    }
  }
}
