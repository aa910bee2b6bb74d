package io.agentmetrics.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.agent.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LlmClientsTest {

  @Test
  void noSettingsGiveTheSimulatedClient() {
    try (LlmClient client = LlmClients.fromEnvironment(Map.of())) {
      assertThat(client).isInstanceOf(SimulatedLlmClient.class);
      assertThat(client.model()).isEqualTo(SimulatedLlmConfig.DEFAULT_MODEL);
    }
  }

  @Test
  void simulatedLatencyAndModelComeFromTheSettings() {
    try (LlmClient client =
        LlmClients.fromEnvironment(
            Map.of(
                "LLM_PROVIDER",
                "Simulated",
                "SIMULATED_LLM_LATENCY_MS",
                "40",
                "LLM_MODEL",
                "tiny"))) {
      SimulatedLlmConfig config = ((SimulatedLlmClient) client).config();
      assertThat(config.timeToFirstToken()).isEqualTo(Duration.ofMillis(40));
      assertThat(config.model()).isEqualTo("tiny");
    }
  }

  @Test
  void geminiUsesTheKeyModelAndBaseUrl() {
    try (LlmClient client =
        LlmClients.fromEnvironment(
            Map.of(
                "LLM_PROVIDER", "gemini",
                "GEMINI_API_KEY", "key-1234",
                "LLM_MODEL", "gemini-2.5-pro",
                "GEMINI_BASE_URL", "http://127.0.0.1:9/"))) {
      GeminiConfig config = ((GeminiClient) client).config();
      assertThat(config.apiKey()).isEqualTo("key-1234");
      assertThat(config.model()).isEqualTo("gemini-2.5-pro");
      assertThat(config.baseUri()).isEqualTo(URI.create("http://127.0.0.1:9"));
    }
  }

  @Test
  void openAiUsesTheBaseUrlAndOptionalKey() {
    try (LlmClient client =
        LlmClients.fromEnvironment(
            Map.of(
                "LLM_PROVIDER", "openai",
                "OPENAI_BASE_URL", "http://localhost:11434/v1",
                "LLM_MODEL", "llama3.2"))) {
      OpenAiCompatibleConfig config = ((OpenAiCompatibleClient) client).config();
      assertThat(config.baseUri()).isEqualTo(URI.create("http://localhost:11434/v1"));
      assertThat(config.apiKey()).isEmpty();
      assertThat(config.model()).isEqualTo("llama3.2");
    }
  }

  @Test
  void geminiWithoutKeySaysWhatToSet() {
    assertThatThrownBy(
            () ->
                LlmClients.fromEnvironment(Map.of("LLM_PROVIDER", "gemini", "GEMINI_API_KEY", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GEMINI_API_KEY")
        .hasMessageContaining("LLM_PROVIDER=simulated");
  }

  @Test
  void unknownProviderListsTheChoices() {
    assertThatThrownBy(() -> LlmClients.fromEnvironment(Map.of("LLM_PROVIDER", "claude")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("LLM_PROVIDER must be one of simulated, gemini, openai, got \"claude\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "fast", "1.5"})
  void invalidSimulatedLatencyNamesTheSetting(String value) {
    assertThatThrownBy(() -> LlmClients.fromEnvironment(Map.of("SIMULATED_LLM_LATENCY_MS", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SIMULATED_LLM_LATENCY_MS")
        .hasMessageContaining(value);
  }

  @ParameterizedTest
  @CsvSource({
    "LLM_TIMEOUT_MS, 0, at least 1",
    "LLM_TIMEOUT_MS, soon, at least 1",
    "LLM_MAX_ATTEMPTS, 0, from 1 to 10",
    "LLM_MAX_ATTEMPTS, 50, from 1 to 10"
  })
  void invalidTimeoutOrAttemptsNameTheSettingAndItsRange(
      String setting, String value, String range) {
    assertThatThrownBy(
            () ->
                LlmClients.fromEnvironment(
                    Map.of("LLM_PROVIDER", "gemini", "GEMINI_API_KEY", "k", setting, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(setting)
        .hasMessageContaining(range)
        .hasMessageContaining(value);
  }

  @Test
  void timeoutAndAttemptsSetTheRemoteClientsTransport() {
    try (LlmClient client =
        LlmClients.fromEnvironment(
            Map.of(
                "LLM_PROVIDER", "openai",
                "LLM_TIMEOUT_MS", "2500",
                "LLM_MAX_ATTEMPTS", "2"))) {
      HttpTransportConfig transport = ((OpenAiCompatibleClient) client).config().transport();
      assertThat(transport.readTimeout()).isEqualTo(Duration.ofMillis(2500));
      assertThat(transport.retry().maxAttempts()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:11434", "ftp://host/v1", "http://host/v1?x=1", "not a url"})
  void invalidBaseUrlNamesTheSetting(String value) {
    assertThatThrownBy(
            () ->
                LlmClients.fromEnvironment(
                    Map.of("LLM_PROVIDER", "openai", "OPENAI_BASE_URL", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OPENAI_BASE_URL");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "LLM_PROVIDER | claude | one of simulated, gemini, openai",
        "SIMULATED_LLM_LATENCY_MS | fast | a whole number of milliseconds, at least 0",
        "SIMULATED_LLM_LATENCY_MS | -1 | a whole number of milliseconds, at least 0",
        "LLM_TIMEOUT_MS | 2.5 | a whole number of milliseconds, at least 1",
        "LLM_MAX_ATTEMPTS | 11 | a whole number of attempts, from 1 to 10",
        "GEMINI_BASE_URL | localhost:9 | an absolute http or https URL without a query",
        "OPENAI_BASE_URL | http://h/v1?x=1 | an absolute http or https URL without a query"
      })
  void everyUnusableSettingIsAConfigExceptionNamingItWhatItAllowsAndTheValue(
      String setting, String value, String allowed) {
    String provider = setting.startsWith("OPENAI") ? "openai" : "gemini";
    Map<String, String> settings =
        setting.equals("LLM_PROVIDER") || setting.startsWith("SIMULATED")
            ? Map.of(setting, value)
            : Map.of("LLM_PROVIDER", provider, "GEMINI_API_KEY", "k", setting, value);

    assertThatThrownBy(() -> LlmClients.check(settings))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).isEqualTo(setting))
        .hasMessageStartingWith(setting + " must be " + allowed)
        .hasMessageEndingWith(", got \"" + value + "\"");
  }

  @Test
  void aMissingKeyIsAConfigExceptionNamingIt() {
    assertThatThrownBy(() -> LlmClients.check(Map.of("LLM_PROVIDER", "Gemini")))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).isEqualTo("GEMINI_API_KEY"))
        .hasMessageStartingWith("LLM_PROVIDER=gemini needs GEMINI_API_KEY");
  }

  @Test
  void checkAcceptsWhatFromEnvironmentAccepts() {
    Map<String, String> settings =
        Map.of("LLM_PROVIDER", "openai", "OPENAI_BASE_URL", "http://127.0.0.1:9/v1");

    LlmClients.check(settings);

    try (LlmClient client = LlmClients.fromEnvironment(settings)) {
      assertThat(client).isInstanceOf(OpenAiCompatibleClient.class);
    }
  }
}
