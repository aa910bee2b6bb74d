package io.agentmetrics.a2a.http;

import io.agentmetrics.a2a.jsonrpc.RequestClock;
import io.agentmetrics.a2a.task.TaskEventStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Server-Sent Events: a task's events as {@code data:} lines until its final status update, with a
 * keep-alive comment while the agent is quiet. Shared by the JSON-RPC endpoint (each event a
 * JSON-RPC response) and the HTTP+JSON binding (each event a {@code StreamResponse}).
 */
final class EventStreams {

  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
  private static final Duration KEEP_ALIVE_INTERVAL = Duration.ofSeconds(15);

  private EventStreams() {}

  /** Encodes one event. */
  @FunctionalInterface
  interface Encoder {
    byte[] encode(Object event) throws IOException;
  }

  static void start(Response response) {
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put("X-Accel-Buffering", "no");
  }

  /** A stream of one event: an error for a client that called a streaming method. */
  static void writeSingle(byte[] json, Response response, Callback callback) {
    start(response);
    byte[] event = new byte[DATA.length + json.length + EVENT_END.length];
    System.arraycopy(DATA, 0, event, 0, DATA.length);
    System.arraycopy(json, 0, event, DATA.length, json.length);
    System.arraycopy(EVENT_END, 0, event, DATA.length + json.length, EVENT_END.length);
    response.write(true, ByteBuffer.wrap(event), callback);
  }

  /**
   * Writes each task event as an SSE event until the final status update. The time spent waiting
   * for events is the agent's; the time spent encoding them is serialization.
   */
  static void write(TaskEventStream stream, Encoder encoder, Response response, RequestClock clock)
      throws IOException, InterruptedException {
    start(response);
    try (TaskEventStream events = stream;
        OutputStream out = Content.Sink.asOutputStream(response)) {
      while (true) {
        long waiting = clock.now();
        Optional<Object> event = events.next(KEEP_ALIVE_INTERVAL);
        clock.addAgent(waiting);
        if (event.isEmpty()) {
          out.write(KEEP_ALIVE);
          out.flush();
          continue;
        }
        long encoding = clock.now();
        byte[] json = encoder.encode(event.get());
        clock.addSerialization(encoding);
        out.write(DATA);
        out.write(json);
        out.write(EVENT_END);
        out.flush();
        if (TaskEventStream.isFinal(event.get())) {
          return;
        }
      }
    }
  }
}
