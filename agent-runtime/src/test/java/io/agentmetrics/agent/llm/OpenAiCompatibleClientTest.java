package io.agentmetrics.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.agent.testing.ProviderScripts;
import io.agentmetrics.agent.testing.ScriptedLlmServer.RecordedRequest;
import io.agentmetrics.agent.testing.ScriptedLlmServer.Reply;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleClientTest extends HttpLlmClientContractTest {

  @Override
  LlmClient newClient(URI baseUri, HttpTransportConfig transport, Sleeper sleeper, Clock clock) {
    return new OpenAiCompatibleClient(
        config(baseUri, transport).apiKey(SECRET).build(), sleeper, clock, () -> 0.5);
  }

  private static OpenAiCompatibleConfig.Builder config(URI baseUri, HttpTransportConfig transport) {
    return OpenAiCompatibleConfig.builder()
        .baseUri(URI.create(baseUri + "/v1"))
        .model("llama3.2")
        .transport(transport);
  }

  @Override
  String answer(String text, int inputTokens, int outputTokens) {
    return ProviderScripts.openAiResponse(text, inputTokens, outputTokens);
  }

  @Override
  String stream(List<String> pieces, int inputTokens, int outputTokens) {
    return ProviderScripts.openAiStream(pieces, inputTokens, outputTokens);
  }

  @Override
  String streamEvent(String piece) {
    return ProviderScripts.sse(ProviderScripts.openAiChunk(piece, null));
  }

  @Override
  String error(int status, String message) {
    return ProviderScripts.openAiError(message, "invalid_request_error", "code_" + status);
  }

  @Override
  String credentialSetting() {
    return "OPENAI_API_KEY";
  }

  @Override
  String configuredModel() {
    return "llama3.2";
  }

  @Test
  void streamRequestAsksForUsageAndSendsTheSystemInstructionFirst() throws Exception {
    server.enqueue(Reply.eventStream().chunk(stream(List.of("hi"), 1, 1)));

    client().stream(
            LlmRequest.builder()
                .systemInstruction("Be brief.")
                .user("Plan")
                .maxOutputTokens(64)
                .build(),
            LlmStreamListener.ignoring())
        .get(20, TimeUnit.SECONDS);

    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.header("authorization")).isEqualTo("Bearer " + SECRET);
    JsonNode body = LlmJson.MAPPER.readTree(request.body());
    assertThat(body.at("/model").asText()).isEqualTo("llama3.2");
    assertThat(body.at("/stream").asBoolean()).isTrue();
    assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
    assertThat(body.at("/messages/1/content").asText()).isEqualTo("Plan");
    assertThat(body.at("/max_tokens").asInt()).isEqualTo(64);
  }

  @Test
  void serverWithoutKeyGetsNoAuthorizationHeader() throws Exception {
    server.enqueue(Reply.json(200, answer("ok", 1, 1)));
    try (OpenAiCompatibleClient keyless =
        new OpenAiCompatibleClient(
            config(server.baseUri(), transport().build()).build(), sleeper, CLOCK, () -> 0.5)) {

      keyless.generate(LlmRequest.of("Plan"));
    }

    assertThat(server.takeRequest(WAIT).header("authorization")).isNull();
  }

  @Test
  void doneMarkerEndsTheStreamEvenIfTheConnectionStaysOpen() throws Exception {
    server.enqueue(Reply.eventStream().chunk(stream(List.of("a", "b"), 2, 2)).stall());

    LlmResponse response =
        client().stream(LlmRequest.of("Plan"), LlmStreamListener.ignoring())
            .get(20, TimeUnit.SECONDS);

    assertThat(response.text()).isEqualTo("ab");
    assertThat(response.model()).isEqualTo("gpt-4o-mini-2024-07-18");
  }

  @Test
  void streamWithoutUsageReportsZeroTokens() throws Exception {
    server.enqueue(
        Reply.eventStream()
            .chunk(streamEvent("a"))
            .chunk(ProviderScripts.sse(ProviderScripts.openAiChunk("", "length")))
            .chunk(ProviderScripts.sse("[DONE]")));

    LlmResponse response =
        client().stream(LlmRequest.of("Plan"), LlmStreamListener.ignoring())
            .get(20, TimeUnit.SECONDS);

    assertThat(response.inputTokens()).isZero();
    assertThat(response.outputTokens()).isZero();
    assertThat(response.usageReported()).isFalse();
    assertThat(response.finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
  }

  @Test
  void errorEventInsideTheStreamFailsWithItsType() {
    server.enqueue(
        Reply.eventStream()
            .chunk(streamEvent("partial "))
            .chunk(ProviderScripts.sse("{\"error\":{\"message\":\"rate limited\",\"code\":429}}")));

    assertThat(failureOf(client().stream(LlmRequest.of("Plan"), LlmStreamListener.ignoring())))
        .isInstanceOf(LlmRateLimitedException.class)
        .hasMessageContaining("rate limited");
  }
}
