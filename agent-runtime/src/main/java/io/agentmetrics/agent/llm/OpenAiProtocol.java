package io.agentmetrics.agent.llm;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import org.jspecify.annotations.Nullable;

/**
 * The OpenAI chat completions wire format, which Ollama, vLLM and llama.cpp's server speak too:
 * {@code POST {base}/chat/completions}, streamed as {@code data: {...}} chunks ending with {@code
 * data: [DONE]}, with usage in a last chunk when {@code stream_options.include_usage} is set.
 */
final class OpenAiProtocol implements ProviderProtocol {

  static final String PROVIDER = "openai";

  private static final String DONE = "[DONE]";

  private final OpenAiCompatibleConfig config;
  private final URI completionsUri;

  OpenAiProtocol(OpenAiCompatibleConfig config) {
    this.config = config;
    this.completionsUri = URI.create(config.baseUri() + "/chat/completions");
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
    return "OPENAI_API_KEY";
  }

  @Override
  public HttpRequest.Builder generateRequest(LlmRequest request) {
    return post(body(request, false));
  }

  @Override
  public HttpRequest.Builder streamRequest(LlmRequest request) {
    return post(body(request, true));
  }

  private HttpRequest.Builder post(byte[] body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(completionsUri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    config.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
    return builder;
  }

  byte[] body(LlmRequest request, boolean stream) {
    ObjectNode root = LlmJson.MAPPER.createObjectNode();
    root.put("model", config.model());
    ArrayNode messages = root.putArray("messages");
    if (request.systemInstruction() != null) {
      messages.addObject().put("role", "system").put("content", request.systemInstruction());
    }
    for (LlmMessage message : request.messages()) {
      messages
          .addObject()
          .put("role", message.role() == LlmMessage.Role.USER ? "user" : "assistant")
          .put("content", message.text());
    }
    if (request.maxOutputTokens() != null) {
      // max_tokens rather than max_completion_tokens: every compatible server understands it.
      root.put("max_tokens", request.maxOutputTokens());
    }
    if (request.temperature() != null) {
      root.put("temperature", request.temperature());
    }
    if (stream) {
      root.put("stream", true);
      root.putObject("stream_options").put("include_usage", true);
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
    JsonNode choice = root.path("choices").path(0);
    JsonNode content = choice.path("message").path("content");
    if (!content.isTextual() && !content.isNull()) {
      throw errors.unreadable("a response without choices[0].message", null);
    }
    JsonNode usage = root.path("usage");
    return new LlmResponse(
        content.asText(""),
        root.path("model").asText(config.model()),
        PROVIDER,
        usage.path("prompt_tokens").asInt(0),
        usage.path("completion_tokens").asInt(0),
        FinishReason.fromProvider(textOrNull(choice.path("finish_reason"))),
        usage.isObject());
  }

  @Override
  public StreamDecoder newStreamDecoder(ErrorMapper errors) {
    return new Decoder(errors);
  }

  private static JsonNode readJson(byte[] body, ErrorMapper errors) {
    try {
      return LlmJson.MAPPER.readTree(body);
    } catch (IOException e) {
      throw errors.unreadable("malformed JSON", e);
    }
  }

  private static @Nullable String textOrNull(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  private final class Decoder implements StreamDecoder {
    private final ErrorMapper errors;
    private final StringBuilder text = new StringBuilder();
    private @Nullable String finishReason;
    private String model = config.model();
    private int inputTokens;
    private int outputTokens;
    private boolean usageReported;
    private boolean done;

    Decoder(ErrorMapper errors) {
      this.errors = errors;
    }

    @Override
    public String onEvent(SseEvent event) {
      if (DONE.equals(event.data().strip())) {
        done = true;
        return "";
      }
      JsonNode root = readJson(event.data().getBytes(UTF_8), errors);
      if (root.has("error")) {
        throw errors.fromStreamError(root.get("error"));
      }
      model = root.path("model").asText(model);
      JsonNode usage = root.path("usage");
      if (usage.isObject()) {
        usageReported = true;
        inputTokens = usage.path("prompt_tokens").asInt(inputTokens);
        outputTokens = usage.path("completion_tokens").asInt(outputTokens);
      }
      JsonNode choice = root.path("choices").path(0);
      String reason = textOrNull(choice.path("finish_reason"));
      if (reason != null) {
        finishReason = reason;
      }
      String piece = choice.path("delta").path("content").asText("");
      text.append(piece);
      return piece;
    }

    @Override
    public boolean isTerminal() {
      return done;
    }

    @Override
    public boolean isComplete() {
      // Some servers close after the finish_reason chunk without sending [DONE].
      return done || finishReason != null;
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
