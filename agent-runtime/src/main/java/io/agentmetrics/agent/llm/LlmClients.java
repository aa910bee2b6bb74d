package io.agentmetrics.agent.llm;

import io.agentmetrics.agent.config.ConfigException;
import io.agentmetrics.agent.config.EnvironmentSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Creates the {@link LlmClient} that environment-style settings ask for. Pass {@code
 * System.getenv()} in an application and a plain map in a test.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Setting</th><th>Meaning</th></tr>
 *   <tr><td>{@code LLM_PROVIDER}</td><td>{@code simulated} (the default), {@code gemini} or
 *       {@code openai}</td></tr>
 *   <tr><td>{@code LLM_MODEL}</td><td>the model; each provider has a default</td></tr>
 *   <tr><td>{@code GEMINI_API_KEY}</td><td>required for {@code gemini}</td></tr>
 *   <tr><td>{@code GEMINI_BASE_URL}</td><td>another Gemini endpoint, such as a proxy</td></tr>
 *   <tr><td>{@code OPENAI_BASE_URL}</td><td>for {@code openai}: the URL up to {@code /v1}, such as
 *       {@code http://localhost:11434/v1} for Ollama; OpenAI's by default</td></tr>
 *   <tr><td>{@code OPENAI_API_KEY}</td><td>for {@code openai}: the key, if the server needs
 *       one</td></tr>
 *   <tr><td>{@code SIMULATED_LLM_LATENCY_MS}</td><td>for {@code simulated}: the time to first
 *       token in milliseconds</td></tr>
 *   <tr><td>{@code LLM_TIMEOUT_MS}</td><td>for {@code gemini} and {@code openai}: the read
 *       timeout in milliseconds, the longest silence while waiting for the response headers or
 *       for the next piece of the body; 120000 by default</td></tr>
 *   <tr><td>{@code LLM_MAX_ATTEMPTS}</td><td>for {@code gemini} and {@code openai}: attempts per
 *       call, retries included, 1 to 10; 3 by default</td></tr>
 * </table>
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class LlmClients {

  /** Setting that picks the provider. */
  public static final String LLM_PROVIDER = "LLM_PROVIDER";

  /** Setting that picks the model. */
  public static final String LLM_MODEL = "LLM_MODEL";

  /** Setting with the Gemini API key. */
  public static final String GEMINI_API_KEY = "GEMINI_API_KEY";

  /** Setting with another Gemini endpoint. */
  public static final String GEMINI_BASE_URL = "GEMINI_BASE_URL";

  /** Setting with the OpenAI-compatible base URL. */
  public static final String OPENAI_BASE_URL = "OPENAI_BASE_URL";

  /** Setting with the OpenAI-compatible API key. */
  public static final String OPENAI_API_KEY = "OPENAI_API_KEY";

  /** Setting with the simulated client's time to first token, in milliseconds. */
  public static final String SIMULATED_LLM_LATENCY_MS = "SIMULATED_LLM_LATENCY_MS";

  /**
   * Setting: the read timeout of a remote model, in ms: the longest silence while waiting for the
   * response headers or for the next piece of the body (not a bound on the whole call).
   */
  public static final String LLM_TIMEOUT_MS = "LLM_TIMEOUT_MS";

  /** Setting: how many attempts a failed remote call gets, retries included. */
  public static final String LLM_MAX_ATTEMPTS = "LLM_MAX_ATTEMPTS";

  /** The most attempts {@link RetryConfig} allows. */
  private static final int MAX_ATTEMPTS = 10;

  /** The providers {@value #LLM_PROVIDER} may name; the first is the default. */
  private static final List<String> PROVIDERS = List.of("simulated", "gemini", "openai");

  private LlmClients() {}

  /**
   * The client the settings ask for. Blank values count as unset.
   *
   * @throws ConfigException naming the setting, if one is invalid or a required one is missing
   */
  public static LlmClient fromEnvironment(Map<String, String> settings) {
    return configure(settings).get();
  }

  /**
   * Checks the settings as {@link #fromEnvironment} reads them, without creating a client: for an
   * application that reads its settings before it starts anything.
   *
   * @throws ConfigException naming the setting, if one is invalid or a required one is missing
   */
  public static void check(Map<String, String> settings) {
    configure(settings);
  }

  /** Reads and checks every setting, and returns what creates the client from them. */
  private static Supplier<LlmClient> configure(Map<String, String> values) {
    EnvironmentSettings settings = EnvironmentSettings.of(values);
    String provider = settings.oneOf(LLM_PROVIDER, PROVIDERS, PROVIDERS.get(0));
    String model = settings.string(LLM_MODEL);
    return switch (provider) {
      case "gemini" -> gemini(settings, model);
      case "openai" -> openAi(settings, model);
      default -> simulated(settings, model);
    };
  }

  private static Supplier<LlmClient> simulated(
      EnvironmentSettings settings, @Nullable String model) {
    SimulatedLlmConfig.Builder config = SimulatedLlmConfig.builder();
    if (model != null) {
      config.model(model);
    }
    Duration latency = settings.millis(SIMULATED_LLM_LATENCY_MS, 0);
    if (latency != null) {
      config.timeToFirstToken(latency);
    }
    SimulatedLlmConfig built = config.build();
    return () -> new SimulatedLlmClient(built);
  }

  private static Supplier<LlmClient> gemini(EnvironmentSettings settings, @Nullable String model) {
    String key =
        settings.required(
            GEMINI_API_KEY,
            LLM_PROVIDER
                + "=gemini needs "
                + GEMINI_API_KEY
                + ": create a key in Google AI Studio and set it, or set "
                + LLM_PROVIDER
                + "=simulated to run offline");
    GeminiConfig.Builder config = GeminiConfig.builder().apiKey(key).transport(transport(settings));
    if (model != null) {
      config.model(model);
    }
    URI baseUri = httpBaseUri(settings, GEMINI_BASE_URL);
    if (baseUri != null) {
      config.baseUri(baseUri);
    }
    GeminiConfig built = config.build();
    return () -> new GeminiClient(built);
  }

  private static Supplier<LlmClient> openAi(EnvironmentSettings settings, @Nullable String model) {
    OpenAiCompatibleConfig.Builder config =
        OpenAiCompatibleConfig.builder().transport(transport(settings));
    URI baseUri = httpBaseUri(settings, OPENAI_BASE_URL);
    if (baseUri != null) {
      config.baseUri(baseUri);
    }
    String key = settings.string(OPENAI_API_KEY);
    if (key != null) {
      config.apiKey(key);
    }
    if (model != null) {
      config.model(model);
    }
    OpenAiCompatibleConfig built = config.build();
    return () -> new OpenAiCompatibleClient(built);
  }

  /** The transport defaults, with the timeout and attempts the settings give. */
  private static HttpTransportConfig transport(EnvironmentSettings settings) {
    HttpTransportConfig.Builder transport = HttpTransportConfig.builder();
    Duration timeout = settings.millis(LLM_TIMEOUT_MS, 1);
    if (timeout != null) {
      transport.readTimeout(timeout);
    }
    Long attempts = settings.wholeNumber(LLM_MAX_ATTEMPTS, "attempts", 1, MAX_ATTEMPTS);
    if (attempts != null) {
      transport.retry(RetryConfig.builder().maxAttempts(attempts.intValue()).build());
    }
    return transport.build();
  }

  /** An absolute http(s) URL to append paths to, or {@code null} if unset. */
  private static @Nullable URI httpBaseUri(EnvironmentSettings settings, String name) {
    return settings.read(
        name,
        "an absolute http or https URL without a query, such as http://localhost:11434/v1",
        value -> HttpBaseUri.check(URI.create(value), name));
  }
}
