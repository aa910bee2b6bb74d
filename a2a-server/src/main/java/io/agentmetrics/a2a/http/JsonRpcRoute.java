package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.internal.LogSafe;
import io.agentmetrics.a2a.jsonrpc.InFlightBudget;
import io.agentmetrics.a2a.jsonrpc.JsonRpcDispatcher;
import io.agentmetrics.a2a.jsonrpc.JsonRpcErrorCode;
import io.agentmetrics.a2a.jsonrpc.JsonRpcReply;
import io.agentmetrics.a2a.jsonrpc.RequestClock;
import io.agentmetrics.a2a.trace.RequestObserver;
import io.agentmetrics.api.TimeSource;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC endpoint ({@code POST /} and {@code POST /tasks/send}). It refuses before reading
 * the body a request without the bearer token (401, and the connection is closed) or without a JSON
 * content type (415); reserves the body's bytes in the in-flight budget (503 with {@code
 * Retry-After} and a JSON-RPC error when they do not fit, after the body is read and dropped
 * without holding a thread); reads the body without holding a thread while it arrives (413 with a
 * JSON-RPC error beyond the size limit, 408 when it arrives too slowly); dispatches; and writes one
 * JSON response, a response the agent completes later, or a Server-Sent Events stream. The
 * reservation is given back when the request's callback completes, however the request ends. A
 * client that goes away while its blocking send waits cancels the turn. Every request's stage
 * timings go to the observer.
 *
 * <p>Thread-safe.
 */
final class JsonRpcRoute implements Route {

  private static final Logger logger = LoggerFactory.getLogger(JsonRpcRoute.class);

  private static final Duration MAX_KEEP_ALIVE = Duration.ofSeconds(15);

  private final ObjectMapper mapper;
  private final JsonRpcDispatcher dispatcher;
  private final BearerTokenCheck auth;
  private final RequestObserver observer;
  private final TimeSource time;
  private final int maxBodyBytes;
  private final InFlightBudget budget;
  private final double sampleRate;
  private final Duration keepAlive;
  private final CallerTurnWatches callerTurns;

  JsonRpcRoute(
      ObjectMapper mapper,
      JsonRpcDispatcher dispatcher,
      BearerTokenCheck auth,
      RequestObserver observer,
      TimeSource time,
      int maxBodyBytes,
      InFlightBudget budget,
      double sampleRate,
      Duration idleTimeout,
      CallerTurnWatches callerTurns) {
    this.mapper = mapper;
    this.dispatcher = dispatcher;
    this.auth = auth;
    this.observer = observer;
    this.time = time;
    this.maxBodyBytes = maxBodyBytes;
    this.budget = budget;
    this.sampleRate = sampleRate;
    Duration half = idleTimeout.dividedBy(2);
    this.keepAlive = half.compareTo(MAX_KEEP_ALIVE) < 0 ? half : MAX_KEEP_ALIVE;
    this.callerTurns = callerTurns;
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    if (!Routes.methodAllowed(mapper, request, response, callback, "POST")) {
      return;
    }
    if (!auth.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      // Refused unread: a client that trickles its body holds no thread, only until the close.
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"a2a\"");
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
      refuse(
          response,
          callback,
          HttpStatus.UNAUTHORIZED_401,
          "Unauthorized: send Authorization: Bearer <token> (see the agent card's"
              + " securitySchemes)");
      return;
    }
    if (!isJson(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
      Routes.closeIfBodyUnread(request, response);
      refuse(
          response,
          callback,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE_415,
          "Unsupported Media Type: send the JSON-RPC request with Content-Type: application/json");
      return;
    }
    Optional<InFlightBudget.Lease> reserved = budget.tryReserve(expectedBodyBytes(request));
    if (reserved.isEmpty()) {
      refuseBusy(request, response, callback);
      return;
    }
    InFlightBudget.Lease lease = reserved.get();
    Callback released = Callback.from(lease::close, callback);
    try {
      serve(request, response, released, lease);
    } catch (RuntimeException | Error e) {
      lease.close();
      throw e;
    }
  }

  /**
   * Reads the body, holding the request's share of the in-flight budget, and answers it; {@code
   * callback} gives the share back.
   */
  private void serve(
      Request request, Response response, Callback callback, InFlightBudget.Lease lease) {
    RequestClock clock = new RequestClock(time, sample());
    // The request's server span; the body may arrive after this handler has returned.
    Context context = Context.current();
    RequestBody.read(
        request,
        maxBodyBytes,
        new RequestBody.Receiver() {
          @Override
          public void body(byte[] body) {
            Scope scope = context.makeCurrent();
            try {
              dispatch(body, request, response, callback, clock, lease);
            } catch (RuntimeException e) {
              // Called back after the handler returned, nobody else would end the request.
              callback.failed(e);
            } finally {
              scope.close();
            }
          }

          @Override
          public void tooLarge(boolean readToEnd) {
            if (!readToEnd) {
              response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
            }
            refuse(
                response,
                callback,
                HttpStatus.PAYLOAD_TOO_LARGE_413,
                "Invalid Request: the body exceeds "
                    + maxBodyBytes
                    + " bytes (A2A_MAX_BODY_BYTES)");
          }

          @Override
          public void failed(Throwable failure) {
            bodyFailed(failure, response, callback);
          }
        });
  }

  /**
   * Answers 503 to a request that does not fit in the in-flight budget, once its body has been read
   * and dropped without holding a thread: a client that is answered while it still sends may see
   * its connection reset before it reads the answer.
   */
  private void refuseBusy(Request request, Response response, Callback callback) {
    RequestBody.discard(
        request,
        maxBodyBytes,
        new RequestBody.Discarded() {
          @Override
          public void discarded(boolean readToEnd) {
            if (!readToEnd) {
              response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
            }
            busy(response, callback, dispatcher.busy());
          }

          @Override
          public void failed(Throwable failure) {
            bodyFailed(failure, response, callback);
          }
        });
  }

  /** Ends a request whose body did not arrive: 408 if it came too slowly, else the client left. */
  private void bodyFailed(Throwable failure, Response response, Callback callback) {
    if (!(failure instanceof TimeoutException)) {
      callback.failed(failure);
      return;
    }
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
    refuse(
        response,
        callback,
        HttpStatus.REQUEST_TIMEOUT_408,
        "Request Timeout: the body arrived too slowly; send it at"
            + " A2A_MIN_REQUEST_DATA_RATE bytes per second or more, without pauses longer"
            + " than A2A_IDLE_TIMEOUT_MS");
  }

  /** Whether {@code contentType} is {@code application/json}, with or without parameters. */
  static boolean isJson(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return mediaType.trim().toLowerCase(Locale.ROOT).equals(HttpJson.JSON);
  }

  private void refuse(Response response, Callback callback, int status, String message) {
    HttpJson.write(
        response,
        callback,
        status,
        dispatcher.errorBody(JsonRpcErrorCode.INVALID_REQUEST, message));
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

  private void dispatch(
      byte[] body,
      Request request,
      Response response,
      Callback callback,
      RequestClock clock,
      InFlightBudget.Lease lease) {
    DisconnectWatch watch = DisconnectWatch.of(request, () -> logDisconnect(clock));
    // A blocking send asks for the watch; its turn may run on this thread until it ends.
    clock.watchClient(
        () -> {
          callerTurns.track(watch);
          return watch.gone();
        });
    JsonRpcReply reply;
    try {
      reply = dispatcher.dispatch(body, clock, lease);
    } finally {
      callerTurns.untrack(watch);
    }
    if (reply instanceof JsonRpcReply.Stream stream) {
      // The request is read and bound; a stream holds only its small events.
      lease.close();
      new EventStreamResponse(
              stream, request, response, callback, dispatcher, clock, observer, watch, keepAlive)
          .start();
    } else if (reply instanceof JsonRpcReply.Pending pending) {
      watch.arm();
      pending
          .reply()
          .whenCompleteAsync(
              (json, failure) -> {
                if (failure != null) {
                  watch.stop();
                  callback.failed(failure);
                } else {
                  respond(json, response, callback, clock, watch);
                }
              },
              request.getComponents().getExecutor());
    } else {
      respond(reply, response, callback, clock, watch);
    }
  }

  private void respond(
      JsonRpcReply reply,
      Response response,
      Callback callback,
      RequestClock clock,
      DisconnectWatch watch) {
    watch.stop();
    if (watch.inputTaken()) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
    }
    // Reported before the write, as the seed does: total is the handler's time, and the trace
    // line is out before the client sees the response.
    observer.onRequest(clock.finish());
    if (reply instanceof JsonRpcReply.Busy refusal) {
      busy(response, callback, refusal);
      return;
    }
    JsonRpcReply.Json json = (JsonRpcReply.Json) reply;
    if (json.asEvent()) {
      EventStreamResponse.startEventStream(response);
      response.write(true, EventStreamResponse.event(json.body()), callback);
    } else {
      HttpJson.write(response, callback, HttpStatus.OK_200, json.body());
    }
  }

  private static void logDisconnect(RequestClock clock) {
    logger.info(
        "request {} ({}): the client disconnected before its answer; its turn or stream ends",
        LogSafe.of(clock.requestId()),
        clock.method());
  }
}
