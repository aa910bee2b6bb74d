package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.jsonrpc.RequestClock;
import io.agentmetrics.a2a.trace.RequestObserver;
import io.agentmetrics.a2a.v1.RestDispatcher;
import io.agentmetrics.a2a.v1.RestReply;
import io.agentmetrics.a2a.v1.RestRequest;
import io.agentmetrics.api.TimeSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The HTTP+JSON binding of A2A 1.0 ({@code /message:send}, {@code /tasks/...}, {@code
 * /extendedAgentCard}): the same bearer-token check, body limit, request timing and trace events as
 * the JSON-RPC endpoint, then the {@link RestDispatcher}, whose reply is written as JSON with its
 * status or as Server-Sent Events.
 *
 * <p>Thread-safe.
 */
final class RestRoute implements Route {

  private final ObjectMapper mapper;
  private final RestDispatcher rest;
  private final BearerTokenCheck auth;
  private final RequestObserver observer;
  private final TimeSource time;
  private final RequestBodies bodies;
  private final int maxBodyBytes;
  private final double sampleRate;

  RestRoute(
      ObjectMapper mapper,
      RestDispatcher rest,
      BearerTokenCheck auth,
      RequestObserver observer,
      TimeSource time,
      int maxBodyBytes,
      double sampleRate) {
    this.mapper = mapper;
    this.rest = rest;
    this.auth = auth;
    this.observer = observer;
    this.time = time;
    this.bodies = new RequestBodies(maxBodyBytes);
    this.maxBodyBytes = maxBodyBytes;
    this.sampleRate = sampleRate;
  }

  /** Whether {@code path} belongs to the HTTP+JSON binding. */
  static boolean serves(String path) {
    return path.equals("/tasks")
        || (path.startsWith("/tasks/") && !path.equals("/tasks/send"))
        || path.startsWith("/message:")
        || path.equals("/extendedAgentCard");
  }

  @Override
  public void handle(Request request, Response response, Callback callback) throws Exception {
    if (!auth.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      bodies.discard(request);
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"a2a\"");
      error(
          response,
          callback,
          HttpStatus.UNAUTHORIZED_401,
          "UNAUTHENTICATED",
          "Unauthorized: send Authorization: Bearer <token> (see the agent card's"
              + " securitySchemes)");
      return;
    }
    RequestClock clock =
        new RequestClock(
            time, sampleRate >= 1.0 || ThreadLocalRandom.current().nextDouble() < sampleRate);
    Optional<byte[]> body = bodies.read(request);
    if (body.isEmpty()) {
      error(
          response,
          callback,
          HttpStatus.PAYLOAD_TOO_LARGE_413,
          "INVALID_ARGUMENT",
          "the body exceeds " + maxBodyBytes + " bytes (A2A_MAX_BODY_BYTES)");
      return;
    }
    RestReply reply =
        rest.handle(
            new RestRequest(
                request.getMethod(),
                Request.getPathInContext(request),
                query(request),
                request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                JsonRpcRoute.version(request),
                body.get()),
            clock);
    if (reply instanceof RestReply.Stream stream) {
      EventStreams.write(stream.events(), rest::serializeEvent, response, clock);
      observer.onRequest(clock.finish());
      callback.succeeded();
      return;
    }
    RestReply.Json json = (RestReply.Json) reply;
    observer.onRequest(clock.finish());
    HttpJson.write(response, callback, json.status(), json.body());
  }

  private static Map<String, List<String>> query(Request request) {
    Fields fields = Request.extractQueryParameters(request);
    Map<String, List<String>> query = new java.util.LinkedHashMap<>();
    for (Fields.Field field : fields) {
      query.put(field.getName(), field.getValues());
    }
    return query;
  }

  private void error(
      Response response, Callback callback, int status, String rpcStatus, String message) {
    HttpJson.write(
        mapper,
        response,
        callback,
        status,
        Map.of("error", Map.of("code", status, "status", rpcStatus, "message", message)));
  }
}
