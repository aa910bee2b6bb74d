package io.agentmetrics.a2a.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.a2a.dto.MessageSendParams;
import io.agentmetrics.a2a.dto.Task;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code message/send} and {@code message/stream}: read the params and hand them to the shared
 * {@link MessageSender}.
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

  private MethodOutcome send(@Nullable JsonNode params, RequestClock clock) {
    long started = clock.now();
    MessageSendParams send = reader.read(params, MessageSendParams.class);
    clock.addNormalization(started);
    Task task = sender.send(send, clock).task();
    Integer historyLength =
        send.configuration() == null ? null : send.configuration().historyLength();
    return new MethodOutcome.Result(
        historyLength == null ? task : task.withHistoryLimit(historyLength));
  }

  private MethodOutcome stream(@Nullable JsonNode params, RequestClock clock) {
    long started = clock.now();
    MessageSendParams send = reader.read(params, MessageSendParams.class);
    clock.addNormalization(started);
    return new MethodOutcome.Stream(sender.stream(send, clock));
  }
}
