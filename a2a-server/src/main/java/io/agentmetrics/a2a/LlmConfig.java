package io.agentmetrics.a2a;

import static io.agentmetrics.a2a.ConfigChecks.notNegative;
import static java.util.Objects.requireNonNull;

import io.agentmetrics.agent.config.ConfigException;
import io.agentmetrics.agent.llm.LlmClients;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which model the study agent asks and what its tokens cost: the simulated model, or a provider
 * configured by agent-runtime's {@link LlmClients} settings ({@code LLM_*}, {@code GEMINI_*},
 * {@code OPENAI_*}) and priced by its {@code PriceTable} ({@code LLM_PRICE_FILE}, {@code
 * LLM_PRICES}). API keys never appear in {@link #toString()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param provider {@code simulated}, {@code gemini} or {@code openai} ({@code LLM_PROVIDER})
 * @param simulatedLatency the simulated model's time to first token; {@code 0} also drops the delay
 *     between tokens ({@code SIMULATED_LLM_LATENCY_MS})
 * @param settings the provider and price settings, by variable name, as agent-runtime reads them
 * @since 0.1.0
 */
public record LlmConfig(String provider, Duration simulatedLatency, Map<String, String> settings) {

  /** The simulated model's provider name. */
  public static final String SIMULATED = "simulated";

  /** The providers {@code LLM_PROVIDER} may name. */
  public static final List<String> PROVIDERS = List.of(SIMULATED, "gemini", "openai");

  /** Default simulated LLM latency: within the seed's typical 500-3000 ms. */
  public static final Duration DEFAULT_SIMULATED_LATENCY = Duration.ofMillis(800);

  /**
   * Checks the provider and latency.
   *
   * @throws ConfigException naming the bad setting and what it allows
   */
  public LlmConfig {
    requireNonNull(provider, "provider");
    provider = provider.toLowerCase(Locale.ROOT);
    if (!PROVIDERS.contains(provider)) {
      throw new ConfigException(
          LlmClients.LLM_PROVIDER, "one of " + String.join(", ", PROVIDERS), provider);
    }
    notNegative(simulatedLatency, LlmClients.SIMULATED_LLM_LATENCY_MS);
    settings = Map.copyOf(settings);
  }

  /**
   * The simulated model with {@code latency} to its first token.
   *
   * @param latency the time to first token
   * @return the settings
   * @since 0.1.0
   */
  public static LlmConfig simulated(Duration latency) {
    return new LlmConfig(SIMULATED, latency, Map.of());
  }

  /**
   * Whether the simulated model answers.
   *
   * @return {@code true} for {@code simulated}
   * @since 0.1.0
   */
  public boolean isSimulated() {
    return SIMULATED.equals(provider);
  }

  /** The settings, with every API key replaced by {@code (redacted)}. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    settings.forEach((k, v) -> shown.put(k, k.endsWith("_API_KEY") ? "(redacted)" : v));
    return "LlmConfig[provider="
        + provider
        + ", simulatedLatency="
        + simulatedLatency
        + ", settings="
        + shown
        + "]";
  }
}
