package io.agentmetrics.a2a.jsonrpc;

import io.agentmetrics.a2a.dto.MessageSendParams;
import io.agentmetrics.a2a.dto.Task;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code message/send} and {@code message/stream}: bind the params (timed with the {@code
 * message_normalization} stage) and hand them to the shared {@link MessageSender}. A blocking send
 * whose turn waits in the agent's line is answered when the turn has run.
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
    Integer historyLength =
        send.configuration() == null ? null : send.configuration().historyLength();
    CompletableFuture<MessageSender.Sent> sent = sender.send(send, clock);
    if (sent.isDone()) {
      return new MethodOutcome.Result(limited(sent.join().task(), historyLength));
    }
    return new MethodOutcome.Pending(
        sent.<Object>thenApply(result -> limited(result.task(), historyLength)));
  }

  private static Task limited(Task task, @Nullable Integer historyLength) {
    return historyLength == null ? task : task.withHistoryLimit(historyLength);
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
