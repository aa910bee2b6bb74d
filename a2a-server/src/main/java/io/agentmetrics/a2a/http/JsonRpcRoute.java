package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.jsonrpc.JsonRpcEndpoint;
import io.agentmetrics.a2a.jsonrpc.JsonRpcErrorCode;
import io.agentmetrics.a2a.jsonrpc.JsonRpcReply;
import io.agentmetrics.a2a.jsonrpc.RequestClock;
import io.agentmetrics.a2a.trace.RequestObserver;
import io.agentmetrics.a2a.v1.ProtocolVersion;
import io.agentmetrics.a2a.v1.V1Binding;
import io.agentmetrics.api.TimeSource;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The JSON-RPC endpoint ({@code POST /} and {@code POST /tasks/send}): checks the bearer token,
 * reads the body up to the size limit (413 with a JSON-RPC error beyond it), dispatches to the
 * endpoint of the protocol version the request names ({@code A2A-Version}: none or 0.3 for A2A 0.3,
 * 1.0 for A2A 1.0), and writes either one JSON response or a Server-Sent Events stream. Every
 * request's stage timings go to the observer after the response is written.
 *
 * <p>Thread-safe.
 */
final class JsonRpcRoute implements Route {

  private final ObjectMapper mapper;
  private final JsonRpcEndpoint v03;
  private final V1Binding v1;
  private final BearerTokenCheck auth;
  private final RequestObserver observer;
  private final TimeSource time;
  private final int maxBodyBytes;
  private final RequestBodies bodies;
  private final double sampleRate;

  JsonRpcRoute(
      ObjectMapper mapper,
      JsonRpcEndpoint v03,
      V1Binding v1,
      BearerTokenCheck auth,
      RequestObserver observer,
      TimeSource time,
      int maxBodyBytes,
      double sampleRate) {
    this.mapper = mapper;
    this.v03 = v03;
    this.v1 = v1;
    this.auth = auth;
    this.observer = observer;
    this.time = time;
    this.maxBodyBytes = maxBodyBytes;
    this.bodies = new RequestBodies(maxBodyBytes);
    this.sampleRate = sampleRate;
  }

  @Override
  public void handle(Request request, Response response, Callback callback) throws Exception {
    if (!Routes.methodAllowed(mapper, request, response, callback, "POST")) {
      return;
    }
    if (!auth.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      bodies.discard(request);
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"a2a\"");
      HttpJson.write(
          response,
          callback,
          HttpStatus.UNAUTHORIZED_401,
          v03.errorBody(
              JsonRpcErrorCode.INVALID_REQUEST,
              "Unauthorized: send Authorization: Bearer <token> (see the agent card's"
                  + " securitySchemes)"));
      return;
    }
    RequestClock clock = new RequestClock(time, sample());
    Optional<byte[]> body = bodies.read(request);
    if (body.isEmpty()) {
      HttpJson.write(
          response,
          callback,
          HttpStatus.PAYLOAD_TOO_LARGE_413,
          v03.errorBody(
              JsonRpcErrorCode.INVALID_REQUEST,
              "Invalid Request: the body exceeds " + maxBodyBytes + " bytes (A2A_MAX_BODY_BYTES)"));
      return;
    }
    JsonRpcEndpoint endpoint =
        v1.select(v03, version(request), request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    JsonRpcReply reply = endpoint.dispatch(body.get(), clock);
    if (reply instanceof JsonRpcReply.Stream stream) {
      EventStreams.write(
          stream.events(), event -> endpoint.serializeEvent(stream.id(), event), response, clock);
      observer.onRequest(clock.finish());
      callback.succeeded();
      return;
    }
    // Reported before the write, as the seed does: total is the handler's time, and the trace
    // line is out before the client sees the response.
    observer.onRequest(clock.finish());
    if (reply instanceof JsonRpcReply.Json json && json.asEvent()) {
      EventStreams.writeSingle(json.body(), response, callback);
    } else {
      HttpJson.write(response, callback, HttpStatus.OK_200, ((JsonRpcReply.Json) reply).body());
    }
  }

  /** The version the request names: the {@code A2A-Version} header, else its query parameter. */
  static @Nullable String version(Request request) {
    String header = request.getHeaders().get(ProtocolVersion.HEADER);
    if (header != null || request.getHttpURI().getQuery() == null) {
      // Most requests (every 0.3 one) have no query: nothing to parse on the hot path.
      return header;
    }
    return Request.extractQueryParameters(request).getValue(ProtocolVersion.HEADER);
  }

  private boolean sample() {
    return sampleRate >= 1.0 || ThreadLocalRandom.current().nextDouble() < sampleRate;
  }
}
