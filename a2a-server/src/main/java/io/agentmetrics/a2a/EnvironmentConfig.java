package io.agentmetrics.a2a;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.store.postgres.DatabaseSettings;
import io.agentmetrics.a2a.trace.TraceSettings;
import io.agentmetrics.a2a.v1.CardSettings;
import io.agentmetrics.a2a.v1.CardSigner;
import io.agentmetrics.agent.config.ConfigException;
import io.agentmetrics.agent.config.EnvironmentSettings;
import io.agentmetrics.agent.llm.LlmClients;
import io.agentmetrics.agent.llm.PriceTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one reader of the server's environment variables ({@code HOST}, {@code PORT}, {@code A2A_*},
 * {@code LLM_*} and the provider keys); every setting and its variable are listed in {@code
 * docs/a2a-server.md}. Unset or blank variables keep the defaults. A value that cannot be read
 * fails with a {@link ConfigException} naming the variable and what it allows, for example {@code
 * A2A_MAX_STREAMS must be an integer, got "abc"}; a value out of range fails the same way when the
 * component record checks it. Values are parsed by agent-runtime's {@link EnvironmentSettings}, so
 * a boolean, a number or a list means the same here as in every agentmetrics setting.
 *
 * <p>Immutable and thread-safe if the lookup is.
 *
 * @since 0.1.0
 */
public final class EnvironmentConfig {

  /** The variable choosing the agent: {@code study} (default) or {@code conformance}. */
  public static final String A2A_AGENT = "A2A_AGENT";

  /** The variable with the bearer token that requests must carry. */
  public static final String A2A_AUTH_TOKEN = "A2A_AUTH_TOKEN";

  /** The variables agent-runtime reads to build the LLM client and its price table. */
  private static final List<String> LLM_SETTINGS =
      List.of(
          LlmClients.LLM_PROVIDER,
          LlmClients.LLM_MODEL,
          LlmClients.GEMINI_API_KEY,
          LlmClients.GEMINI_BASE_URL,
          LlmClients.OPENAI_BASE_URL,
          LlmClients.OPENAI_API_KEY,
          LlmClients.LLM_TIMEOUT_MS,
          LlmClients.LLM_MAX_ATTEMPTS,
          PriceTable.LLM_PRICE_FILE,
          PriceTable.LLM_PRICES);

  private static final String SECONDS = "a whole number of seconds";
  private static final String MILLIS = "a whole number of milliseconds";

  private final EnvironmentSettings settings;

  private EnvironmentConfig(EnvironmentSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /**
   * The process's environment.
   *
   * @return a reader of {@link System#getenv()}
   * @since 0.1.0
   */
  public static EnvironmentConfig system() {
    return of(System.getenv());
  }

  /**
   * The variables in {@code env}, for tests and embedding.
   *
   * @param env the variables by name
   * @return a reader of {@code env}
   * @since 0.1.0
   */
  public static EnvironmentConfig of(Map<String, String> env) {
    return new EnvironmentConfig(EnvironmentSettings.of(env));
  }

  /**
   * The variables {@code lookup} gives, for tests and embedding.
   *
   * @param lookup a variable's value by its name, or {@code null} when it is unset
   * @return a reader of {@code lookup}
   * @since 0.1.0
   */
  public static EnvironmentConfig of(Function<String, @Nullable String> lookup) {
    return new EnvironmentConfig(EnvironmentSettings.of(lookup));
  }

  /**
   * A builder holding the defaults overridden by the environment, for callers that refine it (with
   * command-line options, say).
   *
   * @return the builder
   * @throws ConfigException naming the variable whose value cannot be read
   * @since 0.1.0
   */
  public ServerConfig.Builder server() {
    ServerConfig.Builder b = ServerConfig.builder();
    string("HOST", b::host);
    integer("PORT", b::port);
    string("A2A_PUBLIC_URL", b::publicUrl);
    integer("A2A_MAX_BODY_BYTES", b::maxBodyBytes);
    number("A2A_MAX_INFLIGHT_BYTES", b::maxInflightBytes);
    integer("A2A_MAX_JSON_DEPTH", b::maxNestingDepth);
    integer("A2A_MAX_STRING_LENGTH", b::maxStringLength);
    integer("A2A_MAX_JSON_TOKENS", b::maxJsonTokens);
    integer("A2A_MAX_PARTS", b::maxParts);
    integer("A2A_MAX_TEXT_LENGTH", b::maxTextLength);
    integer("A2A_MAX_HISTORY", b::maxHistory);
    integer("A2A_MAX_TASK_HISTORY", b::maxTaskHistory);
    number("A2A_TASK_STORE_SIZE", b::taskStoreMaxSize);
    number("A2A_TASK_STORE_BYTES", b::taskStoreMaxBytes);
    seconds("A2A_TASK_TTL_SECONDS", b::taskTtl);
    number("A2A_CONTEXT_STORE_SIZE", b::contextStoreMaxSize);
    number("A2A_CONTEXT_STORE_BYTES", b::contextStoreMaxBytes);
    seconds("A2A_CONTEXT_TTL_SECONDS", b::contextTtl);
    integer("A2A_HTTP_MAX_THREADS", b::httpMaxThreads);
    integer("A2A_AGENT_THREADS", b::agentThreads);
    integer("A2A_AGENT_QUEUE", b::agentQueueCapacity);
    millis("A2A_AGENT_QUEUE_TIMEOUT_MS", b::agentQueueTimeout);
    seconds("A2A_SHUTDOWN_GRACE_SECONDS", b::shutdownGrace);
    authToken().ifPresent(b::authToken);
    list("A2A_CORS_ORIGINS", b::corsOrigins);
    list("A2A_ALLOWED_HOSTS", b::allowedHosts);
    millis("A2A_IDLE_TIMEOUT_MS", b::idleTimeout);
    number("A2A_MIN_REQUEST_DATA_RATE", b::minRequestDataRate);
    integer("A2A_MAX_STREAMS", b::maxStreams);
    integer("A2A_MAX_STREAMS_PER_TASK", b::maxStreamsPerTask);
    bool("A2A_PUSH_NOTIFICATIONS", b::pushNotifications);
    list("A2A_PUSH_ALLOWED_HOSTS", b::pushAllowedHosts);
    millis("A2A_PUSH_TIMEOUT_MS", b::pushTimeout);
    integer("A2A_PUSH_MAX_ATTEMPTS", b::pushMaxAttempts);
    bool("A2A_PUSH_ALLOW_PRIVATE", b::pushAllowPrivate);
    integer("A2A_PUSH_MAX_CONFIGS_PER_TASK", b::pushMaxConfigsPerTask);
    millis("A2A_PUSH_MAX_BACKOFF_MS", b::pushMaxBackoff);
    return b.trace(trace()).llm(llm()).store(store());
  }

  /**
   * The server's configuration.
   *
   * @return the config
   * @throws ConfigException naming the first variable whose value cannot be read or is out of range
   * @since 0.1.0
   */
  public ServerConfig serverConfig() {
    return server().build();
  }

  /**
   * The bearer token of {@value #A2A_AUTH_TOKEN}: the one the server requires, and the one {@code
   * profile} sends unless {@code --auth-token} gives another.
   *
   * @return the token, trimmed, or empty when the variable is unset or blank
   * @since 0.1.0
   */
  public Optional<String> authToken() {
    return Optional.ofNullable(value(A2A_AUTH_TOKEN));
  }

  /**
   * Whether {@value #A2A_AGENT} picks the conformance agent (the TCK's scenarios) over the study
   * agent.
   *
   * @return {@code true} for {@code conformance}
   * @throws ConfigException for any value but {@code study} and {@code conformance}
   * @since 0.1.0
   */
  public boolean conformanceAgent() {
    return settings
        .oneOf(A2A_AGENT, List.of("study", "conformance"), "study")
        .equals("conformance");
  }

  /**
   * How the agent card is served ({@value CardSettings#AGENT_CARD} and the signing key).
   *
   * @return the settings
   * @throws ConfigException naming the variable whose value is unusable
   * @throws IOException if the key file cannot be read
   * @since 0.1.0
   */
  public CardSettings cards() throws IOException {
    CardSettings.WellKnownCard wellKnown =
        settings.oneOf(CardSettings.AGENT_CARD, List.of("union", "1.0"), "union").equals("1.0")
            ? CardSettings.WellKnownCard.V1_0
            : CardSettings.WellKnownCard.UNION;
    String key = value(CardSettings.SIGNING_KEY);
    if (key == null) {
      return new CardSettings(wellKnown, null);
    }
    String keyId = value(CardSettings.SIGNING_KEY_ID);
    if (keyId == null) {
      throw new ConfigException(
          CardSettings.SIGNING_KEY_ID,
          CardSettings.SIGNING_KEY_ID
              + " is required with "
              + CardSettings.SIGNING_KEY
              + ": the kid verifiers look up",
          null);
    }
    try {
      return new CardSettings(
          wellKnown,
          new CardSigner(CardSigner.readKey(Path.of(key)), keyId, value(CardSettings.JWKS_URL)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          CardSettings.SIGNING_KEY, CardSettings.SIGNING_KEY + ": " + e.getMessage(), e);
    }
  }

  private TraceSettings trace() {
    Boolean enabled = settings.bool("A2A_TRACE_LATENCY");
    Double rate =
        settings.read("A2A_TRACE_SAMPLE_RATE", "a number from 0 to 1", Double::parseDouble);
    String file = value("A2A_TRACE_LOG_FILE");
    return new TraceSettings(
        enabled != null && enabled,
        rate != null ? rate : TraceSettings.DEFAULT_SAMPLE_RATE,
        file == null ? null : Path.of(file));
  }

  private LlmConfig llm() {
    Map<String, String> llmSettings = new HashMap<>();
    for (String name : LLM_SETTINGS) {
      String value = value(name);
      if (value != null) {
        llmSettings.put(name, value);
      }
    }
    String provider = llmSettings.getOrDefault(LlmClients.LLM_PROVIDER, LlmConfig.SIMULATED);
    Duration latency =
        settings.read(LlmClients.SIMULATED_LLM_LATENCY_MS, MILLIS, EnvironmentConfig::millis);
    LlmConfig llm =
        new LlmConfig(
            provider, latency != null ? latency : LlmConfig.DEFAULT_SIMULATED_LATENCY, llmSettings);
    // agent-runtime reads them now too, so that a bad one (a missing key, a malformed price) stops
    // serve before anything starts, like every other bad variable; the module builds from them.
    LlmClients.check(llmSettings);
    PriceTable.fromEnvironment(llmSettings);
    return llm;
  }

  private StoreSettings store() {
    if (settings
        .oneOf("A2A_TASK_STORE", List.of("memory", "postgres"), "memory")
        .equals("memory")) {
      return StoreSettings.inMemory();
    }
    String url = required("A2A_DATABASE_URL");
    String user = required("A2A_DATABASE_USER");
    String password = value("A2A_DATABASE_PASSWORD");
    DatabaseSettings database;
    try {
      database = DatabaseSettings.of(url, user, password == null ? "" : password);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("A2A_DATABASE_URL", "A2A_DATABASE_URL: " + e.getMessage(), e);
    }
    Duration lease = settings.read("A2A_TASK_LEASE_SECONDS", SECONDS, EnvironmentConfig::seconds);
    return new StoreSettings(database, lease != null ? lease : StoreSettings.DEFAULT_LEASE);
  }

  private String required(String name) {
    String value = value(name);
    if (value == null) {
      throw new ConfigException(name, name + " must be set when A2A_TASK_STORE=postgres", null);
    }
    return value;
  }

  private void string(String name, Consumer<String> setter) {
    ifSet(value(name), setter);
  }

  private void integer(String name, Consumer<Integer> setter) {
    set(name, "an integer", Integer::parseInt, setter);
  }

  private void number(String name, Consumer<Long> setter) {
    set(name, "an integer", Long::parseLong, setter);
  }

  private void seconds(String name, Consumer<Duration> setter) {
    set(name, SECONDS, EnvironmentConfig::seconds, setter);
  }

  private void millis(String name, Consumer<Duration> setter) {
    set(name, MILLIS, EnvironmentConfig::millis, setter);
  }

  private void bool(String name, Consumer<Boolean> setter) {
    ifSet(settings.bool(name), setter);
  }

  private void list(String name, Consumer<List<String>> setter) {
    ifSet(settings.list(name), setter);
  }

  private <T> void set(
      String name, String allowed, Function<String, T> parser, Consumer<T> setter) {
    ifSet(settings.read(name, allowed, parser), setter);
  }

  private static <T> void ifSet(@Nullable T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  private static Duration seconds(String value) {
    return Duration.ofSeconds(Long.parseLong(value));
  }

  private static Duration millis(String value) {
    return Duration.ofMillis(Long.parseLong(value));
  }

  /** The variable's value, trimmed, or {@code null} when it is unset or blank. */
  private @Nullable String value(String name) {
    return settings.string(name);
  }
}
