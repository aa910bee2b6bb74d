package io.agentmetrics.a2a.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.google.lf.a2a.v1.CancelTaskRequest;
import com.google.lf.a2a.v1.DeleteTaskPushNotificationConfigRequest;
import com.google.lf.a2a.v1.GetExtendedAgentCardRequest;
import com.google.lf.a2a.v1.GetTaskPushNotificationConfigRequest;
import com.google.lf.a2a.v1.GetTaskRequest;
import com.google.lf.a2a.v1.ListTaskPushNotificationConfigsRequest;
import com.google.lf.a2a.v1.ListTasksRequest;
import com.google.lf.a2a.v1.SendMessageRequest;
import com.google.lf.a2a.v1.SendMessageResponse;
import com.google.lf.a2a.v1.SubscribeToTaskRequest;
import com.google.lf.a2a.v1.TaskPushNotificationConfig;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.agentmetrics.a2a.jsonrpc.InFlightBudget;
import io.agentmetrics.a2a.jsonrpc.JsonRpcEndpoint;
import io.agentmetrics.a2a.jsonrpc.JsonRpcErrorCode;
import io.agentmetrics.a2a.jsonrpc.JsonRpcException;
import io.agentmetrics.a2a.jsonrpc.JsonRpcReply;
import io.agentmetrics.a2a.jsonrpc.Params;
import io.agentmetrics.a2a.jsonrpc.RequestClock;
import io.agentmetrics.a2a.jsonrpc.RequestEnvelope;
import io.agentmetrics.a2a.task.TaskEventStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The JSON-RPC binding of A2A 1.0 (specification section 9): the methods {@code SendMessage},
 * {@code SendStreamingMessage}, {@code GetTask}, {@code ListTasks}, {@code CancelTask}, {@code
 * SubscribeToTask}, the four push-config methods and {@code GetExtendedAgentCard}, with ProtoJSON
 * params and results, and errors whose {@code data} array carries a {@code google.rpc.ErrorInfo}.
 * Requests are read through the same {@link RequestEnvelope} as 0.3's, with its limits, id checks
 * and timing stages; reading the params as ProtoJSON is first reserved in the in-flight budget
 * ({@link WireWeight}).
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class V1JsonRpcEndpoint implements JsonRpcEndpoint {

  private final ObjectMapper mapper;
  private final Errors errors;
  private final WireMapping wire;
  private final Map<String, Method> methods;

  V1JsonRpcEndpoint(ObjectMapper mapper, V1Operations operations, WireMapping wire) {
    this.mapper = mapper;
    this.wire = wire;
    this.errors = new Errors(mapper);
    this.methods =
        Map.ofEntries(
            Map.entry(
                "SendMessage",
                c -> sent(operations.send(c.read(SendMessageRequest.newBuilder()), c.clock()))),
            Map.entry(
                "SendStreamingMessage",
                c ->
                    new Outcome.Events(
                        operations.stream(c.read(SendMessageRequest.newBuilder()), c.clock()))),
            Map.entry(
                "GetTask",
                c -> result(operations.get(c.read(GetTaskRequest.newBuilder()), c.lease()))),
            Map.entry(
                "ListTasks",
                c -> result(operations.list(c.read(ListTasksRequest.newBuilder()), c.lease()))),
            Map.entry(
                "CancelTask",
                c -> result(operations.cancel(c.read(CancelTaskRequest.newBuilder())))),
            Map.entry(
                "SubscribeToTask",
                c ->
                    new Outcome.Events(
                        operations.subscribe(c.read(SubscribeToTaskRequest.newBuilder())))),
            Map.entry(
                "CreateTaskPushNotificationConfig",
                c ->
                    result(
                        operations.createPushConfig(
                            c.read(TaskPushNotificationConfig.newBuilder())))),
            Map.entry(
                "GetTaskPushNotificationConfig",
                c ->
                    result(
                        operations.getPushConfig(
                            c.read(GetTaskPushNotificationConfigRequest.newBuilder())))),
            Map.entry(
                "ListTaskPushNotificationConfigs",
                c ->
                    result(
                        operations.listPushConfigs(
                            c.read(ListTaskPushNotificationConfigsRequest.newBuilder())))),
            Map.entry(
                "DeleteTaskPushNotificationConfig",
                c -> {
                  operations.deletePushConfig(
                      c.read(DeleteTaskPushNotificationConfigRequest.newBuilder()));
                  return result(Empty.getDefaultInstance());
                }),
            Map.entry(
                "GetExtendedAgentCard",
                c -> {
                  c.read(GetExtendedAgentCardRequest.newBuilder());
                  return result(operations.extendedCard());
                }));
  }

  @Override
  public JsonRpcReply dispatch(byte[] body, RequestClock clock, InFlightBudget.Lease lease) {
    JsonNode id = NullNode.getInstance();
    try {
      RequestEnvelope request = RequestEnvelope.read(mapper, body, clock);
      id = request.id();
      Method method = methods.get(request.checkedMethod(clock, methods::containsKey));
      if (method == null) {
        throw new A2aException(
            A2aError.METHOD_NOT_FOUND,
            "Method not found: the A2A 1.0 methods are SendMessage, SendStreamingMessage, GetTask,"
                + " ListTasks, CancelTask, SubscribeToTask, CreateTaskPushNotificationConfig,"
                + " GetTaskPushNotificationConfig, ListTaskPushNotificationConfigs,"
                + " DeleteTaskPushNotificationConfig and GetExtendedAgentCard");
      }
      Outcome outcome = method.call(new Call(request.params(), clock, lease));
      if (outcome instanceof Outcome.Events events) {
        return new JsonRpcReply.Stream(id, events.events());
      }
      if (outcome instanceof Outcome.Pending pending) {
        JsonNode answered = id;
        return new JsonRpcReply.Pending(
            pending
                .result()
                .handle(
                    (json, failure) ->
                        failure == null
                            ? envelope(answered, "result", new RawValue(json), clock)
                            : errorJson(answered, Errors.of(failure, clock.requestId()), clock)));
      }
      return envelope(id, "result", new RawValue(((Outcome.Result) outcome).json()), clock);
    } catch (RuntimeException e) {
      return error(id, Errors.of(e, clock.requestId()), clock);
    }
  }

  /** {@code -32603} with HTTP 503 and {@code Retry-After}: see {@link A2aError#UNAVAILABLE}. */
  @Override
  public JsonRpcReply.Busy busy() {
    return new JsonRpcReply.Busy(
        bytes(
            response(
                NullNode.getInstance(),
                "error",
                errors.jsonRpcError(new A2aException(A2aError.UNAVAILABLE, InFlightBudget.BUSY)))));
  }

  /** {@code application/json}, or the HTTP+JSON binding's {@code application/a2a+json}. */
  @Override
  public boolean acceptsMediaType(@Nullable String contentType) {
    return MediaTypes.isJson(contentType);
  }

  /** {@code -32005} ContentTypeNotSupportedError with its ErrorInfo. */
  @Override
  public byte[] unsupportedMediaType(@Nullable String contentType) {
    return bytes(
        response(
            NullNode.getInstance(),
            "error",
            errors.jsonRpcError(MediaTypes.notSupported(contentType))));
  }

  @Override
  public byte[] serializeEvent(JsonNode id, Object event) throws IOException {
    ObjectNode response = mapper.createObjectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    response.putRawValue("result", new RawValue(ProtoJson.write(wire.event(event))));
    return mapper.writeValueAsBytes(response);
  }

  @Override
  public byte[] errorBody(JsonRpcErrorCode code, String message) {
    A2aError error =
        code == JsonRpcErrorCode.INVALID_REQUEST ? A2aError.INVALID_REQUEST : A2aError.INTERNAL;
    return bytes(
        response(
            NullNode.getInstance(),
            "error",
            errors.jsonRpcError(new A2aException(error, message))));
  }

  /**
   * An endpoint that answers every request with {@code error}, echoing the request's id when the
   * body has a readable one.
   */
  JsonRpcEndpoint refusing(A2aException error) {
    return new JsonRpcEndpoint() {
      @Override
      public JsonRpcReply dispatch(byte[] body, RequestClock clock, InFlightBudget.Lease lease) {
        JsonNode id = NullNode.getInstance();
        try {
          id = RequestEnvelope.read(mapper, body, clock).id();
        } catch (JsonRpcException unreadable) {
          // the refusal is the answer; an unreadable body only loses its id
        }
        clock.identify(id.isNull() ? null : id.asText(), "unknown");
        return error(id, error, clock);
      }

      @Override
      public byte[] serializeEvent(JsonNode id, Object event) {
        throw new IllegalStateException("a refused request has no events");
      }

      @Override
      public byte[] errorBody(JsonRpcErrorCode code, String message) {
        return V1JsonRpcEndpoint.this.errorBody(code, message);
      }

      @Override
      public JsonRpcReply.Busy busy() {
        return V1JsonRpcEndpoint.this.busy();
      }

      @Override
      public boolean acceptsMediaType(@Nullable String contentType) {
        return V1JsonRpcEndpoint.this.acceptsMediaType(contentType);
      }

      @Override
      public byte[] unsupportedMediaType(@Nullable String contentType) {
        return V1JsonRpcEndpoint.this.unsupportedMediaType(contentType);
      }
    };
  }

  /** A request for a version this server does not speak: -32009 with its ErrorInfo. */
  static A2aException versionNotSupported(@Nullable String version) {
    return new A2aException(
        A2aError.VERSION_NOT_SUPPORTED,
        "Version not supported: this server speaks A2A 0.3 and 1.0; send A2A-Version: 1.0 (or"
            + " none for 0.3)",
        Map.of(
            "requestedVersion",
            version == null ? "" : Sanitize.header(version),
            "supportedVersions",
            "0.3,1.0"));
  }

  private static Outcome result(com.google.protobuf.MessageOrBuilder message) {
    return new Outcome.Result(ProtoJson.write(message));
  }

  /** A send's result: now, or once a blocking send waiting in the agent's line has run. */
  private static Outcome sent(CompletableFuture<SendMessageResponse> sent) {
    if (sent.isDone()) {
      return result(sent.join());
    }
    return new Outcome.Pending(sent.thenApply(ProtoJson::write));
  }

  /**
   * An error response; a full in-flight budget is a busy reply. A streaming method's error is a
   * plain JSON response, not an event: 1.0 clients read the Content-Type to tell a refused stream
   * from an open one.
   */
  private JsonRpcReply error(JsonNode id, A2aException error, RequestClock clock) {
    JsonRpcReply.Json reply = errorJson(id, error, clock);
    return error.error() == A2aError.UNAVAILABLE ? new JsonRpcReply.Busy(reply.body()) : reply;
  }

  private JsonRpcReply.Json errorJson(JsonNode id, A2aException error, RequestClock clock) {
    return envelope(id, "error", errors.jsonRpcError(error), clock);
  }

  private JsonRpcReply.Json envelope(JsonNode id, String field, Object value, RequestClock clock) {
    long started = clock.now();
    try {
      return new JsonRpcReply.Json(bytes(response(id, field, value)), false);
    } finally {
      clock.addSerialization(started);
    }
  }

  private ObjectNode response(JsonNode id, String field, Object value) {
    ObjectNode response = mapper.createObjectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    if (value instanceof RawValue raw) {
      response.putRawValue(field, raw);
    } else {
      response.set(field, (JsonNode) value);
    }
    return response;
  }

  private byte[] bytes(ObjectNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a response tree is always serializable", e);
    }
  }

  /** One method: reads its params and produces a result or a stream. */
  @FunctionalInterface
  private interface Method {
    Outcome call(Call call);
  }

  /** One call of a method: its params, the request's clock and its share of the budget. */
  private record Call(Params params, RequestClock clock, InFlightBudget.Lease lease) {

    /**
     * The params as ProtoJSON, once what reading holds is reserved; the read is timed as message
     * normalization, as 0.3's params binding is.
     */
    // Protobuf's Message.Builder.build() is not generic: T is the message type of the builder the
    // caller passes, and the unchecked cast to it is made here, once.
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    <T extends Message> T read(Message.Builder builder) {
      if (params.shape() == Params.Shape.NOT_AN_OBJECT) {
        throw new A2aException(A2aError.INVALID_PARAMS, "Invalid params: params must be an object");
      }
      WireWeight.reserve(lease, WireWeight.reading(params));
      long started = clock.now();
      try {
        return (T) ProtoJson.read(params.json(), builder);
      } finally {
        clock.addNormalization(started);
      }
    }
  }

  /** What a method produced. */
  private sealed interface Outcome {
    /** A result, already ProtoJSON. */
    record Result(String json) implements Outcome {}

    /** A result the agent has yet to produce, already ProtoJSON when it comes. */
    record Pending(CompletableFuture<String> result) implements Outcome {}

    /** Task events, sent as Server-Sent Events. */
    record Events(TaskEventStream events) implements Outcome {}
  }
}
