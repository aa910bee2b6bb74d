package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.a2a.trace.TraceSettings;
import io.agentmetrics.agent.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentConfigTest {

  @Test
  void withNothingSetTheDefaultsApply() {
    ServerConfig config = EnvironmentConfig.of(Map.of()).serverConfig();

    assertThat(config).isEqualTo(ServerConfig.defaults());
    assertThat(config.http().host()).isEqualTo("127.0.0.1");
    assertThat(config.http().port()).isEqualTo(5000);
    assertThat(config.limits().maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(config.tasks().maxHistory()).isEqualTo(20);
    assertThat(config.push().allowPrivate()).isFalse();
    assertThat(config.push().maxConfigsPerTask()).isEqualTo(10);
    assertThat(config.push().maxBackoff()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.trace()).isEqualTo(TraceSettings.disabled());
    assertThat(config.auth().required()).isFalse();
    assertThat(config.llm()).isEqualTo(LlmConfig.simulated(Duration.ofMillis(800)));
    assertThat(config.store()).isEqualTo(StoreSettings.inMemory());
  }

  @Test
  void everyVariableIsRead() {
    ServerConfig config =
        EnvironmentConfig.of(
                Map.ofEntries(
                    Map.entry("HOST", "0.0.0.0"),
                    Map.entry("PORT", "8080"),
                    Map.entry("A2A_PUBLIC_URL", "https://agent.example.com/"),
                    Map.entry("A2A_MAX_BODY_BYTES", "2048"),
                    Map.entry("A2A_MAX_INFLIGHT_BYTES", "4096"),
                    Map.entry("A2A_MAX_JSON_DEPTH", "8"),
                    Map.entry("A2A_MAX_STRING_LENGTH", "1000"),
                    Map.entry("A2A_MAX_JSON_TOKENS", "300"),
                    Map.entry("A2A_MAX_PARTS", "4"),
                    Map.entry("A2A_MAX_TEXT_LENGTH", "500"),
                    Map.entry("A2A_MAX_HISTORY", "5"),
                    Map.entry("A2A_MAX_TASK_HISTORY", "7"),
                    Map.entry("A2A_TASK_STORE_SIZE", "100"),
                    Map.entry("A2A_TASK_STORE_BYTES", "100000"),
                    Map.entry("A2A_TASK_TTL_SECONDS", "60"),
                    Map.entry("A2A_CONTEXT_STORE_SIZE", "50"),
                    Map.entry("A2A_CONTEXT_STORE_BYTES", "50000"),
                    Map.entry("A2A_CONTEXT_TTL_SECONDS", "30"),
                    Map.entry("A2A_HTTP_MAX_THREADS", "16"),
                    Map.entry("A2A_AGENT_THREADS", "2"),
                    Map.entry("A2A_AGENT_QUEUE", "10"),
                    Map.entry("A2A_AGENT_QUEUE_TIMEOUT_MS", "4000"),
                    Map.entry("A2A_SHUTDOWN_GRACE_SECONDS", "3"),
                    Map.entry("A2A_AUTH_TOKEN", "tok"),
                    Map.entry("A2A_CORS_ORIGINS", "https://a.example, https://b.example"),
                    Map.entry("A2A_ALLOWED_HOSTS", "agent.example, [fd00::1]"),
                    Map.entry("A2A_IDLE_TIMEOUT_MS", "5000"),
                    Map.entry("A2A_MIN_REQUEST_DATA_RATE", "0"),
                    Map.entry("A2A_MAX_STREAMS", "50"),
                    Map.entry("A2A_MAX_STREAMS_PER_TASK", "3"),
                    Map.entry("A2A_PUSH_NOTIFICATIONS", "false"),
                    Map.entry("A2A_PUSH_ALLOWED_HOSTS", "*.telex.im"),
                    Map.entry("A2A_PUSH_TIMEOUT_MS", "1500"),
                    Map.entry("A2A_PUSH_MAX_ATTEMPTS", "5"),
                    Map.entry("A2A_PUSH_ALLOW_PRIVATE", "true"),
                    Map.entry("A2A_PUSH_MAX_CONFIGS_PER_TASK", "3"),
                    Map.entry("A2A_PUSH_MAX_BACKOFF_MS", "9000"),
                    Map.entry("A2A_TRACE_LATENCY", "yes"),
                    Map.entry("A2A_TRACE_SAMPLE_RATE", "0.5"),
                    Map.entry("A2A_TRACE_LOG_FILE", "/tmp/trace.log"),
                    Map.entry("LLM_PROVIDER", "OpenAI"),
                    Map.entry("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1"),
                    Map.entry("LLM_PRICES", "m=1:2"),
                    Map.entry("SIMULATED_LLM_LATENCY_MS", "0")))
            .serverConfig();

    assertThat(config)
        .isEqualTo(
            new ServerConfig(
                new HttpConfig(
                    "0.0.0.0",
                    8080,
                    "https://agent.example.com/",
                    16,
                    Duration.ofSeconds(3),
                    List.of("https://a.example", "https://b.example"),
                    List.of("agent.example", "[fd00::1]"),
                    Duration.ofSeconds(5),
                    0),
                new LimitsConfig(2048, 4096, 8, 1000, 300, 4, 500, 50, 3),
                new TasksConfig(
                    5,
                    7,
                    100,
                    100_000,
                    Duration.ofSeconds(60),
                    50,
                    50_000,
                    Duration.ofSeconds(30),
                    2,
                    10,
                    Duration.ofSeconds(4)),
                new PushConfig(
                    false,
                    List.of("*.telex.im"),
                    Duration.ofMillis(1500),
                    5,
                    true,
                    3,
                    Duration.ofMillis(9000)),
                new TraceSettings(true, 0.5, Path.of("/tmp/trace.log")),
                new AuthConfig("tok"),
                new LlmConfig(
                    "openai",
                    Duration.ZERO,
                    Map.of(
                        "LLM_PROVIDER", "OpenAI",
                        "OPENAI_BASE_URL", "http://127.0.0.1:11434/v1",
                        "LLM_PRICES", "m=1:2")),
                StoreSettings.inMemory()));
  }

  @Test
  void theDefaultInFlightBudgetIsAShareOfTheHeapButAlwaysHoldsTheLargestBody() {
    long body = LimitsConfig.DEFAULT_INFLIGHT_HEAP_SHARE + 1;

    ServerConfig larger =
        EnvironmentConfig.of(Map.of("A2A_MAX_BODY_BYTES", String.valueOf(body))).serverConfig();

    assertThat(LimitsConfig.DEFAULT_INFLIGHT_HEAP_SHARE)
        .isEqualTo(Runtime.getRuntime().maxMemory() / 32);
    assertThat(ServerConfig.defaults().limits().maxInflightBytes())
        .isEqualTo(
            Math.max(
                LimitsConfig.DEFAULT_INFLIGHT_HEAP_SHARE, LimitsConfig.DEFAULT_MAX_BODY_BYTES));
    assertThat(larger.limits().maxInflightBytes()).isEqualTo(body);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "A2A_MAX_STREAMS | abc | an integer",
        "PORT | http | an integer",
        "A2A_MAX_BODY_BYTES | 1MB | an integer",
        "A2A_TASK_STORE_BYTES | 1GB | an integer",
        "A2A_TASK_TTL_SECONDS | 1h | a whole number of seconds",
        "SIMULATED_LLM_LATENCY_MS | fast | a whole number of milliseconds",
        "A2A_IDLE_TIMEOUT_MS | 30s | a whole number of milliseconds",
        "A2A_PUSH_NOTIFICATIONS | sometimes | true or false (or 1/0, yes/no)",
        "A2A_PUSH_ALLOW_PRIVATE | maybe | true or false (or 1/0, yes/no)",
        "A2A_TRACE_LATENCY | on | true or false (or 1/0, yes/no)",
        "A2A_TRACE_SAMPLE_RATE | half | a number from 0 to 1",
        "A2A_TASK_LEASE_SECONDS | 15s | a whole number of seconds",
        "A2A_AGENT_CARD | 2.0 | one of union, 1.0",
        "A2A_TASK_STORE | redis | one of memory, postgres",
        "LLM_PROVIDER | claude | one of simulated, gemini, openai"
      })
  void anUnreadableValueFailsNamingTheVariableWhatItAllowsAndTheValue(
      String name, String value, String allowed) {
    Map<String, String> env =
        name.equals("A2A_TASK_LEASE_SECONDS")
            ? Map.of(
                name,
                value,
                "A2A_TASK_STORE",
                "postgres",
                "A2A_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1/a2a",
                "A2A_DATABASE_USER",
                "u")
            : Map.of(name, value);
    EnvironmentConfig environment = EnvironmentConfig.of(env);

    assertThatThrownBy(
            () -> {
              environment.serverConfig();
              environment.cards();
            })
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo(name))
        .hasMessage(name + " must be " + allowed + ", got \"" + value + "\"");
  }

  @ParameterizedTest
  @CsvSource({
    "PORT, 70000, an integer from 0 to 65535",
    "A2A_MAX_BODY_BYTES, 0, a positive integer",
    "A2A_AGENT_THREADS, -1, a positive integer",
    "A2A_AGENT_QUEUE_TIMEOUT_MS, 0, positive",
    "A2A_IDLE_TIMEOUT_MS, 0, positive",
    "A2A_MIN_REQUEST_DATA_RATE, -1, zero or a positive integer",
    "A2A_MAX_STREAMS, 0, a positive integer",
    "A2A_MAX_STREAMS_PER_TASK, 0, a positive integer",
    "A2A_PUSH_MAX_CONFIGS_PER_TASK, 0, a positive integer",
    "A2A_PUSH_MAX_BACKOFF_MS, 499, at least 500 ms",
    "A2A_MAX_JSON_TOKENS, 0, a positive integer",
    "A2A_MAX_TASK_HISTORY, 0, a positive integer",
    "A2A_MAX_HISTORY, -1, zero or a positive integer",
    "A2A_HTTP_MAX_THREADS, 3, an integer of at least 4",
    "A2A_MAX_INFLIGHT_BYTES, 1000, at least 1048576 (A2A_MAX_BODY_BYTES",
    "A2A_TASK_STORE_BYTES, 9999, at least 10000 (A2A_TASK_STORE_SIZE",
    "A2A_CONTEXT_STORE_BYTES, 5, at least 10000 (A2A_CONTEXT_STORE_SIZE",
    "A2A_SHUTDOWN_GRACE_SECONDS, -1, zero or positive",
    "SIMULATED_LLM_LATENCY_MS, -1, zero or positive",
    "A2A_TRACE_SAMPLE_RATE, 1.5, a number from 0 to 1",
    "A2A_TRACE_SAMPLE_RATE, -0.1, a number from 0 to 1"
  })
  void anOutOfRangeValueFailsNamingTheVariableAndWhatItAllows(
      String name, String value, String allowed) {
    assertThatThrownBy(() -> EnvironmentConfig.of(Map.of(name, value)).serverConfig())
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo(name))
        .hasMessageStartingWith(name + " must be " + allowed)
        .hasMessageContaining("got \"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "LLM_PROVIDER=gemini | GEMINI_API_KEY | LLM_PROVIDER=gemini needs GEMINI_API_KEY",
        "LLM_PROVIDER=gemini,GEMINI_API_KEY=k,LLM_MAX_ATTEMPTS=11 | LLM_MAX_ATTEMPTS"
            + " | LLM_MAX_ATTEMPTS must be a whole number of attempts, from 1 to 10, got \"11\"",
        "LLM_PROVIDER=openai,OPENAI_BASE_URL=localhost:11434 | OPENAI_BASE_URL"
            + " | OPENAI_BASE_URL must be an absolute http or https URL",
        "LLM_PRICES=m=cheap:1 | LLM_PRICES | LLM_PRICES: the input price of 'm' must be",
        "LLM_PRICE_FILE=/nonexistent/prices.json | LLM_PRICE_FILE"
            + " | LLM_PRICE_FILE /nonexistent/prices.json cannot be read"
      })
  void aBadLlmSettingFailsWhenTheEnvironmentIsReadNamingTheVariable(
      String variables, String setting, String message) {
    Map<String, String> env = new java.util.HashMap<>();
    for (String variable : variables.split(",", -1)) {
      int equals = variable.indexOf('=');
      env.put(variable.substring(0, equals), variable.substring(equals + 1));
    }

    assertThatThrownBy(() -> EnvironmentConfig.of(env).serverConfig())
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).isEqualTo(setting))
        .hasMessageStartingWith(message);
  }

  @ParameterizedTest
  @CsvSource({"' tok ', tok", "'', ''"})
  void theAuthTokenIsReadTrimmedAndABlankOneIsNone(String value, String token) {
    EnvironmentConfig environment = EnvironmentConfig.of(Map.of("A2A_AUTH_TOKEN", value));

    assertThat(environment.authToken().orElse("")).isEqualTo(token);
    assertThat(environment.serverConfig().auth().token()).isEqualTo(token.isEmpty() ? null : token);
  }

  @ParameterizedTest
  @CsvSource({"true, true", "YES, true", "1, true", "false, false", "No, false", "0, false"})
  void everyBooleanVariableReadsTheSameWords(String value, boolean expected) {
    ServerConfig config =
        EnvironmentConfig.of(
                Map.of(
                    "A2A_PUSH_NOTIFICATIONS", value,
                    "A2A_PUSH_ALLOW_PRIVATE", value,
                    "A2A_TRACE_LATENCY", value))
            .serverConfig();

    assertThat(config.push().enabled()).isEqualTo(expected);
    assertThat(config.push().allowPrivate()).isEqualTo(expected);
    assertThat(config.trace().enabled()).isEqualTo(expected);
  }

  @Test
  void toStringShowsNoSecret() {
    ServerConfig config =
        EnvironmentConfig.of(
                Map.of(
                    "A2A_AUTH_TOKEN", "token-s3cret",
                    "A2A_TASK_STORE", "postgres",
                    "A2A_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/a2a",
                    "A2A_DATABASE_USER", "agent",
                    "A2A_DATABASE_PASSWORD", "password-s3cret",
                    "LLM_PROVIDER", "gemini",
                    "GEMINI_API_KEY", "gemini-s3cret",
                    "OPENAI_API_KEY", "openai-s3cret"))
            .serverConfig();

    assertThat(config.auth().token()).isEqualTo("token-s3cret");
    assertThat(config.llm().settings()).containsEntry("GEMINI_API_KEY", "gemini-s3cret");
    assertThat(config.toString())
        .doesNotContain("s3cret")
        .contains("AuthConfig[token=(redacted)]")
        .contains("GEMINI_API_KEY=(redacted)")
        .contains("OPENAI_API_KEY=(redacted)")
        .contains("jdbc:postgresql://127.0.0.1:5432/a2a");
  }

  @ParameterizedTest
  @CsvSource({"'', false", "study, false", "Conformance, true"})
  void theAgentIsStudyUnlessConformanceIsAsked(String value, boolean conformance) {
    assertThat(EnvironmentConfig.of(Map.of("A2A_AGENT", value)).conformanceAgent())
        .isEqualTo(conformance);
  }

  @Test
  void anUnknownAgentFailsNamingTheVariableWithoutControlCharacters() {
    assertThatThrownBy(() -> EnvironmentConfig.of(Map.of("A2A_AGENT", "x\ny")).conformanceAgent())
        .isInstanceOf(ConfigException.class)
        .hasMessage("A2A_AGENT must be one of study, conformance, got \"x?y\"");
  }

  @Test
  void everyVariableReadIsDocumented() throws Exception {
    Set<String> read = new TreeSet<>();
    Map<String, String> postgres =
        Map.of(
            "A2A_TASK_STORE", "postgres",
            "A2A_DATABASE_URL", "jdbc:postgresql://127.0.0.1/a2a",
            "A2A_DATABASE_USER", "u");
    for (Map<String, String> env : List.of(Map.<String, String>of(), postgres)) {
      EnvironmentConfig environment =
          EnvironmentConfig.of(
              name -> {
                read.add(name);
                return env.get(name);
              });
      environment.serverConfig();
      environment.cards();
      environment.conformanceAgent();
    }
    String page = Files.readString(Path.of("../docs/a2a-server.md"));

    assertThat(read)
        .contains("HOST", "A2A_MAX_STREAMS", "A2A_DATABASE_PASSWORD", "GEMINI_API_KEY")
        .hasSizeGreaterThan(50)
        .allSatisfy(name -> assertThat(page).contains("`" + name + "`"));
  }
}
