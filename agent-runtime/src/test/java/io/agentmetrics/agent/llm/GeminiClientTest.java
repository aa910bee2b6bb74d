package io.agentmetrics.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.agent.testing.ProviderScripts;
import io.agentmetrics.agent.testing.ScriptedLlmServer.RecordedRequest;
import io.agentmetrics.agent.testing.ScriptedLlmServer.Reply;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GeminiClientTest extends HttpLlmClientContractTest {

  @Override
  LlmClient newClient(URI baseUri, HttpTransportConfig transport, Sleeper sleeper, Clock clock) {
    GeminiConfig config =
        GeminiConfig.builder().apiKey(SECRET).baseUri(baseUri).transport(transport).build();
    return new GeminiClient(config, sleeper, clock, () -> 0.5);
  }

  @Override
  String answer(String text, int inputTokens, int outputTokens) {
    return ProviderScripts.geminiResponse(text, inputTokens, outputTokens);
  }

  @Override
  String stream(List<String> pieces, int inputTokens, int outputTokens) {
    return ProviderScripts.geminiStream(pieces, inputTokens, outputTokens);
  }

  @Override
  String streamEvent(String piece) {
    return ProviderScripts.sse(ProviderScripts.geminiChunk(piece, null, 0, 0));
  }

  @Override
  String error(int status, String message) {
    String name =
        status == 429 ? "RESOURCE_EXHAUSTED" : status >= 500 ? "UNAVAILABLE" : "INVALID_ARGUMENT";
    return ProviderScripts.googleError(status, name, message, "");
  }

  @Override
  String credentialSetting() {
    return "GEMINI_API_KEY";
  }

  @Override
  String configuredModel() {
    return GeminiConfig.DEFAULT_MODEL;
  }

  @Test
  void generateSendsTheKeyInTheHeaderOnlyAndTheConversationAsContents() throws Exception {
    server.enqueue(Reply.json(200, answer("ok", 1, 1)));

    client()
        .generate(
            LlmRequest.builder()
                .systemInstruction("You plan studies.")
                .user("Plan Rust")
                .assistant("Which level?")
                .user("Beginner")
                .maxOutputTokens(256)
                .temperature(0.2)
                .build());

    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(request.query()).doesNotContain(SECRET);
    assertThat(request.header("x-goog-api-key")).isEqualTo(SECRET);
    JsonNode body = LlmJson.MAPPER.readTree(request.body());
    assertThat(body.at("/contents/0/role").asText()).isEqualTo("user");
    assertThat(body.at("/contents/0/parts/0/text").asText()).isEqualTo("Plan Rust");
    assertThat(body.at("/contents/1/role").asText()).isEqualTo("model");
    assertThat(body.at("/systemInstruction/parts/0/text").asText()).isEqualTo("You plan studies.");
    assertThat(body.at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(256);
    assertThat(body.at("/generationConfig/temperature").asDouble()).isEqualTo(0.2);
  }

  @Test
  void streamCallsStreamGenerateContentWithServerSentEvents() throws Exception {
    server.enqueue(Reply.eventStream().chunk(stream(List.of("hi"), 1, 1)));

    client().stream(LlmRequest.of("Plan"), LlmStreamListener.ignoring()).get(20, TimeUnit.SECONDS);

    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    assertThat(request.query()).isEqualTo("alt=sse");
    assertThat(request.header("accept")).isEqualTo("text/event-stream");
  }

  @Test
  void invalidKeyAnsweredWithBadRequestIsAnAuthenticationFailure() {
    server.enqueue(
        Reply.json(
            400,
            ProviderScripts.googleError(
                400,
                "INVALID_ARGUMENT",
                "API key not valid. Please pass a valid API key.",
                "{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\","
                    + "\"domain\":\"googleapis.com\"}")));

    LlmAuthenticationException failure =
        catchThrowableOfType(
            LlmAuthenticationException.class, () -> client().generate(LlmRequest.of("Plan")));

    assertThat(failure.getMessage())
        .contains("GEMINI_API_KEY", "API key not valid")
        .doesNotContain(SECRET);
  }

  @Test
  void retryDelayInTheErrorBodyIsHonouredWhenThereIsNoRetryAfterHeader() {
    server.enqueue(
        Reply.json(
            429,
            ProviderScripts.googleError(
                429,
                "RESOURCE_EXHAUSTED",
                "You exceeded your current quota.",
                "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"7s\"}")));
    server.enqueue(Reply.json(200, answer("ok", 1, 1)));

    client().generate(LlmRequest.of("Plan"));

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void thoughtPartsAreNotPartOfTheAnswer() {
    server.enqueue(
        Reply.json(
            200,
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"thinking...\",\"thought\":true},"
                + "{\"text\":\"Answer\"}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":3,\"candidatesTokenCount\":1,"
                + "\"thoughtsTokenCount\":5}}"));

    LlmResponse response = client().generate(LlmRequest.of("Plan"));

    assertThat(response.text()).isEqualTo("Answer");
    assertThat(response.outputTokens()).isEqualTo(6);
    assertThat(response.model()).isEqualTo(GeminiConfig.DEFAULT_MODEL);
  }

  @Test
  void maxTokensFinishIsReported() {
    server.enqueue(Reply.json(200, ProviderScripts.geminiChunk("cut sh", "MAX_TOKENS", 2, 2)));

    assertThat(client().generate(LlmRequest.of("Plan")).finishReason())
        .isEqualTo(FinishReason.MAX_TOKENS);
  }

  @Test
  void errorEventInsideTheStreamFailsWithItsType() {
    server.enqueue(
        Reply.eventStream()
            .chunk(streamEvent("partial "))
            .chunk(
                ProviderScripts.sse(
                    ProviderScripts.googleError(503, "UNAVAILABLE", "overloaded", ""))));

    Throwable failure =
        failureOf(client().stream(LlmRequest.of("Plan"), LlmStreamListener.ignoring()));

    assertThat(failure)
        .isInstanceOf(LlmUnavailableException.class)
        .hasMessageContaining("overloaded");
  }

  @Test
  void blockedPromptIsRejectedWithTheReason() {
    server.enqueue(Reply.json(200, "{\"promptFeedback\":{\"blockReason\":\"SAFETY\"}}"));

    assertThatThrownBy(() -> client().generate(LlmRequest.of("Plan")))
        .isInstanceOf(LlmRequestRejectedException.class)
        .hasMessageContaining("SAFETY");
  }

  @Test
  void malformedAnswerIsAProtocolErrorPointingAtTheBaseUrl() {
    server.enqueue(Reply.json(200, "<html>not an API</html>"));

    assertThatThrownBy(() -> client().generate(LlmRequest.of("Plan")))
        .isInstanceOf(LlmProtocolException.class)
        .hasMessageContaining(server.baseUri().toString());
  }

  @Test
  void configNeverShowsTheKey() {
    GeminiConfig config = GeminiConfig.builder().apiKey(SECRET).build();

    assertThat(config.toString()).doesNotContain(SECRET);
    assertThat(new GeminiClient(config).toString()).doesNotContain(SECRET);
  }

  @Test
  void modelMayBeGivenInResourceForm() {
    assertThat(GeminiConfig.builder().apiKey(SECRET).model("models/gemini-2.5-pro").build().model())
        .isEqualTo("gemini-2.5-pro");
  }

  @Test
  void configWithoutKeySaysWhereToGetOne() {
    assertThatThrownBy(() -> GeminiConfig.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GEMINI_API_KEY");
  }
}
