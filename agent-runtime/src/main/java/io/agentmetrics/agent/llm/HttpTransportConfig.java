package io.agentmetrics.agent.llm;

import io.agentmetrics.api.Preconditions;
import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and retries of an HTTP LLM client.
 *
 * <ul>
 *   <li>{@code connectTimeout}: how long to wait for a TCP/TLS connection.
 *   <li>{@code readTimeout}: how long to wait for the response headers, and then for each next
 *       piece of the body. A slow but steady stream never times out; a silent one does.
 *   <li>{@code retry}: see {@link RetryConfig}.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class HttpTransportConfig {

  /** The default connect timeout: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The default read timeout: 120 s, because a large model may think that long before its first
   * token.
   */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(2);

  private static final HttpTransportConfig DEFAULTS = builder().build();

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final RetryConfig retry;

  private HttpTransportConfig(Builder builder) {
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.retry = builder.retry;
  }

  /** The defaults: 10 s to connect, 120 s of silence at most, {@link RetryConfig#defaults()}. */
  public static HttpTransportConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** How long to wait for a connection. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long to wait for the headers and then for each next piece of the body. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** The retry policy. */
  public RetryConfig retry() {
    return retry;
  }

  @Override
  public String toString() {
    return "HttpTransportConfig[connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", retry="
        + retry
        + "]";
  }

  /**
   * Builds an {@link HttpTransportConfig}; each setter checks its argument. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private RetryConfig retry = RetryConfig.defaults();

    private Builder() {}

    /** How long to wait for a connection; positive. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Preconditions.positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** How long to wait for the headers and for each next piece of the body; positive. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Preconditions.positive(readTimeout, "readTimeout");
      return this;
    }

    /** The retry policy. */
    public Builder retry(RetryConfig retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** Builds the config. */
    public HttpTransportConfig build() {
      return new HttpTransportConfig(this);
    }
  }
}
