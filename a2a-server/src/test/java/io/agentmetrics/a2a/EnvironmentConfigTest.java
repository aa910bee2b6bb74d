package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentConfigTest {

  @Test
  void withNothingSetTheDefaultsApply() {
    assertThat(EnvironmentConfig.read(Map.of()).build()).isEqualTo(ServerConfig.defaults());
    assertThat(ServerConfig.defaults().host()).isEqualTo("127.0.0.1");
    assertThat(ServerConfig.defaults().port()).isEqualTo(5000);
    assertThat(ServerConfig.defaults().maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(ServerConfig.defaults().maxHistory()).isEqualTo(20);
    assertThat(ServerConfig.defaults().pushAllowPrivate()).isFalse();
    assertThat(ServerConfig.defaults().pushMaxConfigsPerTask()).isEqualTo(10);
    assertThat(ServerConfig.defaults().pushMaxBackoff()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void everyVariableIsRead() {
    ServerConfig config =
        EnvironmentConfig.read(
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
                    Map.entry("SIMULATED_LLM_LATENCY_MS", "0")))
            .build();

    assertThat(config)
        .isEqualTo(
            new ServerConfig(
                "0.0.0.0",
                8080,
                "https://agent.example.com/",
                2048,
                4096,
                8,
                1000,
                300,
                4,
                500,
                5,
                7,
                100,
                100_000,
                Duration.ofSeconds(60),
                50,
                50_000,
                Duration.ofSeconds(30),
                16,
                2,
                10,
                Duration.ofSeconds(4),
                Duration.ofSeconds(3),
                "tok",
                List.of("https://a.example", "https://b.example"),
                List.of("agent.example", "[fd00::1]"),
                Duration.ofSeconds(5),
                0,
                50,
                3,
                false,
                List.of("*.telex.im"),
                Duration.ofMillis(1500),
                5,
                true,
                3,
                Duration.ofMillis(9000),
                Duration.ZERO));
  }

  @Test
  void theDefaultInFlightBudgetIsAShareOfTheHeapButAlwaysHoldsTheLargestBody() {
    long body = ServerConfig.DEFAULT_INFLIGHT_HEAP_SHARE + 1;

    ServerConfig larger =
        EnvironmentConfig.read(Map.of("A2A_MAX_BODY_BYTES", String.valueOf(body))).build();

    assertThat(ServerConfig.DEFAULT_INFLIGHT_HEAP_SHARE)
        .isEqualTo(Runtime.getRuntime().maxMemory() / 32);
    assertThat(ServerConfig.defaults().maxInflightBytes())
        .isEqualTo(
            Math.max(
                ServerConfig.DEFAULT_INFLIGHT_HEAP_SHARE, ServerConfig.DEFAULT_MAX_BODY_BYTES));
    assertThat(larger.maxInflightBytes()).isEqualTo(body);
  }

  @ParameterizedTest
  @CsvSource({
    "PORT, http",
    "A2A_MAX_BODY_BYTES, 1MB",
    "A2A_TASK_STORE_BYTES, 1GB",
    "SIMULATED_LLM_LATENCY_MS, fast",
    "A2A_PUSH_NOTIFICATIONS, sometimes",
    "A2A_IDLE_TIMEOUT_MS, 30s",
    "A2A_MIN_REQUEST_DATA_RATE, 1KB",
    "A2A_PUSH_ALLOW_PRIVATE, maybe",
    "A2A_PUSH_MAX_CONFIGS_PER_TASK, ten",
    "A2A_PUSH_MAX_BACKOFF_MS, 30s"
  })
  void aMalformedNumberFailsNamingTheVariable(String name, String value) {
    assertThatThrownBy(() -> EnvironmentConfig.read(Map.of(name, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name)
        .hasMessageContaining(value);
  }

  @ParameterizedTest
  @CsvSource({
    "PORT, 70000, port",
    "A2A_MAX_BODY_BYTES, 0, maxBodyBytes",
    "A2A_AGENT_THREADS, -1, agentThreads",
    "A2A_AGENT_QUEUE_TIMEOUT_MS, 0, A2A_AGENT_QUEUE_TIMEOUT_MS",
    "A2A_IDLE_TIMEOUT_MS, 0, A2A_IDLE_TIMEOUT_MS",
    "A2A_MIN_REQUEST_DATA_RATE, -1, A2A_MIN_REQUEST_DATA_RATE",
    "A2A_MAX_STREAMS, 0, A2A_MAX_STREAMS",
    "A2A_MAX_STREAMS_PER_TASK, 0, A2A_MAX_STREAMS_PER_TASK",
    "A2A_PUSH_MAX_CONFIGS_PER_TASK, 0, pushMaxConfigsPerTask",
    "A2A_PUSH_MAX_BACKOFF_MS, 499, pushMaxBackoff",
    "A2A_MAX_JSON_TOKENS, 0, A2A_MAX_JSON_TOKENS",
    "A2A_MAX_TASK_HISTORY, 0, A2A_MAX_TASK_HISTORY",
    "A2A_MAX_INFLIGHT_BYTES, 1000, A2A_MAX_BODY_BYTES",
    "A2A_TASK_STORE_BYTES, 9999, A2A_TASK_STORE_SIZE",
    "A2A_CONTEXT_STORE_BYTES, 5, A2A_CONTEXT_STORE_SIZE"
  })
  void anOutOfRangeValueFailsNamingTheSetting(String name, String value, String field) {
    assertThatThrownBy(() -> EnvironmentConfig.read(Map.of(name, value)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(field)
        .hasMessageContaining(value);
  }
}
