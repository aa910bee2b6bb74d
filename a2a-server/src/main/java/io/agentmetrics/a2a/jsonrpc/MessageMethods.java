package io.agentmetrics.a2a.jsonrpc;

import io.agentmetrics.a2a.dto.MessageSendParams;
import io.agentmetrics.a2a.dto.Task;
import java.util.Map;

/**
 * {@code message/send} and {@code message/stream}: bind the params (timed with the {@code
 * message_normalization} stage) and hand them to the shared {@link MessageSender}.
 *
 * <p>Thread-safe.
 */
final class MessageMethods {

  private final ParamsReader reader;
  private final MessageSender sender;

  MessageMethods(ParamsReader reader, MessageSender sender) {
    this.reader = reader;
    this.sender = sender;
  }

  void register(Map<String, MethodHandler> handlers) {
    handlers.put("message/send", this::send);
    handlers.put("message/stream", this::stream);
  }

  private MethodOutcome send(Params params, RequestClock clock) {
    MessageSendParams send = read(params, clock);
    Task task = sender.send(send, clock).task();
    Integer historyLength =
        send.configuration() == null ? null : send.configuration().historyLength();
    return new MethodOutcome.Result(
        historyLength == null ? task : task.withHistoryLimit(historyLength));
  }

  private MethodOutcome stream(Params params, RequestClock clock) {
    return new MethodOutcome.Stream(sender.stream(read(params, clock), clock));
  }

  private MessageSendParams read(Params params, RequestClock clock) {
    long started = clock.now();
    try {
      return reader.read(params, MessageSendParams.class);
    } finally {
      clock.addNormalization(started);
    }
  }
}
