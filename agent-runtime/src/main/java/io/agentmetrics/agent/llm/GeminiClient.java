package io.agentmetrics.agent.llm;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Gemini API: {@code generateContent} for {@link #generate} and {@code
 * streamGenerateContent} with server-sent events for {@link #stream}.
 *
 * <p>The API key travels in the {@code x-goog-api-key} header only, never in a URL, a log line or
 * an exception message.
 *
 * <pre>{@code
 * GeminiClient client = new GeminiClient(GeminiConfig.builder().apiKey(System.getenv("GEMINI_API_KEY")).build());
 * }</pre>
 *
 * <p>Timeouts and retries come from {@link HttpTransportConfig}. Thread-safe: share one client
 * across calls and close it when done.
 *
 * @since 0.1.0
 */
public final class GeminiClient extends HttpLlmClient {

  private static final Logger logger = LoggerFactory.getLogger(GeminiClient.class);

  private final GeminiConfig config;

  /** A client with the given settings. */
  public GeminiClient(GeminiConfig config) {
    this(config, Sleeper.SYSTEM, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
  }

  /** A client whose waits, clock and jitter are injected, for tests. */
  GeminiClient(GeminiConfig config, Sleeper sleeper, Clock clock, DoubleSupplier jitter) {
    super(
        new GeminiProtocol(config),
        config.transport(),
        SecretRedactor.of(config.apiKey()),
        sleeper,
        clock,
        jitter);
    this.config = config;
    logger.info("Gemini client ready: model {} at {}", config.model(), config.baseUri());
  }

  /** The settings of this client. */
  public GeminiConfig config() {
    return config;
  }

  @Override
  public String toString() {
    return "GeminiClient[" + config + "]";
  }
}
