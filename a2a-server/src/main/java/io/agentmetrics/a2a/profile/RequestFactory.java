package io.agentmetrics.a2a.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * {@code --stream} sets its method to {@code message/stream}.
 *
 * <p>Thread-safe: the template is never mutated after construction.
 */
final class RequestFactory {

  static final String SEND_METHOD = "message/send";
  static final String STREAM_METHOD = "message/stream";

  private final ObjectMapper mapper;
  private final URI endpoint;
  private final Duration timeout;
  private final @Nullable String authToken;
  private final boolean stream;
  private final byte @Nullable [] customBody;
  private final String method;

  private RequestFactory(
      ObjectMapper mapper,
      URI endpoint,
      Duration timeout,
      @Nullable String authToken,
      boolean stream,
      byte @Nullable [] customBody,
      String method) {
    this.method = method;
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
        mapper, endpoint, timeout, authToken, stream, null, stream ? STREAM_METHOD : SEND_METHOD);
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
      Path file) {
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
      ((ObjectNode) body).put("method", STREAM_METHOD);
    }
    try {
      return new RequestFactory(
          mapper,
          endpoint,
          timeout,
          authToken,
          stream,
          mapper.writeValueAsBytes(body),
          body.path("method").asText());
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
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", stream ? "text/event-stream" : "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body(index)));
    if (authToken != null) {
      builder.header("Authorization", "Bearer " + authToken);
    }
    return builder.build();
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
    parts
        .addObject()
        .put("kind", "text")
        .put("text", "Explain the difference between mitosis and meiosis in two sentences.");
    ArrayNode conversation = parts.addObject().put("kind", "data").putArray("data");
    conversation
        .addObject()
        .put("kind", "text")
        .put("text", "<p>Can you help me study for my <b>biology</b> exam?</p>");
    conversation
        .addObject()
        .put("kind", "text")
        .put("text", "<p>Of course! Which topics are on the exam?</p>");
    conversation
        .addObject()
        .put("kind", "text")
        .put("text", "<p>Cell division &amp; genetics, mostly.</p>");
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
