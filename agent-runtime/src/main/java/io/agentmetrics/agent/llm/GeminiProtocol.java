package io.agentmetrics.agent.llm;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Gemini API's wire format: {@code models/{model}:generateContent} and {@code
 * :streamGenerateContent?alt=sse}, with the key in the {@code x-goog-api-key} header so that it is
 * never part of a URL.
 */
final class GeminiProtocol implements ProviderProtocol {

  static final String PROVIDER = "gemini";

  private static final Pattern RETRY_DELAY =
      Pattern.compile("\"retryDelay\"\\s*:\\s*\"(\\d+(?:\\.\\d+)?)s\"");

  private final GeminiConfig config;
  private final URI generateUri;
  private final URI streamUri;

  GeminiProtocol(GeminiConfig config) {
    this.config = config;
    String model = URLEncoder.encode(config.model(), UTF_8);
    String base = config.baseUri() + "/" + config.apiVersion() + "/models/" + model;
    this.generateUri = URI.create(base + ":generateContent");
    this.streamUri = URI.create(base + ":streamGenerateContent?alt=sse");
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public String model() {
    return config.model();
  }

  @Override
  public URI baseUri() {
    return config.baseUri();
  }

  @Override
  public String credentialSetting() {
    return "GEMINI_API_KEY";
  }

  @Override
  public HttpRequest.Builder generateRequest(LlmRequest request) {
    return post(generateUri, request);
  }

  @Override
  public HttpRequest.Builder streamRequest(LlmRequest request) {
    return post(streamUri, request);
  }

  private HttpRequest.Builder post(URI uri, LlmRequest request) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .header("x-goog-api-key", config.apiKey())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body(request)));
  }

  static byte[] body(LlmRequest request) {
    ObjectNode root = LlmJson.MAPPER.createObjectNode();
    ArrayNode contents = root.putArray("contents");
    for (LlmMessage message : request.messages()) {
      ObjectNode content = contents.addObject();
      content.put("role", message.role() == LlmMessage.Role.USER ? "user" : "model");
      content.putArray("parts").addObject().put("text", message.text());
    }
    if (request.systemInstruction() != null) {
      root.putObject("systemInstruction")
          .putArray("parts")
          .addObject()
          .put("text", request.systemInstruction());
    }
    if (request.maxOutputTokens() != null || request.temperature() != null) {
      ObjectNode generation = root.putObject("generationConfig");
      if (request.maxOutputTokens() != null) {
        generation.put("maxOutputTokens", request.maxOutputTokens());
      }
      if (request.temperature() != null) {
        generation.put("temperature", request.temperature());
      }
    }
    try {
      return LlmJson.MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  @Override
  public LlmResponse parseResponse(byte[] body, ErrorMapper errors) {
    JsonNode root = readJson(body, errors);
    Chunk chunk = new Chunk(root);
    if (chunk.candidate.isMissingNode()) {
      throw blocked(root, errors);
    }
    return new LlmResponse(
        chunk.text(),
        chunk.modelVersion(config.model()),
        PROVIDER,
        chunk.inputTokens(),
        chunk.outputTokens(),
        FinishReason.fromProvider(chunk.finishReason()),
        chunk.hasUsage());
  }

  @Override
  public StreamDecoder newStreamDecoder(ErrorMapper errors) {
    return new Decoder(errors);
  }

  @Override
  public boolean isAuthenticationFailure(int status, String body) {
    // Gemini answers a wrong key with 400 INVALID_ARGUMENT and the reason API_KEY_INVALID.
    return status == 401 || status == 403 || (status == 400 && body.contains("API_KEY_INVALID"));
  }

  @Override
  public Optional<Duration> retryDelayHint(String body) {
    // Gemini puts the wait into a google.rpc.RetryInfo detail instead of Retry-After.
    Matcher matcher = RETRY_DELAY.matcher(body);
    if (!matcher.find()) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(matcher.group(1)) * 1000)));
  }

  private static JsonNode readJson(byte[] body, ErrorMapper errors) {
    try {
      return LlmJson.MAPPER.readTree(body);
    } catch (IOException e) {
      throw errors.unreadable("malformed JSON", e);
    }
  }

  private static LlmException blocked(JsonNode root, ErrorMapper errors) {
    String reason = root.path("promptFeedback").path("blockReason").asText("");
    if (!reason.isEmpty()) {
      return new LlmRequestRejectedException(
          PROVIDER,
          0,
          "gemini blocked the prompt (" + reason + "): rephrase it or adjust the safety settings",
          null);
    }
    return errors.unreadable("a response without candidates", null);
  }

  /** One {@code GenerateContentResponse}: a whole answer, or one chunk of a stream. */
  private static final class Chunk {
    final JsonNode root;
    final JsonNode candidate;

    Chunk(JsonNode root) {
      this.root = root;
      this.candidate = root.path("candidates").path(0);
    }

    String text() {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : candidate.path("content").path("parts")) {
        // Thought summaries are the model's reasoning, not its answer.
        if (!part.path("thought").asBoolean(false)) {
          text.append(part.path("text").asText(""));
        }
      }
      return text.toString();
    }

    @Nullable String finishReason() {
      JsonNode reason = candidate.path("finishReason");
      return reason.isTextual() ? reason.asText() : null;
    }

    String modelVersion(String fallback) {
      return root.path("modelVersion").asText(fallback);
    }

    int inputTokens() {
      return root.path("usageMetadata").path("promptTokenCount").asInt(0);
    }

    int outputTokens() {
      JsonNode usage = root.path("usageMetadata");
      return usage.path("candidatesTokenCount").asInt(0)
          + usage.path("thoughtsTokenCount").asInt(0);
    }

    boolean hasUsage() {
      return root.has("usageMetadata");
    }
  }

  private final class Decoder implements StreamDecoder {
    private final ErrorMapper errors;
    private final StringBuilder text = new StringBuilder();
    private @Nullable String finishReason;
    private String model = config.model();
    private int inputTokens;
    private int outputTokens;
    private boolean usageReported;

    Decoder(ErrorMapper errors) {
      this.errors = errors;
    }

    @Override
    public String onEvent(SseEvent event) {
      JsonNode root = readJson(event.data().getBytes(UTF_8), errors);
      if (root.has("error")) {
        throw errors.fromStreamError(root.get("error"));
      }
      Chunk chunk = new Chunk(root);
      if (chunk.candidate.isMissingNode() && root.has("promptFeedback")) {
        throw blocked(root, errors);
      }
      model = chunk.modelVersion(model);
      if (chunk.hasUsage()) {
        usageReported = true;
        // Usage is cumulative: the last chunk carries the totals.
        inputTokens = chunk.inputTokens();
        outputTokens = chunk.outputTokens();
      }
      String reason = chunk.finishReason();
      if (reason != null) {
        finishReason = reason;
      }
      String piece = chunk.text();
      text.append(piece);
      return piece;
    }

    @Override
    public boolean isTerminal() {
      // Gemini marks the end with a finishReason, then closes the stream.
      return false;
    }

    @Override
    public boolean isComplete() {
      return finishReason != null;
    }

    @Override
    public LlmResponse response() {
      return new LlmResponse(
          text.toString(),
          model,
          PROVIDER,
          inputTokens,
          outputTokens,
          FinishReason.fromProvider(finishReason),
          usageReported);
    }
  }
}
