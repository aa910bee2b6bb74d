package io.agentmetrics.a2a;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@link ServerConfig} from environment variables ({@code HOST}, {@code PORT}, {@code A2A_*}
 * and {@code SIMULATED_LLM_LATENCY_MS}). Unset variables keep the defaults; a malformed one fails
 * with a message naming the variable.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class EnvironmentConfig {

  private EnvironmentConfig() {}

  /**
   * A builder holding the defaults overridden by {@code env}.
   *
   * @param env the environment, usually {@link System#getenv()}
   * @return a builder that callers may refine (for example with command-line options)
   * @throws IllegalArgumentException naming the variable whose value cannot be read
   * @since 0.1.0
   */
  public static ServerConfig.Builder read(Map<String, String> env) {
    ServerConfig.Builder b = ServerConfig.builder();
    string(env, "HOST", b::host);
    integer(env, "PORT", b::port);
    string(env, "A2A_PUBLIC_URL", b::publicUrl);
    integer(env, "A2A_MAX_BODY_BYTES", b::maxBodyBytes);
    bytes(env, "A2A_MAX_INFLIGHT_BYTES", b::maxInflightBytes);
    integer(env, "A2A_MAX_JSON_DEPTH", b::maxNestingDepth);
    integer(env, "A2A_MAX_STRING_LENGTH", b::maxStringLength);
    integer(env, "A2A_MAX_JSON_TOKENS", b::maxJsonTokens);
    integer(env, "A2A_MAX_PARTS", b::maxParts);
    integer(env, "A2A_MAX_TEXT_LENGTH", b::maxTextLength);
    integer(env, "A2A_MAX_HISTORY", b::maxHistory);
    integer(env, "A2A_MAX_TASK_HISTORY", b::maxTaskHistory);
    integer(env, "A2A_TASK_STORE_SIZE", b::taskStoreMaxSize);
    bytes(env, "A2A_TASK_STORE_BYTES", b::taskStoreMaxBytes);
    seconds(env, "A2A_TASK_TTL_SECONDS", b::taskTtl);
    integer(env, "A2A_CONTEXT_STORE_SIZE", b::contextStoreMaxSize);
    bytes(env, "A2A_CONTEXT_STORE_BYTES", b::contextStoreMaxBytes);
    seconds(env, "A2A_CONTEXT_TTL_SECONDS", b::contextTtl);
    integer(env, "A2A_HTTP_MAX_THREADS", b::httpMaxThreads);
    integer(env, "A2A_AGENT_THREADS", b::agentThreads);
    integer(env, "A2A_AGENT_QUEUE", b::agentQueueCapacity);
    millis(env, "A2A_AGENT_QUEUE_TIMEOUT_MS", b::agentQueueTimeout);
    seconds(env, "A2A_SHUTDOWN_GRACE_SECONDS", b::shutdownGrace);
    string(env, "A2A_AUTH_TOKEN", b::authToken);
    list(env, "A2A_CORS_ORIGINS", b::corsOrigins);
    list(env, "A2A_ALLOWED_HOSTS", b::allowedHosts);
    millis(env, "A2A_IDLE_TIMEOUT_MS", b::idleTimeout);
    parsed(env, "A2A_MIN_REQUEST_DATA_RATE", Long::parseLong, b::minRequestDataRate);
    integer(env, "A2A_MAX_STREAMS", b::maxStreams);
    integer(env, "A2A_MAX_STREAMS_PER_TASK", b::maxStreamsPerTask);
    parsed(env, "A2A_PUSH_NOTIFICATIONS", EnvironmentConfig::bool, b::pushNotifications);
    list(env, "A2A_PUSH_ALLOWED_HOSTS", b::pushAllowedHosts);
    millis(env, "A2A_PUSH_TIMEOUT_MS", b::pushTimeout);
    integer(env, "A2A_PUSH_MAX_ATTEMPTS", b::pushMaxAttempts);
    parsed(env, "A2A_PUSH_ALLOW_PRIVATE", EnvironmentConfig::bool, b::pushAllowPrivate);
    integer(env, "A2A_PUSH_MAX_CONFIGS_PER_TASK", b::pushMaxConfigsPerTask);
    millis(env, "A2A_PUSH_MAX_BACKOFF_MS", b::pushMaxBackoff);
    millis(env, "SIMULATED_LLM_LATENCY_MS", b::simulatedLlmLatency);
    return b;
  }

  private static void string(Map<String, String> env, String name, Consumer<String> setter) {
    String value = value(env, name);
    if (value != null) {
      setter.accept(value);
    }
  }

  private static void integer(Map<String, String> env, String name, Consumer<Integer> setter) {
    parsed(env, name, Integer::parseInt, setter);
  }

  private static void bytes(Map<String, String> env, String name, Consumer<Long> setter) {
    parsed(env, name, Long::parseLong, setter);
  }

  private static void seconds(Map<String, String> env, String name, Consumer<Duration> setter) {
    parsed(env, name, v -> Duration.ofSeconds(Long.parseLong(v)), setter);
  }

  private static void millis(Map<String, String> env, String name, Consumer<Duration> setter) {
    parsed(env, name, v -> Duration.ofMillis(Long.parseLong(v)), setter);
  }

  private static void list(Map<String, String> env, String name, Consumer<List<String>> setter) {
    parsed(
        env,
        name,
        v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
        setter);
  }

  private static <T> void parsed(
      Map<String, String> env, String name, Function<String, T> parser, Consumer<T> setter) {
    String value = value(env, name);
    if (value == null) {
      return;
    }
    T parsed;
    try {
      parsed = parser.apply(value.trim());
    } catch (IllegalArgumentException e) {
      // NumberFormatException included: the message names the variable, not Java's parser.
      throw new IllegalArgumentException(
          name + " has an unreadable value '" + value + "'; fix or unset it", e);
    }
    setter.accept(parsed);
  }

  private static boolean bool(String value) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }

  private static @Nullable String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
