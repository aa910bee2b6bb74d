package io.agentmetrics.a2a.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.lf.a2a.v1.Role;
import com.google.lf.a2a.v1.SendMessageConfiguration;
import com.google.lf.a2a.v1.SendMessageRequest;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.agentmetrics.a2a.v1.ProtocolVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Builds the JSON-RPC request for request number {@code i}.
 *
 * <p>The default body is shaped like the requests Telex sends: the question as the first text part,
 * the conversation so far as a {@code data} part holding an array of HTML text parts, and {@code
 * configuration.blocking: true} so the response carries the finished task. Each request gets its
 * own JSON-RPC {@code id} ({@code profile-<i>}) and {@code messageId}, so server logs can be
 * matched to the profiler's samples. A custom body ({@code --body}) is sent as given, except that
 * {@code --stream} sets its method to {@code message/stream}. With {@code --protocol 1.0} the same
 * question goes out as an A2A 1.0 {@code SendMessage}, built by the {@link A2aV1Client}, and a
 * custom body is sent with {@code A2A-Version: 1.0}.
 *
 * <p>Thread-safe: the template is never mutated after construction.
 */
final class RequestFactory {

  static final String SEND_METHOD = "message/send";
  static final String STREAM_METHOD = "message/stream";
  static final String V1_SEND_METHOD = "SendMessage";
  static final String V1_STREAM_METHOD = "SendStreamingMessage";

  private final ObjectMapper mapper;
  private final URI endpoint;
  private final Duration timeout;
  private final @Nullable String authToken;
  private final boolean stream;
  private final byte @Nullable [] customBody;
  private final String method;
  private final @Nullable A2aV1Client v1;
  private final boolean customV1;

  private static final String QUESTION =
      "Explain the difference between mitosis and meiosis in two sentences.";
  private static final List<String> CONVERSATION =
      List.of(
          "<p>Can you help me study for my <b>biology</b> exam?</p>",
          "<p>Of course! Which topics are on the exam?</p>",
          "<p>Cell division &amp; genetics, mostly.</p>");

  private RequestFactory(
      ObjectMapper mapper,
      URI endpoint,
      Duration timeout,
      @Nullable String authToken,
      boolean stream,
      byte @Nullable [] customBody,
      String method,
      @Nullable A2aV1Client v1,
      boolean customV1) {
    this.method = method;
    this.v1 = v1;
    this.customV1 = customV1;
    this.mapper = mapper;
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.authToken = authToken;
    this.stream = stream;
    this.customBody = customBody;
  }

  /** A factory for the default Telex-shaped body. */
  static RequestFactory telex(
      ObjectMapper mapper,
      URI endpoint,
      Duration timeout,
      @Nullable String authToken,
      boolean stream) {
    return new RequestFactory(
        mapper,
        endpoint,
        timeout,
        authToken,
        stream,
        null,
        stream ? STREAM_METHOD : SEND_METHOD,
        null,
        false);
  }

  /**
   * A factory for the same Telex-shaped question in A2A 1.0 ({@code SendMessage} or {@code
   * SendStreamingMessage}), built by the 1.0 client.
   */
  static RequestFactory v1(
      ObjectMapper mapper, URI endpoint, Duration timeout, A2aV1Client client, boolean stream) {
    return new RequestFactory(
        mapper,
        endpoint,
        timeout,
        null,
        stream,
        null,
        stream ? V1_STREAM_METHOD : V1_SEND_METHOD,
        client,
        false);
  }

  /**
   * A factory for a custom body read from {@code file}.
   *
   * @throws InvalidBodyException if the file cannot be read or is not a JSON-RPC request object
   */
  static RequestFactory custom(
      ObjectMapper mapper,
      URI endpoint,
      Duration timeout,
      @Nullable String authToken,
      boolean stream,
      Path file,
      boolean v1) {
    JsonNode body;
    try {
      body = mapper.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new InvalidBodyException(
          "--body " + file + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidBodyException("--body " + file + " cannot be read: " + e);
    }
    if (body == null || !body.isObject() || !body.path("method").isTextual()) {
      throw new InvalidBodyException(
          "--body " + file + " must hold a JSON-RPC request object with a \"method\" string");
    }
    if (stream) {
      ((ObjectNode) body).put("method", v1 ? V1_STREAM_METHOD : STREAM_METHOD);
    }
    try {
      return new RequestFactory(
          mapper,
          endpoint,
          timeout,
          authToken,
          stream,
          mapper.writeValueAsBytes(body),
          body.path("method").asText(),
          null,
          v1);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON-RPC method the requests call. */
  String method() {
    return method;
  }

  /** The request for request number {@code index} (1-based for measured requests). */
  HttpRequest create(long index) {
    if (v1 != null) {
      return v1.sendMessageRequest(v1Request(index), stream);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", stream ? "text/event-stream" : "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body(index)));
    if (authToken != null) {
      builder.header("Authorization", "Bearer " + authToken);
    }
    if (customV1) {
      builder.header(ProtocolVersion.HEADER, ProtocolVersion.V1_0.label());
    }
    return builder.build();
  }

  /** The 1.0 form of the Telex-shaped body: a text part and the conversation as a data part. */
  private SendMessageRequest v1Request(long index) {
    ListValue.Builder conversation = ListValue.newBuilder();
    for (String turn : CONVERSATION) {
      conversation.addValues(
          Value.newBuilder()
              .setStructValue(
                  Struct.newBuilder()
                      .putFields("kind", Value.newBuilder().setStringValue("text").build())
                      .putFields("text", Value.newBuilder().setStringValue(turn).build())));
    }
    return SendMessageRequest.newBuilder()
        .setMessage(
            com.google.lf.a2a.v1.Message.newBuilder()
                .setRole(Role.ROLE_USER)
                .setMessageId("profile-" + index + "-" + UUID.randomUUID())
                .addParts(com.google.lf.a2a.v1.Part.newBuilder().setText(QUESTION))
                .addParts(
                    com.google.lf.a2a.v1.Part.newBuilder()
                        .setData(Value.newBuilder().setListValue(conversation))))
        .setConfiguration(
            SendMessageConfiguration.newBuilder()
                .addAcceptedOutputModes("text/plain")
                .setHistoryLength(0))
        .build();
  }

  byte[] body(long index) {
    if (customBody != null) {
      return customBody;
    }
    try {
      return mapper.writeValueAsBytes(telexBody(index));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode telexBody(long index) {
    ObjectNode root = mapper.createObjectNode();
    root.put("jsonrpc", "2.0");
    root.put("id", "profile-" + index);
    root.put("method", stream ? STREAM_METHOD : SEND_METHOD);
    ObjectNode params = root.putObject("params");
    ObjectNode message = params.putObject("message");
    message.put("kind", "message");
    message.put("role", "user");
    message.put("messageId", UUID.randomUUID().toString());
    ArrayNode parts = message.putArray("parts");
    parts.addObject().put("kind", "text").put("text", QUESTION);
    ArrayNode conversation = parts.addObject().put("kind", "data").putArray("data");
    for (String turn : CONVERSATION) {
      conversation.addObject().put("kind", "text").put("text", turn);
    }
    ObjectNode configuration = params.putObject("configuration");
    configuration.putArray("acceptedOutputModes").add("text/plain");
    configuration.put("historyLength", 0);
    configuration.put("blocking", true);
    return root;
  }

  /** A {@code --body} file that cannot be used; the message names the file and the problem. */
  static final class InvalidBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidBodyException(String message) {
      super(message);
    }
  }
}
