package io.agentmetrics.a2a.profile;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.lf.a2a.v1.AgentCard;
import com.google.lf.a2a.v1.CancelTaskRequest;
import com.google.lf.a2a.v1.DeleteTaskPushNotificationConfigRequest;
import com.google.lf.a2a.v1.GetTaskPushNotificationConfigRequest;
import com.google.lf.a2a.v1.GetTaskRequest;
import com.google.lf.a2a.v1.ListTaskPushNotificationConfigsRequest;
import com.google.lf.a2a.v1.ListTaskPushNotificationConfigsResponse;
import com.google.lf.a2a.v1.ListTasksRequest;
import com.google.lf.a2a.v1.ListTasksResponse;
import com.google.lf.a2a.v1.SendMessageRequest;
import com.google.lf.a2a.v1.SendMessageResponse;
import com.google.lf.a2a.v1.StreamResponse;
import com.google.lf.a2a.v1.SubscribeToTaskRequest;
import com.google.lf.a2a.v1.Task;
import com.google.lf.a2a.v1.TaskPushNotificationConfig;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.agentmetrics.a2a.v1.ProtoJson;
import io.agentmetrics.a2a.v1.ProtocolVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A small A2A 1.0 client over {@code java.net.http}: every operation of the specification in the
 * JSON-RPC or the HTTP+JSON binding, with {@code A2A-Version: 1.0} on each request and the wire
 * types of the specification's proto. It builds the profiler's 1.0 requests and drives the server's
 * own 1.0 integration tests. An error answer becomes an {@link A2aV1Exception} carrying the
 * JSON-RPC code (or HTTP status) and the {@code ErrorInfo} reason.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class A2aV1Client {

  /**
   * The binding a client speaks.
   *
   * @since 0.1.0
   */
  public enum Binding {
    /** JSON-RPC 2.0 requests to the endpoint URL (specification section 9). */
    JSON_RPC,
    /** REST-style paths under the base URL (specification section 11). */
    HTTP_JSON
  }

  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String JSON = "application/json";

  private final HttpClient http;
  private final URI url;
  private final Binding binding;
  private final @Nullable String token;
  private final Duration timeout;
  private final AtomicLong ids = new AtomicLong();

  /**
   * A client.
   *
   * @param http the HTTP client
   * @param url the interface URL from the agent card: the JSON-RPC endpoint, or the HTTP+JSON base
   * @param binding the binding {@code url} serves
   * @param token a bearer token, or {@code null}
   * @param timeout the timeout of each request
   * @since 0.1.0
   */
  public A2aV1Client(
      HttpClient http, URI url, Binding binding, @Nullable String token, Duration timeout) {
    this.http = requireNonNull(http, "http");
    this.url = requireNonNull(url, "url");
    this.binding = requireNonNull(binding, "binding");
    this.token = token;
    this.timeout = requireNonNull(timeout, "timeout");
  }

  /**
   * The request of {@code SendMessage} (or {@code SendStreamingMessage}), to send later: the
   * profiler builds its requests before their send time.
   *
   * @param request the params
   * @param stream whether to ask for the streaming variant
   * @return the HTTP request
   * @since 0.1.0
   */
  public HttpRequest sendMessageRequest(SendMessageRequest request, boolean stream) {
    return binding == Binding.JSON_RPC
        ? rpc(stream ? "SendStreamingMessage" : "SendMessage", request, stream)
        : rest("POST", stream ? "/message:stream" : "/message:send", request, stream);
  }

  /**
   * {@code SendMessage}.
   *
   * @param request the params
   * @return the task or the agent's direct message
   * @throws A2aV1Exception if the server answers with an error
   * @throws IOException if the exchange fails
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public SendMessageResponse sendMessage(SendMessageRequest request)
      throws IOException, InterruptedException {
    return call(sendMessageRequest(request, false), SendMessageResponse.getDefaultInstance());
  }

  /**
   * {@code SendStreamingMessage}, read to the end of the stream.
   *
   * @param request the params
   * @return the events in order
   * @throws A2aV1Exception if the server refuses the stream
   * @throws IOException if the exchange fails
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public List<StreamResponse> sendStreamingMessage(SendMessageRequest request)
      throws IOException, InterruptedException {
    List<StreamResponse> received = new ArrayList<>();
    stream(sendMessageRequest(request, true), received::add);
    return received;
  }

  /**
   * {@code GetTask}.
   *
   * @param id the task id
   * @param historyLength how many history entries to return, or {@code null} for the default
   * @return the task
   * @throws A2aV1Exception if the server answers with an error
   * @throws IOException if the exchange fails
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public Task getTask(String id, @Nullable Integer historyLength)
      throws IOException, InterruptedException {
    GetTaskRequest.Builder request = GetTaskRequest.newBuilder().setId(id);
    if (historyLength != null) {
      request.setHistoryLength(historyLength);
    }
    return call(
        binding == Binding.JSON_RPC
            ? rpc("GetTask", request, false)
            : rest(
                "GET",
                "/tasks/"
                    + encode(id)
                    + (historyLength == null ? "" : query(Map.of("historyLength", historyLength))),
                null,
                false),
        Task.getDefaultInstance());
  }

  /**
   * {@code ListTasks}.
   *
   * @param request the filters and page
   * @return the page
   * @throws A2aV1Exception if the server answers with an error
   * @throws IOException if the exchange fails
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public ListTasksResponse listTasks(ListTasksRequest request)
      throws IOException, InterruptedException {
    if (binding == Binding.JSON_RPC) {
      return call(rpc("ListTasks", request, false), ListTasksResponse.getDefaultInstance());
    }
    JsonNode fields = MAPPER.readTree(ProtoJson.write(request));
    Map<String, @Nullable Object> query = new java.util.LinkedHashMap<>();
    fields.properties().forEach(field -> query.put(field.getKey(), field.getValue().asText()));
    return call(
        rest("GET", "/tasks" + query(query), null, false), ListTasksResponse.getDefaultInstance());
  }

  /**
   * {@code CancelTask}.
   *
   * @param id the task id
   * @return the canceled task
   * @throws A2aV1Exception if the server answers with an error
   * @throws IOException if the exchange fails
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public Task cancelTask(String id) throws IOException, InterruptedException {
    CancelTaskRequest request = CancelTaskRequest.newBuilder().setId(id).build();
    return call(
        binding == Binding.JSON_RPC
            ? rpc("CancelTask", request, false)
            : rest("POST", "/tasks/" + encode(id) + ":cancel", request, false),
        Task.getDefaultInstance());
  }

  /**
   * {@code SubscribeToTask}, read to the end of the stream.
   *
   * @param id the task id
   * @return the events in order, starting with the task
   * @throws A2aV1Exception if the server refuses the stream
   * @throws IOException if the exchange fails
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public List<StreamResponse> subscribe(String id) throws IOException, InterruptedException {
    List<StreamResponse> received = new ArrayList<>();
    subscribe(id, received::add);
    return received;
  }

  /**
   * {@code SubscribeToTask}, handing each event to {@code onEvent} as it arrives; returns when the
   * stream ends.
   *
   * @param id the task id
   * @param onEvent receives the events in order, starting with the task
   * @throws A2aV1Exception if the server refuses the stream
   * @throws IOException if the exchange fails
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public void subscribe(String id, Consumer<StreamResponse> onEvent)
      throws IOException, InterruptedException {
    stream(
        binding == Binding.JSON_RPC
            ? rpc("SubscribeToTask", SubscribeToTaskRequest.newBuilder().setId(id), true)
            : rest("POST", "/tasks/" + encode(id) + ":subscribe", null, true),
        onEvent);
  }

  /**
   * {@code CreateTaskPushNotificationConfig}.
   *
   * @param config the config, with its task id
   * @return the stored config
   * @throws A2aV1Exception if the server answers with an error
   * @throws IOException if the exchange fails
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public TaskPushNotificationConfig createPushConfig(TaskPushNotificationConfig config)
      throws IOException, InterruptedException {
    return call(
        binding == Binding.JSON_RPC
            ? rpc("CreateTaskPushNotificationConfig", config, false)
            : rest(
                "POST",
                "/tasks/" + encode(config.getTaskId()) + "/pushNotificationConfigs",
                config,
                false),
        TaskPushNotificationConfig.getDefaultInstance());
  }

  /**
   * {@code GetTaskPushNotificationConfig}.
   *
   * @param taskId the task
   * @param id the config
   * @return the config
   * @throws A2aV1Exception if the server answers with an error
   * @throws IOException if the exchange fails
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public TaskPushNotificationConfig getPushConfig(String taskId, String id)
      throws IOException, InterruptedException {
    return call(
        binding == Binding.JSON_RPC
            ? rpc(
                "GetTaskPushNotificationConfig",
                GetTaskPushNotificationConfigRequest.newBuilder().setTaskId(taskId).setId(id),
                false)
            : rest("GET", configPath(taskId) + "/" + encode(id), null, false),
        TaskPushNotificationConfig.getDefaultInstance());
  }

  /**
   * {@code ListTaskPushNotificationConfigs}.
   *
   * @param taskId the task
   * @return its configs
   * @throws A2aV1Exception if the server answers with an error
   * @throws IOException if the exchange fails
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public ListTaskPushNotificationConfigsResponse listPushConfigs(String taskId)
      throws IOException, InterruptedException {
    return call(
        binding == Binding.JSON_RPC
            ? rpc(
                "ListTaskPushNotificationConfigs",
                ListTaskPushNotificationConfigsRequest.newBuilder().setTaskId(taskId),
                false)
            : rest("GET", configPath(taskId), null, false),
        ListTaskPushNotificationConfigsResponse.getDefaultInstance());
  }

  /**
   * {@code DeleteTaskPushNotificationConfig}.
   *
   * @param taskId the task
   * @param id the config
   * @throws A2aV1Exception if the server answers with an error
   * @throws IOException if the exchange fails
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public void deletePushConfig(String taskId, String id) throws IOException, InterruptedException {
    call(
        binding == Binding.JSON_RPC
            ? rpc(
                "DeleteTaskPushNotificationConfig",
                DeleteTaskPushNotificationConfigRequest.newBuilder().setTaskId(taskId).setId(id),
                false)
            : rest("DELETE", configPath(taskId) + "/" + encode(id), null, false),
        com.google.protobuf.Empty.getDefaultInstance());
  }

  /**
   * {@code GetExtendedAgentCard}.
   *
   * @return the extended card
   * @throws A2aV1Exception if the server answers with an error
   * @throws IOException if the exchange fails
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public AgentCard extendedAgentCard() throws IOException, InterruptedException {
    return call(
        binding == Binding.JSON_RPC
            ? rpc("GetExtendedAgentCard", com.google.protobuf.Empty.getDefaultInstance(), false)
            : rest("GET", "/extendedAgentCard", null, false),
        AgentCard.getDefaultInstance());
  }

  /**
   * The 1.0 agent card at {@code <base>/.well-known/agent-card.json}, asked for with {@code
   * A2A-Version: 1.0}.
   *
   * @param http the HTTP client
   * @param base the server's base URL
   * @return the card
   * @throws IOException if the exchange fails or the card is not a 1.0 card
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public static AgentCard agentCard(HttpClient http, URI base)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(Endpoints.resolve(base, "/.well-known/agent-card.json"))
                .header(ProtocolVersion.HEADER, ProtocolVersion.V1_0.label())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("the agent card answered HTTP " + response.statusCode());
    }
    return parse(response.body(), AgentCard.getDefaultInstance());
  }

  // ---- requests

  private HttpRequest rpc(String method, MessageOrBuilder params, boolean stream) {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + ids.incrementAndGet()
            + ",\"method\":\""
            + method
            + "\",\"params\":"
            + ProtoJson.write(params)
            + "}";
    return request(url, stream).POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpRequest rest(
      String method, String path, @Nullable MessageOrBuilder body, boolean stream) {
    return request(Endpoints.resolve(url, path), stream)
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(ProtoJson.write(body)))
        .build();
  }

  private HttpRequest.Builder request(URI target, boolean stream) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(target)
            .timeout(timeout)
            .header(ProtocolVersion.HEADER, ProtocolVersion.V1_0.label())
            .header("Content-Type", JSON)
            .header("Accept", stream ? "text/event-stream" : JSON);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private String configPath(String taskId) {
    return "/tasks/" + encode(taskId) + "/pushNotificationConfigs";
  }

  private static String query(Map<String, @Nullable Object> parameters) {
    StringBuilder query = new StringBuilder();
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            query.append(query.length() == 0 ? '?' : '&').append(name).append('=');
            query.append(encode(value.toString()));
          }
        });
    return query.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // ---- responses

  private <T extends Message> T call(HttpRequest request, T type)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return result(response.statusCode(), response.body(), type);
  }

  private void stream(HttpRequest request, Consumer<StreamResponse> onEvent)
      throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    boolean events =
        response
            .headers()
            .firstValue("Content-Type")
            .map(type -> type.startsWith("text/event-stream"))
            .orElse(false);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      if (!events) {
        String body = reader.lines().collect(java.util.stream.Collectors.joining("\n"));
        result(response.statusCode(), body, StreamResponse.getDefaultInstance());
        throw new IOException("the server answered a stream request without a stream");
      }
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("data:")) {
          onEvent.accept(
              result(
                  200,
                  line.substring("data:".length()).trim(),
                  StreamResponse.getDefaultInstance()));
        }
      }
    }
  }

  /** The result of one response body, a message like {@code type}; an error body throws. */
  private <T extends Message> T result(int status, String body, T type) throws IOException {
    JsonNode root = body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
    if (binding == Binding.JSON_RPC) {
      JsonNode error = root.path("error");
      if (error.isObject()) {
        throw A2aV1Exception.of(
            error.path("code").asInt(), error.path("message").asText(), error.path("data"));
      }
      return parse(root.path("result").toString(), type);
    }
    if (status >= 400) {
      JsonNode error = root.path("error");
      throw A2aV1Exception.of(status, error.path("message").asText(), error.path("details"));
    }
    return parse(root instanceof ObjectNode ? body : "{}", type);
  }

  // The builder is type's own, so what it builds is a T.
  @SuppressWarnings("unchecked")
  private static <T extends Message> T parse(String json, T type) throws IOException {
    Message.Builder builder = type.newBuilderForType();
    try {
      PARSER.merge(json, builder);
      return (T) builder.build();
    } catch (InvalidProtocolBufferException e) {
      throw new IOException(
          "the server's answer is not a " + builder.getDescriptorForType().getName(), e);
    }
  }
}
