package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.jsonrpc.JsonRpcEndpoint;
import io.agentmetrics.a2a.jsonrpc.JsonRpcErrorCode;
import io.agentmetrics.a2a.jsonrpc.JsonRpcReply;
import io.agentmetrics.a2a.v1.ProtocolVersion;
import io.agentmetrics.a2a.v1.V1Binding;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The JSON-RPC endpoint ({@code POST /} and {@code POST /tasks/send}): picks the endpoint of the
 * protocol version the request names ({@code A2A-Version}: none or 0.3 for A2A 0.3, 1.0 for A2A
 * 1.0), lets the {@link RequestGate} check the token, reserve and read the body (its refusals
 * worded by that endpoint), dispatches, and writes either one JSON response or a Server-Sent Events
 * stream.
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
  public void handle(Request request, Response response, Callback callback) throws Exception {
    if (!Routes.methodAllowed(mapper, request, response, callback, "POST")) {
      return;
    }
    JsonRpcEndpoint endpoint =
        v1.select(v03, version(request), request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    gate.admit(
        request, response, callback, refusals(endpoint), exchange -> serve(endpoint, exchange));
  }

  private static void serve(JsonRpcEndpoint endpoint, RequestGate.Exchange exchange)
      throws Exception {
    JsonRpcReply reply = endpoint.dispatch(exchange.body(), exchange.clock(), exchange.lease());
    if (reply instanceof JsonRpcReply.Stream stream) {
      exchange.stream(stream.events(), event -> endpoint.serializeEvent(stream.id(), event));
    } else if (reply instanceof JsonRpcReply.Busy busy) {
      exchange.busy(busy.body());
    } else if (reply instanceof JsonRpcReply.Json json && json.asEvent()) {
      exchange.event(json.body());
    } else {
      exchange.json(HttpStatus.OK_200, ((JsonRpcReply.Json) reply).body());
    }
  }

  private static RequestGate.Refusals refusals(JsonRpcEndpoint endpoint) {
    return new RequestGate.Refusals() {
      @Override
      public byte[] unauthorized(String message) {
        return endpoint.errorBody(JsonRpcErrorCode.INVALID_REQUEST, message);
      }

      @Override
      public byte[] tooLarge(String message) {
        return endpoint.errorBody(JsonRpcErrorCode.INVALID_REQUEST, "Invalid Request: " + message);
      }

      @Override
      public byte[] busy() {
        return endpoint.busy().body();
      }
    };
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
}
