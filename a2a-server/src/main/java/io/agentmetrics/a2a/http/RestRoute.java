package io.agentmetrics.a2a.http;

import io.agentmetrics.a2a.jsonrpc.InFlightBudget;
import io.agentmetrics.a2a.jsonrpc.RequestClock;
import io.agentmetrics.a2a.v1.RestDispatcher;
import io.agentmetrics.a2a.v1.RestReply;
import io.agentmetrics.a2a.v1.RestRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP+JSON binding of A2A 1.0 ({@code /message:send}, {@code /tasks/...}, {@code
 * /extendedAgentCard}): the same {@link RequestGate} as the JSON-RPC endpoint (bearer token before
 * the body, JSON media types only for a {@code POST}, in-flight budget, body limit and read rate,
 * disconnect watch, stream caps, request timing and trace events), its refusals as {@code
 * google.rpc.Status} bodies, then the {@link RestDispatcher}, whose reply is written as JSON with
 * its status or as Server-Sent Events.
 *
 * <p>Thread-safe.
 */
final class RestRoute implements Route {

  private final RestDispatcher rest;
  private final RequestGate gate;

  RestRoute(RestDispatcher rest, RequestGate gate) {
    this.rest = rest;
    this.gate = gate;
  }

  /** Whether {@code path} belongs to the HTTP+JSON binding. */
  static boolean serves(String path) {
    return path.equals("/tasks")
        || (path.startsWith("/tasks/") && !path.equals("/tasks/send"))
        || path.startsWith("/message:")
        || path.equals("/extendedAgentCard");
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    gate.admit(request, response, callback, new Binding(request));
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

  /** One request as the gate sees it. */
  private final class Binding implements RequestGate.Binding {

    private final Request request;

    Binding(Request request) {
      this.request = request;
    }

    @Override
    public boolean accepts(@Nullable String contentType) {
      // Only a POST's media type is checked; the gate still reads any method's body up to the
      // limit.
      return !"POST".equals(request.getMethod()) || rest.acceptsMediaType(contentType);
    }

    @Override
    public byte[] refusal(int status, String message) {
      return rest.errorBody(status, message);
    }

    @Override
    public byte[] unsupportedMediaType(@Nullable String contentType) {
      return rest.unsupportedMediaType(contentType);
    }

    @Override
    public byte[] busy() {
      return rest.busy();
    }

    @Override
    public RequestGate.Answer serve(byte[] body, RequestClock clock, InFlightBudget.Lease lease) {
      return answer(
          rest.handle(
              new RestRequest(
                  request.getMethod(),
                  Request.getPathInContext(request),
                  query(request),
                  request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                  JsonRpcRoute.version(request),
                  body),
              clock,
              lease));
    }

    private RequestGate.Answer answer(RestReply reply) {
      if (reply instanceof RestReply.Stream stream) {
        return new RequestGate.Answer.Stream(stream.events(), rest::serializeEvent);
      }
      if (reply instanceof RestReply.Pending pending) {
        return new RequestGate.Answer.Pending(pending.reply().thenApply(this::answer));
      }
      if (reply instanceof RestReply.Busy busy) {
        return new RequestGate.Answer.Busy(busy.body());
      }
      RestReply.Json json = (RestReply.Json) reply;
      return new RequestGate.Answer.Json(json.status(), json.body(), false);
    }
  }
}
