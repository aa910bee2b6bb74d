package io.agentmetrics.a2a.http;

import io.agentmetrics.a2a.v1.RestDispatcher;
import io.agentmetrics.a2a.v1.RestReply;
import io.agentmetrics.a2a.v1.RestRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The HTTP+JSON binding of A2A 1.0 ({@code /message:send}, {@code /tasks/...}, {@code
 * /extendedAgentCard}): the same {@link RequestGate} as the JSON-RPC endpoint (bearer token,
 * in-flight budget, body limit, request timing and trace events), its refusals as {@code
 * google.rpc.Status} bodies, then the {@link RestDispatcher}, whose reply is written as JSON with
 * its status or as Server-Sent Events.
 *
 * <p>Thread-safe.
 */
final class RestRoute implements Route {

  private final RestDispatcher rest;
  private final RequestGate gate;
  private final RequestGate.Refusals refusals;

  RestRoute(RestDispatcher rest, RequestGate gate) {
    this.rest = rest;
    this.gate = gate;
    this.refusals =
        new RequestGate.Refusals() {
          @Override
          public byte[] unauthorized(String message) {
            return rest.errorBody(HttpStatus.UNAUTHORIZED_401, "UNAUTHENTICATED", message);
          }

          @Override
          public byte[] tooLarge(String message) {
            return rest.errorBody(HttpStatus.PAYLOAD_TOO_LARGE_413, "INVALID_ARGUMENT", message);
          }

          @Override
          public byte[] busy() {
            return rest.busy();
          }
        };
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
    gate.admit(request, response, callback, refusals, exchange -> serve(request, exchange));
  }

  private void serve(Request request, RequestGate.Exchange exchange) throws Exception {
    RestReply reply =
        rest.handle(
            new RestRequest(
                request.getMethod(),
                Request.getPathInContext(request),
                query(request),
                request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                JsonRpcRoute.version(request),
                exchange.body()),
            exchange.clock(),
            exchange.lease());
    if (reply instanceof RestReply.Stream stream) {
      exchange.stream(stream.events(), rest::serializeEvent);
    } else if (reply instanceof RestReply.Busy busy) {
      exchange.busy(busy.body());
    } else {
      RestReply.Json json = (RestReply.Json) reply;
      exchange.json(json.status(), json.body());
    }
  }

  private static Map<String, List<String>> query(Request request) {
    if (request.getHttpURI().getQuery() == null) {
      return Map.of();
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Fields.Field field : Request.extractQueryParameters(request)) {
      query.put(field.getName(), field.getValues());
    }
    return query;
  }
}
