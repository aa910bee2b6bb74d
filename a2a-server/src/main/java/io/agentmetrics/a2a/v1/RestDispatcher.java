package io.agentmetrics.a2a.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.lf.a2a.v1.CancelTaskRequest;
import com.google.lf.a2a.v1.DeleteTaskPushNotificationConfigRequest;
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
import com.google.protobuf.MessageOrBuilder;
import io.agentmetrics.a2a.jsonrpc.InFlightBudget;
import io.agentmetrics.a2a.jsonrpc.Params;
import io.agentmetrics.a2a.jsonrpc.RequestClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP+JSON binding of A2A 1.0 (specification section 11): the spec's paths ({@code
 * /message:send}, {@code /tasks/{id}}, {@code /tasks/{id}:cancel}, ...), request parameters in the
 * body or as camelCase query parameters, ProtoJSON bodies, and errors as {@code google.rpc.Status}
 * JSON (AIP-193) with the binding's HTTP statuses. A body is read as a JSON-RPC body is: one
 * streaming pass within the server's JSON limits, then ProtoJSON once what that holds is reserved
 * in the in-flight budget; a task read back is reserved too, and a full budget is HTTP 503.
 *
 * <p>Requests must name A2A 1.0 in {@code A2A-Version}: this server has no 0.3 HTTP+JSON binding,
 * and a request without the header is a 0.3 request (section 3.6.2). A body must be {@code
 * application/json} or {@code application/a2a+json}.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class RestDispatcher {

  private static final String TASKS = "/tasks";
  private static final String PUSH_CONFIGS = "pushNotificationConfigs";

  private final ObjectMapper mapper;
  private final V1Operations operations;
  private final WireMapping wire;
  private final Errors errors;

  RestDispatcher(ObjectMapper mapper, V1Operations operations, WireMapping wire) {
    this.mapper = mapper;
    this.operations = operations;
    this.wire = wire;
    this.errors = new Errors(mapper);
  }

  /**
   * Answers one request.
   *
   * @param request the request
   * @param clock the request's stage clock
   * @param lease the request's share of the in-flight budget, which reading the body as ProtoJSON
   *     and a task read back must grow first
   * @return the reply; never throws for bad input
   * @since 0.1.0
   */
  public RestReply handle(RestRequest request, RequestClock clock, InFlightBudget.Lease lease) {
    try {
      if (ProtocolVersion.of(request.version()).orElse(null) != ProtocolVersion.V1_0) {
        throw new A2aException(
            A2aError.VERSION_NOT_SUPPORTED,
            "Version not supported: the HTTP+JSON binding speaks A2A 1.0; send the header"
                + " A2A-Version: 1.0 (A2A 0.3 clients use JSON-RPC at /)",
            Map.of(
                "requestedVersion",
                request.version() == null ? "" : Sanitize.header(request.version()),
                "supportedVersions",
                ProtocolVersion.V1_0.label()));
      }
      return route(request, clock, lease);
    } catch (RuntimeException e) {
      RestReply.Json error = error(Errors.of(e, clock.requestId()), clock);
      return error.status() == A2aError.UNAVAILABLE.httpStatus()
          ? new RestReply.Busy(error.body())
          : error;
    }
  }

  private RestReply.Json error(A2aException error, RequestClock clock) {
    long started = clock.now();
    try {
      return new RestReply.Json(error.error().httpStatus(), errors.restError(error));
    } finally {
      clock.addSerialization(started);
    }
  }

  /**
   * The refusal of a request that does not fit in the in-flight budget, before its body is read.
   *
   * @return the {@code google.rpc.Status} body
   * @since 0.1.0
   */
  public byte[] busy() {
    return errors.restError(new A2aException(A2aError.UNAVAILABLE, InFlightBudget.BUSY));
  }

  /**
   * The body of a refusal before the body is read: 401 ({@code UNAUTHENTICATED}), 408 ({@code
   * DEADLINE_EXCEEDED}) or 413 ({@code INVALID_ARGUMENT}).
   *
   * @param status the HTTP status
   * @param message what is wrong and what to do
   * @return the {@code google.rpc.Status} body
   * @since 0.1.0
   */
  public byte[] errorBody(int status, String message) {
    String rpcStatus =
        switch (status) {
          case 401 -> "UNAUTHENTICATED";
          case 408 -> "DEADLINE_EXCEEDED";
          default -> "INVALID_ARGUMENT";
        };
    return errors.restError(status, rpcStatus, message);
  }

  /**
   * Whether a {@code POST} body of {@code contentType} is read: {@code application/json} or {@code
   * application/a2a+json}, with any parameters. Any other type is refused before the body is read,
   * so that a browser's form, text or multipart post from another site never runs an operation.
   *
   * @param contentType the {@code Content-Type} header, if any
   * @return whether the body is read
   * @since 0.1.0
   */
  public boolean acceptsMediaType(@Nullable String contentType) {
    return MediaTypes.isJson(contentType);
  }

  /**
   * The 415 body: {@code ContentTypeNotSupportedError} with its {@code ErrorInfo}.
   *
   * @param contentType the {@code Content-Type} header, if any
   * @return the {@code google.rpc.Status} body
   * @since 0.1.0
   */
  public byte[] unsupportedMediaType(@Nullable String contentType) {
    return errors.restError(MediaTypes.notSupported(contentType));
  }

  /**
   * Serializes one streamed event as a {@code StreamResponse}.
   *
   * @param event a task event of a {@link RestReply.Stream}
   * @return the JSON bytes
   * @since 0.1.0
   */
  public byte[] serializeEvent(Object event) {
    return ProtoJson.write(wire.event(event)).getBytes(StandardCharsets.UTF_8);
  }

  private RestReply route(RestRequest request, RequestClock clock, InFlightBudget.Lease lease) {
    String path = request.path();
    String method = request.method();
    if (path.equals("/message:send")) {
      allow(method, "POST");
      clock.identify(null, "SendMessage");
      SendMessageRequest send = body(request, SendMessageRequest.newBuilder(), clock, lease);
      CompletableFuture<SendMessageResponse> sent = operations.send(send, clock);
      if (sent.isDone()) {
        return ok(sent.join(), clock);
      }
      // A blocking send waiting in the agent's line: answered when its turn has run.
      return new RestReply.Pending(
          sent.handle(
              (response, failure) ->
                  failure == null
                      ? ok(response, clock)
                      : error(Errors.of(failure, clock.requestId()), clock)));
    }
    if (path.equals("/message:stream")) {
      allow(method, "POST");
      clock.identify(null, "SendStreamingMessage");
      SendMessageRequest send = body(request, SendMessageRequest.newBuilder(), clock, lease);
      return new RestReply.Stream(operations.stream(send, clock));
    }
    if (path.equals("/extendedAgentCard")) {
      allow(method, "GET");
      clock.identify(null, "GetExtendedAgentCard");
      return ok(operations.extendedCard(), clock);
    }
    if (path.equals(TASKS)) {
      allow(method, "GET");
      clock.identify(null, "ListTasks");
      return ok(operations.list(query(request, ListTasksRequest.newBuilder()), lease), clock);
    }
    if (!path.startsWith(TASKS + "/")) {
      throw notFound(path);
    }
    String[] segments = path.substring(TASKS.length() + 1).split("/", -1);
    String first = segments[0];
    int colon = first.lastIndexOf(':');
    if (segments.length == 1 && colon > 0) {
      String id = first.substring(0, colon);
      String verb = first.substring(colon + 1);
      if (verb.equals("cancel")) {
        allow(method, "POST");
        clock.identify(null, "CancelTask");
        CancelTaskRequest.Builder cancel = CancelTaskRequest.newBuilder();
        mergeBody(request, cancel, clock, lease);
        return ok(operations.cancel(cancel.setId(id).build()), clock);
      }
      if (verb.equals("subscribe")) {
        allow(method, "POST", "GET");
        clock.identify(null, "SubscribeToTask");
        return new RestReply.Stream(
            operations.subscribe(SubscribeToTaskRequest.newBuilder().setId(id).build()));
      }
      throw notFound(path);
    }
    String id = first;
    if (id.isEmpty()) {
      throw notFound(path);
    }
    if (segments.length == 1) {
      allow(method, "GET");
      clock.identify(null, "GetTask");
      GetTaskRequest.Builder get = GetTaskRequest.newBuilder();
      mergeQuery(request, get);
      return ok(operations.get(get.setId(id).build(), lease), clock);
    }
    if (!segments[1].equals(PUSH_CONFIGS) || segments.length > 3) {
      throw notFound(path);
    }
    if (segments.length == 2) {
      allow(method, "POST", "GET");
      if (method.equals("POST")) {
        clock.identify(null, "CreateTaskPushNotificationConfig");
        TaskPushNotificationConfig.Builder config = TaskPushNotificationConfig.newBuilder();
        mergeBody(request, config, clock, lease);
        config.setTaskId(id);
        return ok(operations.createPushConfig(checked(config)), clock);
      }
      clock.identify(null, "ListTaskPushNotificationConfigs");
      ListTaskPushNotificationConfigsRequest.Builder list =
          ListTaskPushNotificationConfigsRequest.newBuilder();
      mergeQuery(request, list);
      return ok(operations.listPushConfigs(list.setTaskId(id).build()), clock);
    }
    String configId = segments[2];
    allow(method, "GET", "DELETE");
    if (method.equals("GET")) {
      clock.identify(null, "GetTaskPushNotificationConfig");
      return ok(
          operations.getPushConfig(
              GetTaskPushNotificationConfigRequest.newBuilder()
                  .setTaskId(id)
                  .setId(configId)
                  .build()),
          clock);
    }
    clock.identify(null, "DeleteTaskPushNotificationConfig");
    operations.deletePushConfig(
        DeleteTaskPushNotificationConfigRequest.newBuilder().setTaskId(id).setId(configId).build());
    return ok(Empty.getDefaultInstance(), clock);
  }

  private RestReply.Json ok(MessageOrBuilder message, RequestClock clock) {
    long started = clock.now();
    try {
      return new RestReply.Json(200, ProtoJson.write(message).getBytes(StandardCharsets.UTF_8));
    } finally {
      clock.addSerialization(started);
    }
  }

  // Protobuf's Message.Builder.build() is not generic: T is the message type of the builder the
  // caller passes, as checked() casts it.
  @SuppressWarnings("TypeParameterUnusedInFormals")
  private <T extends Message> T body(
      RestRequest request,
      Message.Builder builder,
      RequestClock clock,
      InFlightBudget.Lease lease) {
    mergeBody(request, builder, clock, lease);
    return checked(builder);
  }

  // Protobuf's Message.Builder.build() is not generic: T is the message type of the builder the
  // caller passes, and the unchecked cast to it is made here, once.
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  private static <T extends Message> T checked(Message.Builder builder) {
    return RequiredFields.firstMissing(builder)
        .<T>map(
            missing -> {
              throw new A2aException(
                  A2aError.INVALID_PARAMS,
                  "Invalid params: " + missing + " is required",
                  Map.of("field", missing));
            })
        .orElseGet(() -> (T) builder.build());
  }

  /**
   * Reads the body in one streaming pass within the server's JSON limits, as a JSON-RPC body is
   * read, then as ProtoJSON once what that holds is reserved in the in-flight budget.
   */
  private void mergeBody(
      RestRequest request,
      Message.Builder builder,
      RequestClock clock,
      InFlightBudget.Lease lease) {
    if (request.body().length == 0) {
      return;
    }
    if (!MediaTypes.isJson(request.contentType())) {
      throw MediaTypes.notSupported(request.contentType());
    }
    long started = clock.now();
    Params body;
    try {
      body = Params.ofBody(mapper, request.body());
    } finally {
      clock.addParsing(started);
    }
    WireWeight.reserve(lease, WireWeight.reading(body));
    long reading = clock.now();
    try {
      ProtoJson.merge(body.json(), builder);
    } finally {
      // Reading the body into the request is its validation: message normalization, as in 0.3.
      clock.addNormalization(reading);
    }
  }

  // Protobuf's Message.Builder.build() is not generic: T is the message type of the builder the
  // caller passes, as checked() casts it.
  @SuppressWarnings("TypeParameterUnusedInFormals")
  private <T extends Message> T query(RestRequest request, Message.Builder builder) {
    mergeQuery(request, builder);
    return checked(builder);
  }

  /** Query parameters are the request's fields by their camelCase names (section 11.5). */
  private void mergeQuery(RestRequest request, Message.Builder builder) {
    ObjectNode fields = mapper.createObjectNode();
    for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
      if (entry.getKey().equalsIgnoreCase(ProtocolVersion.HEADER) || entry.getValue().isEmpty()) {
        continue;
      }
      fields.put(entry.getKey(), entry.getValue().get(0));
    }
    ProtoJson.merge(fields.toString(), builder);
  }

  private static void allow(String method, String... allowed) {
    for (String candidate : allowed) {
      if (candidate.equals(method)) {
        return;
      }
    }
    throw new A2aException(
        A2aError.METHOD_NOT_FOUND,
        "Method not allowed: use " + String.join(" or ", allowed) + " on this path");
  }

  private static A2aException notFound(String path) {
    return new A2aException(
        A2aError.METHOD_NOT_FOUND,
        "Not found: "
            + Sanitize.header(path)
            + " is not an A2A 1.0 HTTP+JSON path (see section 11.3 of the specification)");
  }
}
