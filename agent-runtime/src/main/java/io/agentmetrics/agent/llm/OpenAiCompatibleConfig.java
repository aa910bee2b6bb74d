package io.agentmetrics.agent.llm;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.Preconditions;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Settings of an {@link OpenAiCompatibleClient}: the base URL (up to and including {@code /v1}),
 * the optional API key, the model and the transport.
 *
 * <table>
 *   <caption>Base URLs of common servers</caption>
 *   <tr><th>Server</th><th>Base URL</th></tr>
 *   <tr><td>OpenAI</td><td>{@code https://api.openai.com/v1} (the default)</td></tr>
 *   <tr><td>Ollama</td><td>{@code http://localhost:11434/v1}</td></tr>
 *   <tr><td>vLLM</td><td>{@code http://localhost:8000/v1}</td></tr>
 *   <tr><td>llama.cpp server</td><td>{@code http://localhost:8080/v1}</td></tr>
 * </table>
 *
 * <p>{@link #toString()} never shows the key. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class OpenAiCompatibleConfig {

  /** The default base URL, OpenAI's. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://api.openai.com/v1");

  /** The default model: {@value}. */
  public static final String DEFAULT_MODEL = "gpt-4o-mini";

  private static final OpenAiCompatibleConfig DEFAULTS = builder().build();

  private final URI baseUri;
  private final @Nullable String apiKey;
  private final String model;
  private final HttpTransportConfig transport;

  private OpenAiCompatibleConfig(Builder builder) {
    this.baseUri = builder.baseUri;
    this.apiKey = builder.apiKey;
    this.model = builder.model;
    this.transport = builder.transport;
  }

  /** OpenAI's endpoint, the default model, no key and the default transport. */
  public static OpenAiCompatibleConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URL, up to and including {@code /v1}, without a trailing slash. */
  public URI baseUri() {
    return baseUri;
  }

  /** The API key, sent as {@code Authorization: Bearer}; empty for servers that need none. */
  public Optional<String> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /** The model to ask. */
  public String model() {
    return model;
  }

  /** Timeouts and retries. */
  public HttpTransportConfig transport() {
    return transport;
  }

  @Override
  public String toString() {
    return "OpenAiCompatibleConfig[baseUri="
        + baseUri
        + ", model="
        + model
        + ", apiKey="
        + (apiKey == null ? "(none)" : "(set)")
        + ", transport="
        + transport
        + "]";
  }

  /**
   * Builds an {@link OpenAiCompatibleConfig}; each setter checks its argument. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private URI baseUri = DEFAULT_BASE_URI;
    private @Nullable String apiKey;
    private String model = DEFAULT_MODEL;
    private HttpTransportConfig transport = HttpTransportConfig.defaults();

    private Builder() {}

    /** The base URL, up to and including {@code /v1}; an absolute http(s) URL. */
    public Builder baseUri(URI baseUri) {
      this.baseUri = HttpBaseUri.check(baseUri, "baseUri");
      return this;
    }

    /** The API key (usually {@code OPENAI_API_KEY}); not blank. Leave unset for local servers. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Preconditions.notBlank(apiKey, "apiKey").strip();
      return this;
    }

    /** The model, such as {@code llama3.2} on Ollama; not blank. */
    public Builder model(String model) {
      this.model = Preconditions.notBlank(model, "model").strip();
      return this;
    }

    /** Timeouts and retries. */
    public Builder transport(HttpTransportConfig transport) {
      this.transport = requireNonNull(transport, "transport");
      return this;
    }

    /** Builds the config. */
    public OpenAiCompatibleConfig build() {
      return new OpenAiCompatibleConfig(this);
    }
  }
}
