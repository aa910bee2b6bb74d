package io.agentmetrics.a2a.jsonrpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.agentmetrics.a2a.dto.JsonRpcResponse;
import io.agentmetrics.a2a.internal.LogSafe;
import io.agentmetrics.a2a.store.RetainedSize;
import io.agentmetrics.a2a.task.TaskException;
import io.agentmetrics.a2a.task.TaskPushConfigs;
import io.agentmetrics.a2a.task.TaskService;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The A2A 0.3 JSON-RPC endpoint. Handles one request body: reads its envelope in one streaming pass
 * (the {@code json_parsing} stage), validates it, dispatches to the method, which binds its params
 * straight to records, and serializes the response (the {@code response_serialization} stage). No
 * JSON tree of the request is built. Every failure becomes a JSON-RPC error that echoes the
 * request's {@code id} (null when the id itself is refused); nothing here throws for bad input.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class JsonRpcDispatcher implements JsonRpcEndpoint {

  private static final Logger logger = LoggerFactory.getLogger(JsonRpcDispatcher.class);

  /** Methods answered with Server-Sent Events, errors included. */
  private static final Set<String> STREAMING = Set.of("message/stream", "tasks/resubscribe");

  private final ObjectMapper mapper;
  private final Map<String, MethodHandler> handlers;

  /**
   * A dispatcher serving every A2A v0.3.0 method.
   *
   * @param mapper the server's mapper (with its parse limits)
   * @param tasks the task service
   * @param pushConfigs the tasks' push-notification configs
   * @param sender the send path shared with the other protocol versions
   * @param pushNotifications whether push notifications are offered ({@code -32003} otherwise)
   * @since 0.1.0
   */
  public JsonRpcDispatcher(
      ObjectMapper mapper,
      TaskService tasks,
      TaskPushConfigs pushConfigs,
      MessageSender sender,
      boolean pushNotifications) {
    this.mapper = requireNonNull(mapper, "mapper");
    ParamsReader reader = new ParamsReader(mapper);
    Map<String, MethodHandler> all = new HashMap<>();
    new MessageMethods(reader, sender).register(all);
    new TaskMethods(reader, tasks).register(all);
    new PushConfigMethods(reader, pushConfigs, pushNotifications).register(all);
    this.handlers = Map.copyOf(all);
  }

  @Override
  public JsonRpcReply dispatch(byte[] body, RequestClock clock, InFlightBudget.Lease lease) {
    JsonNode id = NullNode.getInstance();
    boolean streaming = false;
    try {
      RequestEnvelope request = RequestEnvelope.read(mapper, body, clock);
      id = request.id();
      String name = request.checkedMethod(clock, handlers::containsKey);
      MethodHandler handler = handlers.get(name);
      streaming = STREAMING.contains(name);
      if (handler == null) {
        throw new JsonRpcException(
            JsonRpcErrorCode.METHOD_NOT_FOUND,
            "Method not found: the A2A v0.3.0 methods are message/send, message/stream, tasks/get,"
                + " tasks/cancel, tasks/resubscribe and tasks/pushNotificationConfig/*");
      }
      if (!lease.grow(ParamsReader.reading(request.params()))) {
        return busy(id, streaming, clock, InFlightBudget.BUSY);
      }
      MethodOutcome outcome = handler.handle(request.params(), clock);
      if (outcome instanceof MethodOutcome.Stream stream) {
        return new JsonRpcReply.Stream(id, stream.events());
      }
      if (outcome instanceof MethodOutcome.Pending pending) {
        JsonNode answered = id;
        return new JsonRpcReply.Pending(
            pending
                .value()
                .handle(
                    (value, failure) ->
                        failure == null
                            ? json(JsonRpcResponse.success(answered, value), false, clock)
                            : internalError(answered, false, clock, failure)));
      }
      if (outcome instanceof MethodOutcome.Snapshot snapshot) {
        return lease.grow(RetainedSize.of(snapshot.task()))
            ? json(JsonRpcResponse.success(id, snapshot.task()), false, clock)
            : busy(id, false, clock, InFlightBudget.BUSY);
      }
      return json(
          JsonRpcResponse.success(id, ((MethodOutcome.Result) outcome).value()), false, clock);
    } catch (JsonRpcException e) {
      return json(JsonRpcResponse.failure(id, e.code().code(), e.getMessage()), streaming, clock);
    } catch (TaskException e) {
      JsonRpcErrorCode code = code(e.reason());
      if (code == JsonRpcErrorCode.SERVER_BUSY) {
        return busy(id, streaming, clock, "Server busy: " + e.getMessage());
      }
      String message =
          code == JsonRpcErrorCode.INVALID_PARAMS
              ? "Invalid params: " + e.getMessage()
              : e.getMessage();
      return json(JsonRpcResponse.failure(id, code.code(), message), streaming, clock);
    } catch (RuntimeException e) {
      return internalError(id, streaming, clock, e);
    }
  }

  /**
   * The refusal of a request the server has no room for now: 503 with a retry hint, or the same
   * error as the stream's only event.
   */
  private JsonRpcReply busy(JsonNode id, boolean streaming, RequestClock clock, String message) {
    return streaming
        ? json(
            JsonRpcResponse.failure(id, JsonRpcErrorCode.SERVER_BUSY.code(), message), true, clock)
        : new JsonRpcReply.Busy(failure(id, JsonRpcErrorCode.SERVER_BUSY, message));
  }

  private JsonRpcReply.Json internalError(
      JsonNode id, boolean streaming, RequestClock clock, Throwable failure) {
    logger.error("internal error handling request {}", LogSafe.of(clock.requestId()), failure);
    return json(
        JsonRpcResponse.failure(
            id, JsonRpcErrorCode.INTERNAL_ERROR.code(), "Internal error; see the server log"),
        streaming,
        clock);
  }

  /** A2A 0.3 reads {@code application/json} only, with any parameters. */
  @Override
  public boolean acceptsMediaType(@Nullable String contentType) {
    return JsonRpcEndpoint.mediaType(contentType).equals("application/json");
  }

  @Override
  public byte[] unsupportedMediaType(@Nullable String contentType) {
    return errorBody(
        JsonRpcErrorCode.INVALID_REQUEST,
        "Unsupported Media Type: send the JSON-RPC request with Content-Type: application/json");
  }

  @Override
  public JsonRpcReply.Busy busy() {
    return new JsonRpcReply.Busy(errorBody(JsonRpcErrorCode.SERVER_BUSY, InFlightBudget.BUSY));
  }

  @Override
  public byte[] serializeEvent(JsonNode id, Object event) throws IOException {
    return mapper.writeValueAsBytes(JsonRpcResponse.success(id, event));
  }

  @Override
  public byte[] errorBody(JsonRpcErrorCode code, String message) {
    return failure(NullNode.getInstance(), code, message);
  }

  private byte[] failure(JsonNode id, JsonRpcErrorCode code, String message) {
    try {
      return mapper.writeValueAsBytes(JsonRpcResponse.failure(id, code.code(), message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error response is always serializable", e);
    }
  }

  private JsonRpcReply.Json json(JsonRpcResponse response, boolean asEvent, RequestClock clock) {
    long started = clock.now();
    try {
      return new JsonRpcReply.Json(mapper.writeValueAsBytes(response), asEvent);
    } catch (JsonProcessingException e) {
      logger.error(
          "could not serialize the response to request {}", LogSafe.of(clock.requestId()), e);
      return new JsonRpcReply.Json(
          errorBody(JsonRpcErrorCode.INTERNAL_ERROR, "Internal error; see the server log"),
          asEvent);
    } finally {
      clock.addSerialization(started);
    }
  }

  private static JsonRpcErrorCode code(TaskException.Reason reason) {
    return switch (reason) {
      case NOT_FOUND -> JsonRpcErrorCode.TASK_NOT_FOUND;
      case NOT_CANCELABLE -> JsonRpcErrorCode.TASK_NOT_CANCELABLE;
      case UNSUPPORTED -> JsonRpcErrorCode.UNSUPPORTED_OPERATION;
      case INVALID_PARAMS -> JsonRpcErrorCode.INVALID_PARAMS;
      case OVERLOADED -> JsonRpcErrorCode.SERVER_BUSY;
    };
  }
}
