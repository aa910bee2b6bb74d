package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.jsonrpc.InFlightBudget;
import io.agentmetrics.a2a.jsonrpc.JsonRpcEndpoint;
import io.agentmetrics.a2a.jsonrpc.JsonRpcErrorCode;
import io.agentmetrics.a2a.jsonrpc.JsonRpcReply;
import io.agentmetrics.a2a.jsonrpc.RequestClock;
import io.agentmetrics.a2a.v1.ProtocolVersion;
import io.agentmetrics.a2a.v1.V1Binding;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The JSON-RPC endpoint ({@code POST /} and {@code POST /tasks/send}): picks the endpoint of the
 * protocol version the request names ({@code A2A-Version}: none or 0.3 for A2A 0.3, 1.0 for A2A
 * 1.0), lets the {@link RequestGate} check the token and the media type, reserve and read the body
 * (its refusals worded by that endpoint), dispatches, and has the gate write one JSON response, a
 * response the agent completes later, or a Server-Sent Events stream.
 *
 * <p>Thread-safe.
 */
final class JsonRpcRoute implements Route {

  private final ObjectMapper mapper;
  private final JsonRpcEndpoint v03;
  private final V1Binding v1;
  private final RequestGate gate;

  JsonRpcRoute(ObjectMapper mapper, JsonRpcEndpoint v03, V1Binding v1, RequestGate gate) {
    this.mapper = mapper;
    this.v03 = v03;
    this.v1 = v1;
    this.gate = gate;
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    if (!Routes.methodAllowed(mapper, request, response, callback, "POST")) {
      return;
    }
    gate.admit(request, response, callback, new Binding(v1.select(v03, version(request))));
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

  /** One version's endpoint as the gate sees it. */
  private record Binding(JsonRpcEndpoint endpoint) implements RequestGate.Binding {

    @Override
    public boolean accepts(@Nullable String contentType) {
      return endpoint.acceptsMediaType(contentType);
    }

    @Override
    public byte[] refusal(int status, String message) {
      return endpoint.errorBody(JsonRpcErrorCode.INVALID_REQUEST, message);
    }

    @Override
    public byte[] unsupportedMediaType(@Nullable String contentType) {
      return endpoint.unsupportedMediaType(contentType);
    }

    @Override
    public byte[] busy() {
      return endpoint.busy().body();
    }

    @Override
    public RequestGate.Answer serve(byte[] body, RequestClock clock, InFlightBudget.Lease lease) {
      return answer(endpoint.dispatch(body, clock, lease));
    }

    private RequestGate.Answer answer(JsonRpcReply reply) {
      if (reply instanceof JsonRpcReply.Stream stream) {
        return new RequestGate.Answer.Stream(
            stream.events(), event -> endpoint.serializeEvent(stream.id(), event));
      }
      if (reply instanceof JsonRpcReply.Pending pending) {
        return new RequestGate.Answer.Pending(pending.reply().thenApply(this::answer));
      }
      if (reply instanceof JsonRpcReply.Busy busy) {
        return new RequestGate.Answer.Busy(busy.body());
      }
      JsonRpcReply.Json json = (JsonRpcReply.Json) reply;
      return new RequestGate.Answer.Json(HttpStatus.OK_200, json.body(), json.asEvent());
    }
  }
}
