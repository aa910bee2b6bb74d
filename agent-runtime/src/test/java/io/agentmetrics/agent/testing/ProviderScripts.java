package io.agentmetrics.agent.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Response bodies in the providers' documented wire formats, for scripting a {@link
 * ScriptedLlmServer}: Gemini's {@code GenerateContentResponse} and OpenAI's chat completion and
 * chunk objects, framed as server-sent events where they stream.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class ProviderScripts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProviderScripts() {}

  /** One server-sent event carrying {@code data}, terminated by a blank line. */
  public static String sse(String data) {
    return "data: " + data + "\n\n";
  }

  /** A whole Gemini {@code generateContent} answer. */
  public static String geminiResponse(String text, int inputTokens, int outputTokens) {
    return geminiChunk(text, "STOP", inputTokens, outputTokens);
  }

  /**
   * One Gemini stream chunk; {@code finishReason} null for a chunk in the middle. Usage metadata is
   * included when {@code finishReason} is set, as Gemini does on the last chunk.
   */
  public static String geminiChunk(
      String text, @Nullable String finishReason, int inputTokens, int outputTokens) {
    String finish = finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"";
    String usage =
        finishReason == null
            ? ""
            : ",\"usageMetadata\":{\"promptTokenCount\":"
                + inputTokens
                + ",\"candidatesTokenCount\":"
                + outputTokens
                + ",\"totalTokenCount\":"
                + (inputTokens + outputTokens)
                + "}";
    return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":"
        + quote(text)
        + "}],\"role\":\"model\"},\"index\":0"
        + finish
        + "}]"
        + usage
        + ",\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"scripted\"}";
  }

  /** A Gemini SSE stream of {@code pieces}; the last chunk has the finish reason and usage. */
  public static String geminiStream(List<String> pieces, int inputTokens, int outputTokens) {
    StringBuilder stream = new StringBuilder();
    for (int i = 0; i < pieces.size(); i++) {
      boolean last = i == pieces.size() - 1;
      stream.append(
          "data: "
              + geminiChunk(pieces.get(i), last ? "STOP" : null, inputTokens, outputTokens)
              + "\r\n\r\n");
    }
    return stream.toString();
  }

  /** A Google API error body, as Gemini sends it. */
  public static String googleError(int code, String status, String message, String detailsJson) {
    return "{\"error\":{\"code\":"
        + code
        + ",\"message\":"
        + quote(message)
        + ",\"status\":\""
        + status
        + "\",\"details\":["
        + detailsJson
        + "]}}";
  }

  /** A whole OpenAI chat completion. */
  public static String openAiResponse(String text, int inputTokens, int outputTokens) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini-2024-07-18\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + quote(text)
        + "},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":"
        + inputTokens
        + ",\"completion_tokens\":"
        + outputTokens
        + ",\"total_tokens\":"
        + (inputTokens + outputTokens)
        + "}}";
  }

  /** One OpenAI chunk with a content delta; {@code finishReason} null in the middle. */
  public static String openAiChunk(String text, @Nullable String finishReason) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
        + quote(text)
        + "},\"finish_reason\":"
        + (finishReason == null ? "null" : "\"" + finishReason + "\"")
        + "}]}";
  }

  /** The usage chunk OpenAI sends last when {@code stream_options.include_usage} is set. */
  public static String openAiUsageChunk(int inputTokens, int outputTokens) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[],\"usage\":{\"prompt_tokens\":"
        + inputTokens
        + ",\"completion_tokens\":"
        + outputTokens
        + ",\"total_tokens\":"
        + (inputTokens + outputTokens)
        + "}}";
  }

  /** A whole OpenAI stream of {@code pieces}: chunks, a finish chunk, usage, and {@code [DONE]}. */
  public static String openAiStream(List<String> pieces, int inputTokens, int outputTokens) {
    StringBuilder stream = new StringBuilder();
    for (String piece : pieces) {
      stream.append(sse(openAiChunk(piece, null)));
    }
    stream.append(sse(openAiChunk("", "stop")));
    stream.append(sse(openAiUsageChunk(inputTokens, outputTokens)));
    stream.append(sse("[DONE]"));
    return stream.toString();
  }

  /** An OpenAI error body. */
  public static String openAiError(String message, String type, String code) {
    return "{\"error\":{\"message\":"
        + quote(message)
        + ",\"type\":\""
        + type
        + "\",\"param\":null,\"code\":\""
        + code
        + "\"}}";
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
