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
import com.google.lf.a2a.v1.SubscribeToTaskRequest;
import com.google.lf.a2a.v1.TaskPushNotificationConfig;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.agentmetrics.a2a.jsonrpc.JsonRpcEndpoint;
import io.agentmetrics.a2a.jsonrpc.JsonRpcEnvelope;
import io.agentmetrics.a2a.jsonrpc.JsonRpcErrorCode;
import io.agentmetrics.a2a.jsonrpc.JsonRpcException;
import io.agentmetrics.a2a.jsonrpc.JsonRpcReply;
import io.agentmetrics.a2a.jsonrpc.RequestClock;
import io.agentmetrics.a2a.task.TaskEventStream;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The JSON-RPC binding of A2A 1.0 (specification section 9): the methods {@code SendMessage},
 * {@code SendStreamingMessage}, {@code GetTask}, {@code ListTasks}, {@code CancelTask}, {@code
 * SubscribeToTask}, the four push-config methods and {@code GetExtendedAgentCard}, with ProtoJSON
 * params and results, and errors whose {@code data} array carries a {@code google.rpc.ErrorInfo}.
 * The envelope rules (and their timing stages) are those of the 0.3 endpoint.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class V1JsonRpcEndpoint implements JsonRpcEndpoint {

  private final ObjectMapper mapper;
  private final V1Operations operations;
  private final Errors errors;
  private final WireMapping wire;
  private final Map<String, Method> methods;

  V1JsonRpcEndpoint(ObjectMapper mapper, V1Operations operations, WireMapping wire) {
    this.mapper = mapper;
    this.operations = operations;
    this.wire = wire;
    this.errors = new Errors(mapper);
    this.methods =
        Map.ofEntries(
            Map.entry(
                "SendMessage",
                (p, c) -> result(operations.send(read(p, SendMessageRequest.newBuilder(), c), c))),
            Map.entry(
                "SendStreamingMessage",
                (p, c) ->
                    stream(operations.stream(read(p, SendMessageRequest.newBuilder(), c), c))),
            Map.entry(
                "GetTask",
                (p, c) -> result(operations.get(read(p, GetTaskRequest.newBuilder(), c)))),
            Map.entry(
                "ListTasks",
                (p, c) -> result(operations.list(read(p, ListTasksRequest.newBuilder(), c)))),
            Map.entry(
                "CancelTask",
                (p, c) -> result(operations.cancel(read(p, CancelTaskRequest.newBuilder(), c)))),
            Map.entry(
                "SubscribeToTask",
                (p, c) ->
                    stream(operations.subscribe(read(p, SubscribeToTaskRequest.newBuilder(), c)))),
            Map.entry(
                "CreateTaskPushNotificationConfig",
                (p, c) ->
                    result(
                        operations.createPushConfig(
                            read(p, TaskPushNotificationConfig.newBuilder(), c)))),
            Map.entry(
                "GetTaskPushNotificationConfig",
                (p, c) ->
                    result(
                        operations.getPushConfig(
                            read(p, GetTaskPushNotificationConfigRequest.newBuilder(), c)))),
            Map.entry(
                "ListTaskPushNotificationConfigs",
                (p, c) ->
                    result(
                        operations.listPushConfigs(
                            read(p, ListTaskPushNotificationConfigsRequest.newBuilder(), c)))),
            Map.entry(
                "DeleteTaskPushNotificationConfig",
                (p, c) -> {
                  operations.deletePushConfig(
                      read(p, DeleteTaskPushNotificationConfigRequest.newBuilder(), c));
                  return result(Empty.getDefaultInstance());
                }),
            Map.entry(
                "GetExtendedAgentCard",
                (p, c) -> {
                  read(p, GetExtendedAgentCardRequest.newBuilder(), c);
                  return result(operations.extendedCard());
                }));
  }

  @Override
  public JsonRpcReply dispatch(byte[] body, RequestClock clock) {
    JsonNode id = NullNode.getInstance();
    try {
      JsonNode root = JsonRpcEnvelope.parse(mapper, body, clock);
      id = JsonRpcEnvelope.id(root);
      JsonRpcEnvelope request = JsonRpcEnvelope.of(root, id, clock, methods::containsKey);
      Method method = methods.get(request.method());
      if (method == null) {
        throw new A2aException(
            A2aError.METHOD_NOT_FOUND,
            "Method not found: the A2A 1.0 methods are SendMessage, SendStreamingMessage, GetTask,"
                + " ListTasks, CancelTask, SubscribeToTask, CreateTaskPushNotificationConfig,"
                + " GetTaskPushNotificationConfig, ListTaskPushNotificationConfigs,"
                + " DeleteTaskPushNotificationConfig and GetExtendedAgentCard");
      }
      Outcome outcome = method.call(request.params().isNull() ? null : request.params(), clock);
      if (outcome instanceof Outcome.Events events) {
        return new JsonRpcReply.Stream(id, events.events());
      }
      return envelope(id, "result", new RawValue(((Outcome.Result) outcome).json()), false, clock);
    } catch (RuntimeException e) {
      A2aException error = Errors.of(e, clock.requestId());
      // A streaming method's error is a plain JSON response, not an event: 1.0 clients read the
      // Content-Type to tell a refused stream from an open one.
      return envelope(id, "error", errors.jsonRpcError(error), false, clock);
    }
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
      public JsonRpcReply dispatch(byte[] body, RequestClock clock) {
        JsonNode id = NullNode.getInstance();
        try {
          id = JsonRpcEnvelope.id(JsonRpcEnvelope.parse(mapper, body, clock));
        } catch (JsonRpcException unreadable) {
          // the refusal is the answer; an unreadable body only loses its id
        }
        clock.identify(id.isNull() ? "req-" + UUID.randomUUID() : id.asText(), "unknown");
        return envelope(id, "error", errors.jsonRpcError(error), false, clock);
      }

      @Override
      public byte[] serializeEvent(JsonNode id, Object event) {
        throw new IllegalStateException("a refused request has no events");
      }

      @Override
      public byte[] errorBody(JsonRpcErrorCode code, String message) {
        return V1JsonRpcEndpoint.this.errorBody(code, message);
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

  /** A request whose {@code Content-Type} is not JSON: -32005 with its ErrorInfo. */
  static A2aException contentTypeNotSupported(@Nullable String contentType) {
    return new A2aException(
        A2aError.CONTENT_TYPE_NOT_SUPPORTED,
        "Content type not supported: send the request as application/json, not "
            + (contentType == null ? "no Content-Type" : Sanitize.header(contentType)));
  }

  /** Reads the params as ProtoJSON; timed as message normalization, as 0.3's params binding is. */
  private static <T extends Message> T read(
      @Nullable JsonNode params, Message.Builder builder, RequestClock clock) {
    long started = clock.now();
    try {
      if (params == null || params.isNull()) {
        return ProtoJson.read("{}", builder);
      }
      if (!params.isObject()) {
        throw new A2aException(A2aError.INVALID_PARAMS, "Invalid params: params must be an object");
      }
      return ProtoJson.read(params.toString(), builder);
    } finally {
      clock.addNormalization(started);
    }
  }

  private static Outcome result(com.google.protobuf.MessageOrBuilder message) {
    return new Outcome.Result(ProtoJson.write(message));
  }

  private static Outcome stream(TaskEventStream events) {
    return new Outcome.Events(events);
  }

  private JsonRpcReply.Json envelope(
      JsonNode id, String field, Object value, boolean asEvent, RequestClock clock) {
    long started = clock.now();
    try {
      return new JsonRpcReply.Json(bytes(response(id, field, value)), asEvent);
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
    Outcome call(@Nullable JsonNode params, RequestClock clock);
  }

  /** What a method produced. */
  private sealed interface Outcome {
    /** A result, already ProtoJSON. */
    record Result(String json) implements Outcome {}

    /** Task events, sent as Server-Sent Events. */
    record Events(TaskEventStream events) implements Outcome {}
  }
}
