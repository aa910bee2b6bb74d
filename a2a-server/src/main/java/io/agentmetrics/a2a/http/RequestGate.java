package io.agentmetrics.a2a.http;

import io.agentmetrics.a2a.jsonrpc.InFlightBudget;
import io.agentmetrics.a2a.jsonrpc.RequestClock;
import io.agentmetrics.a2a.task.TaskEventStream;
import io.agentmetrics.a2a.trace.RequestObserver;
import io.agentmetrics.api.TimeSource;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What every A2A route does before and after its binding answers, in one place, so that both
 * protocol versions and both bindings keep the same rules: the bearer token (401 with {@code
 * WWW-Authenticate}), a reservation of the body's bytes in the in-flight budget (503 with {@code
 * Retry-After} when they do not fit), the body read up to the size limit (413 beyond it), a stage
 * clock sampled for the trace log, and the answer written as one JSON body or as Server-Sent
 * Events, with the request's stage timings reported to the observer. Each refusal is worded by the
 * binding. The reservation is given back when the response is done, however the request ends.
 *
 * <p>Thread-safe.
 */
final class RequestGate {

  private static final String UNAUTHORIZED =
      "Unauthorized: send Authorization: Bearer <token> (see the agent card's securitySchemes)";

  private final BearerTokenCheck auth;
  private final InFlightBudget budget;
  private final RequestBodies bodies;
  private final int maxBodyBytes;
  private final double sampleRate;
  private final TimeSource time;
  private final RequestObserver observer;

  RequestGate(
      BearerTokenCheck auth,
      InFlightBudget budget,
      int maxBodyBytes,
      double sampleRate,
      TimeSource time,
      RequestObserver observer) {
    this.auth = auth;
    this.budget = budget;
    this.bodies = new RequestBodies(maxBodyBytes);
    this.maxBodyBytes = maxBodyBytes;
    this.sampleRate = sampleRate;
    this.time = time;
    this.observer = observer;
  }

  /** How a binding words the gate's refusals. */
  interface Refusals {

    /** The 401 body, saying {@code message}. */
    byte[] unauthorized(String message);

    /** The 413 body, saying {@code message}. */
    byte[] tooLarge(String message);

    /** The 503 body of a full in-flight budget. */
    byte[] busy();
  }

  /** A binding's answer to a request the gate let through. */
  @FunctionalInterface
  interface Binding {
    void serve(Exchange exchange) throws Exception;
  }

  /** Checks, reserves and reads the request, then hands it to {@code binding}. */
  void admit(
      Request request, Response response, Callback callback, Refusals refusals, Binding binding)
      throws Exception {
    if (!auth.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      bodies.discard(request);
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"a2a\"");
      HttpJson.write(
          response, callback, HttpStatus.UNAUTHORIZED_401, refusals.unauthorized(UNAUTHORIZED));
      return;
    }
    Optional<InFlightBudget.Lease> reserved = budget.tryReserve(bodies.expectedBytes(request));
    if (reserved.isEmpty()) {
      bodies.discard(request);
      busy(response, callback, refusals.busy());
      return;
    }
    InFlightBudget.Lease lease = reserved.get();
    try {
      Callback released = Callback.from(lease::close, callback);
      RequestClock clock = new RequestClock(time, sample());
      Optional<byte[]> body = bodies.read(request);
      if (body.isEmpty()) {
        HttpJson.write(
            response,
            released,
            HttpStatus.PAYLOAD_TOO_LARGE_413,
            refusals.tooLarge("the body exceeds " + maxBodyBytes + " bytes (A2A_MAX_BODY_BYTES)"));
        return;
      }
      binding.serve(new Exchange(response, released, body.get(), clock, lease));
    } catch (Exception | Error e) {
      lease.close();
      throw e;
    }
  }

  private boolean sample() {
    return sampleRate >= 1.0 || ThreadLocalRandom.current().nextDouble() < sampleRate;
  }

  private static void busy(Response response, Callback callback, byte[] body) {
    response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
    HttpJson.write(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, body);
  }

  /**
   * One admitted request: its body, clock and reservation, and the ways to answer it. Each answer
   * reports the request's stage timings to the observer: a JSON answer before it is written, as the
   * seed does (total is the handler's time, and the trace line is out before the client sees the
   * response), a stream once it has ended.
   *
   * <p>Not thread-safe: the request's thread owns it.
   */
  final class Exchange {
    private final Response response;
    private final Callback callback;
    private final byte[] body;
    private final RequestClock clock;
    private final InFlightBudget.Lease lease;

    private Exchange(
        Response response,
        Callback callback,
        byte[] body,
        RequestClock clock,
        InFlightBudget.Lease lease) {
      this.response = response;
      this.callback = callback;
      this.body = body;
      this.clock = clock;
      this.lease = lease;
    }

    byte[] body() {
      return body;
    }

    RequestClock clock() {
      return clock;
    }

    InFlightBudget.Lease lease() {
      return lease;
    }

    /** Sends {@code json} with {@code status}. */
    void json(int status, byte[] json) {
      observer.onRequest(clock.finish());
      HttpJson.write(response, callback, status, json);
    }

    /**
     * Sends {@code json} as a 503 with {@code Retry-After}: the budget could not hold the answer.
     */
    void busy(byte[] json) {
      observer.onRequest(clock.finish());
      RequestGate.busy(response, callback, json);
    }

    /** Sends {@code json} as a stream of one event, for a client that called a streaming method. */
    void event(byte[] json) {
      observer.onRequest(clock.finish());
      EventStreams.writeSingle(json, response, callback);
    }

    /**
     * Streams {@code events}; the reservation is given back first, since the request is read and
     * bound, and a stream holds only its small events.
     */
    void stream(TaskEventStream events, EventStreams.Encoder encoder) throws Exception {
      lease.close();
      EventStreams.write(events, encoder, response, clock);
      observer.onRequest(clock.finish());
      callback.succeeded();
    }
  }
}
