package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.jsonrpc.InFlightBudget;
import io.agentmetrics.a2a.jsonrpc.JsonRpcDispatcher;
import io.agentmetrics.a2a.jsonrpc.JsonRpcErrorCode;
import io.agentmetrics.a2a.jsonrpc.JsonRpcReply;
import io.agentmetrics.a2a.jsonrpc.RequestClock;
import io.agentmetrics.a2a.task.TaskEventStream;
import io.agentmetrics.a2a.trace.RequestObserver;
import io.agentmetrics.api.TimeSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The JSON-RPC endpoint ({@code POST /} and {@code POST /tasks/send}): checks the bearer token,
 * reserves the body's bytes in the in-flight budget (503 with {@code Retry-After} and a JSON-RPC
 * error when they do not fit), reads the body up to the size limit (413 with a JSON-RPC error
 * beyond it), dispatches, and writes either one JSON response or a Server-Sent Events stream. The
 * reservation is given back when the response is done, however the request ends. Every request's
 * stage timings go to the observer after the response is written.
 *
 * <p>Thread-safe.
 */
final class JsonRpcRoute implements Route {

  /** Oversized bodies up to this multiple of the limit are drained before the 413. */
  private static final int DRAINED_OVERSIZE = 4;

  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
  private static final Duration KEEP_ALIVE_INTERVAL = Duration.ofSeconds(15);

  private final ObjectMapper mapper;
  private final JsonRpcDispatcher dispatcher;
  private final BearerTokenCheck auth;
  private final RequestObserver observer;
  private final TimeSource time;
  private final int maxBodyBytes;
  private final InFlightBudget budget;
  private final double sampleRate;

  JsonRpcRoute(
      ObjectMapper mapper,
      JsonRpcDispatcher dispatcher,
      BearerTokenCheck auth,
      RequestObserver observer,
      TimeSource time,
      int maxBodyBytes,
      InFlightBudget budget,
      double sampleRate) {
    this.mapper = mapper;
    this.dispatcher = dispatcher;
    this.auth = auth;
    this.observer = observer;
    this.time = time;
    this.maxBodyBytes = maxBodyBytes;
    this.budget = budget;
    this.sampleRate = sampleRate;
  }

  @Override
  public void handle(Request request, Response response, Callback callback) throws Exception {
    if (!Routes.methodAllowed(mapper, request, response, callback, "POST")) {
      return;
    }
    if (!auth.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      discardBody(request);
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"a2a\"");
      HttpJson.write(
          response,
          callback,
          HttpStatus.UNAUTHORIZED_401,
          dispatcher.errorBody(
              JsonRpcErrorCode.INVALID_REQUEST,
              "Unauthorized: send Authorization: Bearer <token> (see the agent card's"
                  + " securitySchemes)"));
      return;
    }
    Optional<InFlightBudget.Lease> reserved = budget.tryReserve(expectedBodyBytes(request));
    if (reserved.isEmpty()) {
      discardBody(request);
      busy(response, callback, dispatcher.busy());
      return;
    }
    InFlightBudget.Lease lease = reserved.get();
    try {
      serve(request, response, Callback.from(lease::close, callback), lease);
    } catch (Exception | Error e) {
      lease.close();
      throw e;
    }
  }

  private void serve(
      Request request, Response response, Callback callback, InFlightBudget.Lease lease)
      throws Exception {
    RequestClock clock = new RequestClock(time, sample());
    Optional<byte[]> body = readBody(request);
    if (body.isEmpty()) {
      HttpJson.write(
          response,
          callback,
          HttpStatus.PAYLOAD_TOO_LARGE_413,
          dispatcher.errorBody(
              JsonRpcErrorCode.INVALID_REQUEST,
              "Invalid Request: the body exceeds " + maxBodyBytes + " bytes (A2A_MAX_BODY_BYTES)"));
      return;
    }
    JsonRpcReply reply = dispatcher.dispatch(body.get(), clock, lease);
    if (reply instanceof JsonRpcReply.Busy refusal) {
      observer.onRequest(clock.finish());
      busy(response, callback, refusal);
      return;
    }
    if (reply instanceof JsonRpcReply.Stream stream) {
      // The request is read and bound; a stream holds only its small events.
      lease.close();
      streamEvents(stream, response, clock);
      observer.onRequest(clock.finish());
      callback.succeeded();
      return;
    }
    // Reported before the write, as the seed does: total is the handler's time, and the trace
    // line is out before the client sees the response.
    observer.onRequest(clock.finish());
    if (reply instanceof JsonRpcReply.Json json && json.asEvent()) {
      startEventStream(response);
      byte[] event = new byte[DATA.length + json.body().length + EVENT_END.length];
      System.arraycopy(DATA, 0, event, 0, DATA.length);
      System.arraycopy(json.body(), 0, event, DATA.length, json.body().length);
      System.arraycopy(EVENT_END, 0, event, DATA.length + json.body().length, EVENT_END.length);
      response.write(true, ByteBuffer.wrap(event), callback);
    } else {
      HttpJson.write(response, callback, HttpStatus.OK_200, ((JsonRpcReply.Json) reply).body());
    }
  }

  /** What the body will hold at most: its declared length, or the limit when it is chunked. */
  private long expectedBodyBytes(Request request) {
    long declared = request.getLength();
    return declared >= 0 ? Math.min(declared, maxBodyBytes) : maxBodyBytes;
  }

  private static void busy(Response response, Callback callback, JsonRpcReply.Busy refusal) {
    response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
    HttpJson.write(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, refusal.body());
  }

  private boolean sample() {
    return sampleRate >= 1.0 || ThreadLocalRandom.current().nextDouble() < sampleRate;
  }

  /**
   * The body, or empty when it is over the limit. A body up to {@value #DRAINED_OVERSIZE} times the
   * limit is read to its end and dropped before the 413 goes out: answering while the client still
   * sends and then closing can reset the connection before the client reads the answer. Larger
   * bodies are refused unread.
   */
  private Optional<byte[]> readBody(Request request) throws IOException {
    long declared = request.getLength();
    if (declared > (long) maxBodyBytes * DRAINED_OVERSIZE) {
      return Optional.empty();
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (declared >= 0 && declared <= maxBodyBytes) {
        // Content-Length frames the body: one array of exactly that size, no growing buffers.
        return Optional.of(in.readNBytes((int) declared));
      }
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      if (body.length <= maxBodyBytes) {
        return Optional.of(body);
      }
      drain(in, (long) maxBodyBytes * DRAINED_OVERSIZE - body.length);
      return Optional.empty();
    }
  }

  /**
   * Reads and drops the body of a refused request, up to the body limit, so the connection stays
   * open for the client's next request: Jetty closes a connection whose request body is left unread
   * when the response completes, under a client that may already be reusing it. A larger body is
   * left unread, and its connection closed, as before.
   */
  private void discardBody(Request request) throws IOException {
    if (request.getLength() > maxBodyBytes) {
      return;
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      drain(in, maxBodyBytes);
    }
  }

  /** Reads and drops at most {@code limit} more bytes: a chunked body may never end. */
  private static void drain(InputStream in, long limit) throws IOException {
    byte[] scratch = new byte[8192];
    long left = limit;
    int read;
    while (left > 0 && (read = in.read(scratch, 0, (int) Math.min(scratch.length, left))) > 0) {
      left -= read;
    }
  }

  private static void startEventStream(Response response) {
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put("X-Accel-Buffering", "no");
  }

  /**
   * Writes each task event as an SSE event until the final status update. The time spent waiting
   * for events is the agent's; the time spent encoding them is serialization.
   */
  private void streamEvents(JsonRpcReply.Stream stream, Response response, RequestClock clock)
      throws IOException, InterruptedException {
    startEventStream(response);
    try (TaskEventStream events = stream.events();
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
        byte[] json = dispatcher.serializeEvent(stream.id(), event.get());
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
