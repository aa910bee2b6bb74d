package io.agentmetrics.agent.llm;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls an OpenAI-compatible {@code /v1/chat/completions} endpoint: OpenAI, Ollama, vLLM or
 * llama.cpp's server. Streams use {@code stream: true} with {@code stream_options.include_usage},
 * so token counts arrive with the last chunk where the server supports it.
 *
 * <p>The optional API key travels in the {@code Authorization} header only, never in a log line or
 * an exception message.
 *
 * <pre>{@code
 * OpenAiCompatibleClient client = new OpenAiCompatibleClient(OpenAiCompatibleConfig.builder().baseUri(URI.create("http://localhost:11434/v1")).model("llama3.2").build());
 * }</pre>
 *
 * <p>Timeouts and retries come from {@link HttpTransportConfig}. Thread-safe: share one client
 * across calls and close it when done.
 *
 * @since 0.1.0
 */
public final class OpenAiCompatibleClient extends HttpLlmClient {

  private static final Logger logger = LoggerFactory.getLogger(OpenAiCompatibleClient.class);

  private final OpenAiCompatibleConfig config;

  /** A client with the given settings. */
  public OpenAiCompatibleClient(OpenAiCompatibleConfig config) {
    this(config, Sleeper.SYSTEM, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
  }

  /** A client whose waits, clock and jitter are injected, for tests. */
  OpenAiCompatibleClient(
      OpenAiCompatibleConfig config, Sleeper sleeper, Clock clock, DoubleSupplier jitter) {
    super(
        new OpenAiProtocol(config),
        config.transport(),
        config.apiKey().map(SecretRedactor::of).orElse(SecretRedactor.none()),
        sleeper,
        clock,
        jitter);
    this.config = config;
    logger.info(
        "OpenAI-compatible client ready: model {} at {} ({})",
        config.model(),
        config.baseUri(),
        config.apiKey().isPresent() ? "with API key" : "without API key");
  }

  /** The settings of this client. */
  public OpenAiCompatibleConfig config() {
    return config;
  }

  @Override
  public String toString() {
    return "OpenAiCompatibleClient[" + config + "]";
  }
}
