package io.agentmetrics.a2a.stage;

import java.util.Set;

/**
 * The JSON-RPC methods that send a message to the agent: the trace log writes only these as the
 * seed's {@code tasks_send_latency} event, the server's stage metrics count only these, and {@code
 * trace-report} reads only these as sends.
 *
 * @since 0.1.0
 */
public final class SendMethods {

  /**
   * The send methods this server serves: A2A 0.3's {@code message/send} and {@code message/stream},
   * and A2A 1.0's {@code SendMessage} and {@code SendStreamingMessage} (over JSON-RPC and HTTP+JSON
   * alike).
   *
   * @since 0.1.0
   */
  public static final Set<String> SERVED =
      Set.of("message/send", "message/stream", "SendMessage", "SendStreamingMessage");

  /**
   * The send methods a trace log may carry: {@link #SERVED} and the {@code tasks/send} and {@code
   * tasks/sendSubscribe} of A2A's older drafts, which other servers' logs still name.
   *
   * @since 0.1.0
   */
  public static final Set<String> LOGGED =
      Set.of(
          "message/send",
          "message/stream",
          "SendMessage",
          "SendStreamingMessage",
          "tasks/send",
          "tasks/sendSubscribe");

  private SendMethods() {}
}
