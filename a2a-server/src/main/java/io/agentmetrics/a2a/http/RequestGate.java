package io.agentmetrics.a2a.http;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.internal.LogSafe;
import io.agentmetrics.a2a.jsonrpc.InFlightBudget;
import io.agentmetrics.a2a.jsonrpc.RequestClock;
import io.agentmetrics.a2a.task.TaskEventStream;
import io.agentmetrics.a2a.trace.RequestObserver;
import io.agentmetrics.api.TimeSource;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
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
 * What every A2A route does before and after its binding answers, in one place, so that both
 * protocol versions and every binding (0.3 JSON-RPC, 1.0 JSON-RPC, 1.0 HTTP+JSON) keep the same
 * rules. Before the body is read it refuses a request without the bearer token (401 with {@code
 * WWW-Authenticate}, and the connection is closed) or whose media type the binding does not read
 * (415); it reserves the body's bytes in the in-flight budget (503 with {@code Retry-After} when
 * they do not fit, after the body is read and dropped without holding a thread); it reads the body
 * without holding a thread while it arrives ({@link RequestBody}: 413 beyond the size limit, 408
 * when it arrives too slowly). It then lets the binding answer, watching the client meanwhile so
 * that a blocking send whose client goes away cancels its turn ({@link DisconnectWatch}), and
 * writes one JSON answer, an answer the agent completes later, or a Server-Sent Events stream
 * ({@link EventStreamResponse}). Each refusal is worded by the binding. The reservation is given
 * back when the request's callback completes, however the request ends. The stage timings of a
 * request the binding answers go to the observer, those of an event stream when it completes;
 * refusals (401, 413, 415, 408, busy) and streams the client leaves are not reported.
 *
 * <p>Thread-safe.
 */
final class RequestGate {

  private static final Logger logger = LoggerFactory.getLogger(RequestGate.class);

  private static final Duration MAX_KEEP_ALIVE = Duration.ofSeconds(15);

  private static final String UNAUTHORIZED =
      "Unauthorized: send Authorization: Bearer <token> (see the agent card's securitySchemes)";

  private final BearerTokenCheck auth;
  private final InFlightBudget budget;
  private final int maxBodyBytes;
  private final double sampleRate;
  private final TimeSource time;
  private final RequestObserver observer;
  private final Duration keepAlive;
  private final CallerTurnWatches callerTurns;

  RequestGate(
      BearerTokenCheck auth,
      InFlightBudget budget,
      int maxBodyBytes,
      double sampleRate,
      TimeSource time,
      RequestObserver observer,
      Duration idleTimeout,
      CallerTurnWatches callerTurns) {
    this.auth = requireNonNull(auth, "auth");
    this.budget = requireNonNull(budget, "budget");
    this.maxBodyBytes = maxBodyBytes;
    this.sampleRate = sampleRate;
    this.time = requireNonNull(time, "time");
    this.observer = requireNonNull(observer, "observer");
    Duration half = idleTimeout.dividedBy(2);
    this.keepAlive = half.compareTo(MAX_KEEP_ALIVE) < 0 ? half : MAX_KEEP_ALIVE;
    this.callerTurns = requireNonNull(callerTurns, "callerTurns");
  }

  /** One binding's part: the media types it reads, its refusals' bodies, and its answer. */
  interface Binding {

    /** Whether the binding reads a body of {@code contentType}; asked before the body is read. */
    boolean accepts(@Nullable String contentType);

    /** The body of a refusal before the request reached the binding (401, 408, 413). */
    byte[] refusal(int status, String message);

    /** The 415 body for a request of {@code contentType}. */
    byte[] unsupportedMediaType(@Nullable String contentType);

    /** The 503 body of a full in-flight budget. */
    byte[] busy();

    /** Answers the request, whose whole body is read. */
    Answer serve(byte[] body, RequestClock clock, InFlightBudget.Lease lease);
  }

  /** A binding's answer to an admitted request. */
  sealed interface Answer {

    /** One JSON body with {@code status}, or as a single Server-Sent Event if {@code asEvent}. */
    // The body is handed on as it is, without a copy; no one compares or hashes these records.
    @SuppressWarnings("ArrayRecordComponent")
    record Json(int status, byte[] body, boolean asEvent) implements Answer {}

    /** A retryable refusal: 503 with {@code Retry-After}. */
    // The body is handed on as it is, without a copy; no one compares or hashes these records.
    @SuppressWarnings("ArrayRecordComponent")
    record Busy(byte[] body) implements Answer {}

    /** An answer the agent has yet to produce; the future never fails. */
    record Pending(CompletableFuture<? extends Answer> answer) implements Answer {}

    /** Task events, each written as {@code encoder} renders it. */
    record Stream(TaskEventStream events, EventStreamResponse.Encoder encoder) implements Answer {}
  }

  /** Checks, reserves and reads the request, then has {@code binding} answer it. */
  void admit(Request request, Response response, Callback callback, Binding binding) {
    if (!auth.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      // Refused unread: a client that trickles its body holds no thread, only until the close.
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"a2a\"");
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
      HttpJson.write(
          response,
          callback,
          HttpStatus.UNAUTHORIZED_401,
          binding.refusal(HttpStatus.UNAUTHORIZED_401, UNAUTHORIZED));
      return;
    }
    String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (!binding.accepts(contentType)) {
      Routes.closeIfBodyUnread(request, response);
      HttpJson.write(
          response,
          callback,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE_415,
          binding.unsupportedMediaType(contentType));
      return;
    }
    Optional<InFlightBudget.Lease> reserved = budget.tryReserve(expectedBodyBytes(request));
    if (reserved.isEmpty()) {
      refuseBusy(request, response, callback, binding);
      return;
    }
    InFlightBudget.Lease lease = reserved.get();
    Callback released = Callback.from(lease::close, callback);
    try {
      read(request, response, released, binding, lease);
    } catch (RuntimeException | Error e) {
      lease.close();
      throw e;
    }
  }

  /**
   * Reads the body, holding the request's share of the in-flight budget, and answers it; {@code
   * callback} gives the share back.
   */
  private void read(
      Request request,
      Response response,
      Callback callback,
      Binding binding,
      InFlightBudget.Lease lease) {
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
              dispatch(body, request, response, callback, binding, clock, lease);
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
            HttpJson.write(
                response,
                callback,
                HttpStatus.PAYLOAD_TOO_LARGE_413,
                binding.refusal(
                    HttpStatus.PAYLOAD_TOO_LARGE_413,
                    "Invalid Request: the body exceeds "
                        + maxBodyBytes
                        + " bytes (A2A_MAX_BODY_BYTES)"));
          }

          @Override
          public void failed(Throwable failure) {
            bodyFailed(failure, response, callback, binding);
          }
        });
  }

  /**
   * Answers 503 to a request that does not fit in the in-flight budget, once its body has been read
   * and dropped without holding a thread: a client that is answered while it still sends may see
   * its connection reset before it reads the answer.
   */
  private void refuseBusy(Request request, Response response, Callback callback, Binding binding) {
    RequestBody.discard(
        request,
        maxBodyBytes,
        new RequestBody.Discarded() {
          @Override
          public void discarded(boolean readToEnd) {
            if (!readToEnd) {
              response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
            }
            busy(response, callback, binding.busy());
          }

          @Override
          public void failed(Throwable failure) {
            bodyFailed(failure, response, callback, binding);
          }
        });
  }

  /** Ends a request whose body did not arrive: 408 if it came too slowly, else the client left. */
  private static void bodyFailed(
      Throwable failure, Response response, Callback callback, Binding binding) {
    if (!(failure instanceof TimeoutException)) {
      callback.failed(failure);
      return;
    }
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
    HttpJson.write(
        response,
        callback,
        HttpStatus.REQUEST_TIMEOUT_408,
        binding.refusal(
            HttpStatus.REQUEST_TIMEOUT_408,
            "Request Timeout: the body arrived too slowly; send it at"
                + " A2A_MIN_REQUEST_DATA_RATE bytes per second or more, without pauses longer"
                + " than A2A_IDLE_TIMEOUT_MS"));
  }

  /** What the body will hold at most: its declared length, or the limit when it is chunked. */
  private long expectedBodyBytes(Request request) {
    long declared = request.getLength();
    return declared >= 0 ? Math.min(declared, maxBodyBytes) : maxBodyBytes;
  }

  private static void busy(Response response, Callback callback, byte[] body) {
    response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
    HttpJson.write(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, body);
  }

  private boolean sample() {
    return sampleRate >= 1.0 || ThreadLocalRandom.current().nextDouble() < sampleRate;
  }

  // A pending answer's callback completes the request either way, failure included, so the
  // future whenCompleteAsync returns holds nothing to look at.
  @SuppressWarnings("FutureReturnValueIgnored")
  private void dispatch(
      byte[] body,
      Request request,
      Response response,
      Callback callback,
      Binding binding,
      RequestClock clock,
      InFlightBudget.Lease lease) {
    DisconnectWatch watch = DisconnectWatch.of(request, () -> logDisconnect(clock));
    // A blocking send asks for the watch; its turn may run on this thread until it ends.
    clock.watchClient(
        () -> {
          callerTurns.track(watch);
          return watch.gone();
        });
    Answer answer;
    try {
      answer = binding.serve(body, clock, lease);
    } finally {
      callerTurns.untrack(watch);
    }
    if (answer instanceof Answer.Stream stream) {
      // The request is read and bound; a stream holds only its small events.
      lease.close();
      new EventStreamResponse(
              stream.events(),
              stream.encoder(),
              request,
              response,
              callback,
              clock,
              observer,
              watch,
              keepAlive)
          .start();
    } else if (answer instanceof Answer.Pending pending) {
      BiConsumer<Answer, @Nullable Throwable> answering =
          (done, failure) -> {
            if (failure != null) {
              watch.stop();
              callback.failed(failure);
            } else {
              respond(done, response, callback, clock, watch);
            }
          };
      if (pending.answer().isDone()) {
        // The turn ran on this thread: answer here, with no hand-off to another thread.
        pending.answer().whenComplete(answering);
      } else {
        watch.arm();
        pending.answer().whenCompleteAsync(answering, request.getComponents().getExecutor());
      }
    } else {
      respond(answer, response, callback, clock, watch);
    }
  }

  private void respond(
      Answer answer,
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
    if (answer instanceof Answer.Busy refusal) {
      busy(response, callback, refusal.body());
      return;
    }
    Answer.Json json = (Answer.Json) answer;
    if (json.asEvent()) {
      EventStreamResponse.startEventStream(response);
      response.write(true, EventStreamResponse.event(json.body()), callback);
    } else {
      HttpJson.write(response, callback, json.status(), json.body());
    }
  }

  private static void logDisconnect(RequestClock clock) {
    logger.info(
        "request {} ({}): the client disconnected before its answer; its turn or stream ends",
        LogSafe.of(clock.requestId()),
        clock.method());
  }
}
