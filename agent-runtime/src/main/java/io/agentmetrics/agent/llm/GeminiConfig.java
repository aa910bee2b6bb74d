package io.agentmetrics.agent.llm;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.Preconditions;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link GeminiClient}: the API key, the model, the endpoint and the transport.
 *
 * <p>There is no {@code defaults()}: the API key has no default. {@link #toString()} never shows
 * the key. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class GeminiConfig {

  /** The default model: {@value}. */
  public static final String DEFAULT_MODEL = "gemini-2.5-flash";

  /** The public Gemini API endpoint. */
  public static final URI DEFAULT_BASE_URI =
      URI.create("https://generativelanguage.googleapis.com");

  /** The API version path segment: {@value}. */
  public static final String DEFAULT_API_VERSION = "v1beta";

  private static final String MODEL_RESOURCE_PREFIX = "models/";

  private final String apiKey;
  private final String model;
  private final URI baseUri;
  private final String apiVersion;
  private final HttpTransportConfig transport;

  private GeminiConfig(Builder builder, String apiKey) {
    this.apiKey = apiKey;
    this.model = builder.model;
    this.baseUri = builder.baseUri;
    this.apiVersion = builder.apiVersion;
    this.transport = builder.transport;
  }

  /** A builder with the default model, endpoint and transport, and no key yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** The API key, sent as the {@code x-goog-api-key} header; never logged. */
  public String apiKey() {
    return apiKey;
  }

  /** The model to ask, such as {@code gemini-2.5-flash}. */
  public String model() {
    return model;
  }

  /** The endpoint, without a trailing slash. */
  public URI baseUri() {
    return baseUri;
  }

  /** The API version path segment, such as {@code v1beta}. */
  public String apiVersion() {
    return apiVersion;
  }

  /** Timeouts and retries. */
  public HttpTransportConfig transport() {
    return transport;
  }

  @Override
  public String toString() {
    return "GeminiConfig[model="
        + model
        + ", baseUri="
        + baseUri
        + ", apiVersion="
        + apiVersion
        + ", apiKey=(set), transport="
        + transport
        + "]";
  }

  /**
   * Builds a {@link GeminiConfig}; each setter checks its argument. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String apiKey;
    private String model = DEFAULT_MODEL;
    private URI baseUri = DEFAULT_BASE_URI;
    private String apiVersion = DEFAULT_API_VERSION;
    private HttpTransportConfig transport = HttpTransportConfig.defaults();

    private Builder() {}

    /** The API key (usually {@code GEMINI_API_KEY}); required, not blank. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Preconditions.notBlank(apiKey, "apiKey").strip();
      return this;
    }

    /**
     * The model, such as {@code gemini-2.5-pro}; not blank. The resource form {@code
     * models/gemini-2.5-pro} is accepted too.
     */
    public Builder model(String model) {
      String name = Preconditions.notBlank(model, "model").strip();
      this.model =
          name.startsWith(MODEL_RESOURCE_PREFIX)
              ? name.substring(MODEL_RESOURCE_PREFIX.length())
              : name;
      return this;
    }

    /** The endpoint; an absolute http(s) URL, for example a local test server. */
    public Builder baseUri(URI baseUri) {
      this.baseUri = HttpBaseUri.check(baseUri, "baseUri");
      return this;
    }

    /** The API version path segment, such as {@code v1}; not blank. */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = Preconditions.notBlank(apiVersion, "apiVersion").strip();
      return this;
    }

    /** Timeouts and retries. */
    public Builder transport(HttpTransportConfig transport) {
      this.transport = requireNonNull(transport, "transport");
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalStateException if no API key was set
     */
    public GeminiConfig build() {
      if (apiKey == null) {
        throw new IllegalStateException(
            "apiKey is required: set GEMINI_API_KEY (create a key in Google AI Studio) or call"
                + " GeminiConfig.builder().apiKey(...)");
      }
      return new GeminiConfig(this, apiKey);
    }
  }
}
