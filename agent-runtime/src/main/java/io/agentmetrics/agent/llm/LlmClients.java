package io.agentmetrics.agent.llm;

import io.agentmetrics.agent.internal.Checks;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
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

  /** Setting: how long one call to a remote model may take, in ms, per attempt. */
  public static final String LLM_TIMEOUT_MS = "LLM_TIMEOUT_MS";

  /** Setting: how many attempts a failed remote call gets, retries included. */
  public static final String LLM_MAX_ATTEMPTS = "LLM_MAX_ATTEMPTS";

  /** The most attempts {@link RetryConfig} allows. */
  private static final int MAX_ATTEMPTS = 10;

  private LlmClients() {}

  /**
   * The client the settings ask for. Blank values count as unset.
   *
   * @throws IllegalArgumentException naming the setting, if one is invalid or a required one is
   *     missing
   */
  public static LlmClient fromEnvironment(Map<String, String> settings) {
    String provider = setting(settings, LLM_PROVIDER);
    String normalized = provider == null ? "simulated" : provider.toLowerCase(Locale.ROOT);
    String model = setting(settings, LLM_MODEL);
    return switch (normalized) {
      case "simulated" -> simulated(settings, model);
      case "gemini" -> gemini(settings, model);
      case "openai" -> openAi(settings, model);
      default ->
          throw new IllegalArgumentException(
              LLM_PROVIDER + " must be one of simulated, gemini, openai, got '" + provider + "'");
    };
  }

  private static LlmClient simulated(Map<String, String> settings, @Nullable String model) {
    SimulatedLlmConfig.Builder config = SimulatedLlmConfig.builder();
    if (model != null) {
      config.model(model);
    }
    String latency = setting(settings, SIMULATED_LLM_LATENCY_MS);
    if (latency != null) {
      config.timeToFirstToken(
          Duration.ofMillis(
              number(latency, SIMULATED_LLM_LATENCY_MS, "milliseconds", 0, Long.MAX_VALUE)));
    }
    return new SimulatedLlmClient(config.build());
  }

  private static LlmClient gemini(Map<String, String> settings, @Nullable String model) {
    String key = setting(settings, GEMINI_API_KEY);
    if (key == null) {
      throw new IllegalArgumentException(
          LLM_PROVIDER
              + "=gemini needs "
              + GEMINI_API_KEY
              + ": create a key in Google AI Studio and set it, or set "
              + LLM_PROVIDER
              + "=simulated to run offline");
    }
    GeminiConfig.Builder config = GeminiConfig.builder().apiKey(key).transport(transport(settings));
    if (model != null) {
      config.model(model);
    }
    String baseUrl = setting(settings, GEMINI_BASE_URL);
    if (baseUrl != null) {
      config.baseUri(Checks.httpBaseUri(baseUrl, GEMINI_BASE_URL));
    }
    return new GeminiClient(config.build());
  }

  private static LlmClient openAi(Map<String, String> settings, @Nullable String model) {
    OpenAiCompatibleConfig.Builder config =
        OpenAiCompatibleConfig.builder().transport(transport(settings));
    String baseUrl = setting(settings, OPENAI_BASE_URL);
    if (baseUrl != null) {
      URI uri = Checks.httpBaseUri(baseUrl, OPENAI_BASE_URL);
      config.baseUri(uri);
    }
    String key = setting(settings, OPENAI_API_KEY);
    if (key != null) {
      config.apiKey(key);
    }
    if (model != null) {
      config.model(model);
    }
    return new OpenAiCompatibleClient(config.build());
  }

  /** The transport defaults, with the timeout and attempts the settings give. */
  private static HttpTransportConfig transport(Map<String, String> settings) {
    HttpTransportConfig.Builder transport = HttpTransportConfig.builder();
    String timeout = setting(settings, LLM_TIMEOUT_MS);
    if (timeout != null) {
      transport.readTimeout(
          Duration.ofMillis(number(timeout, LLM_TIMEOUT_MS, "milliseconds", 1, Long.MAX_VALUE)));
    }
    String attempts = setting(settings, LLM_MAX_ATTEMPTS);
    if (attempts != null) {
      int max = (int) number(attempts, LLM_MAX_ATTEMPTS, "attempts", 1, MAX_ATTEMPTS);
      transport.retry(RetryConfig.builder().maxAttempts(max).build());
    }
    return transport.build();
  }

  /** {@code value} as a whole number in {@code [min, max]}, or an error naming the setting. */
  private static long number(String value, String setting, String unit, long min, long max) {
    try {
      long number = Long.parseLong(value.strip());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // Reported below with the setting's name.
    }
    String range = max == Long.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
    throw new IllegalArgumentException(
        setting + " must be a whole number of " + unit + ", " + range + ", got '" + value + "'");
  }

  private static @Nullable String setting(Map<String, String> settings, String name) {
    String value = settings.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
