package io.agentmetrics.a2a;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the server can be told: address, request limits, store bounds, thread pools, security
 * and push-notification policy. Read from the environment by {@link EnvironmentConfig}; every
 * setting and its variable are listed in {@code docs/a2a-server.md}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param host the interface to bind
 * @param port the port to bind, {@code 0} for any free port
 * @param publicUrl the base URL advertised in the agent card, or {@code null} for the bound address
 * @param maxBodyBytes the largest request body accepted; larger bodies get HTTP 413
 * @param maxInflightBytes the most bytes held for requests in flight (their bodies, and the tasks
 *     that {@code tasks/get} returns); beyond it requests get HTTP 503
 * @param maxNestingDepth the deepest JSON nesting accepted
 * @param maxStringLength the longest JSON string accepted, in characters
 * @param maxJsonTokens the most JSON tokens in one request
 * @param maxParts the most parts one message may have
 * @param maxTextLength the longest text part accepted, in characters
 * @param maxHistory how many earlier turns the agent keeps per conversation
 * @param maxTaskHistory how many messages a task keeps (the newest), and as many artifacts
 * @param taskStoreMaxSize how many tasks are kept before the least recently used are evicted
 * @param taskStoreMaxBytes how many bytes the tasks kept may retain together
 * @param taskTtl how long a task is kept after its last change
 * @param contextStoreMaxSize how many conversations are kept
 * @param contextStoreMaxBytes how many bytes the conversations kept may retain together
 * @param contextTtl how long a conversation is kept after its last turn
 * @param httpMaxThreads the HTTP worker pool's size; at most a quarter of it runs agent turns
 * @param agentThreads how many tasks run at once
 * @param agentQueueCapacity how many turns may wait for a free agent slot; more are refused at once
 * @param agentQueueTimeout how long a turn may wait for the agent; a send the queue could not start
 *     within it is refused at once
 * @param shutdownGrace how long in-flight requests may take to finish on shutdown
 * @param authToken the bearer token every JSON-RPC request must carry, or {@code null} for none
 * @param corsOrigins origins allowed to call the server from a browser; empty disables CORS
 * @param allowedHosts on a loopback bind, host names besides the local ones that the {@code Host}
 *     and {@code Origin} headers may name
 * @param idleTimeout how long a connection may go without sending or receiving a byte
 * @param minRequestDataRate the slowest a request body may arrive, in bytes per second; {@code 0}
 *     for no minimum
 * @param maxStreams how many Server-Sent Event streams may be open at once
 * @param maxStreamsPerTask how many Server-Sent Event streams one task may have open at once
 * @param pushNotifications whether push notifications are offered; when off, the card says so and
 *     push requests get {@code -32003}
 * @param pushAllowedHosts hosts push notifications may be sent to; empty allows any host
 * @param pushTimeout the timeout of one push-notification attempt
 * @param pushMaxAttempts how many times a push notification is tried
 * @param pushAllowPrivate whether push notifications may go to internal addresses (loopback,
 *     private, link-local, ...), for local development
 * @param pushMaxConfigsPerTask how many push-notification configs one task may hold
 * @param pushMaxBackoff the longest wait between push attempts, a receiver's {@code Retry-After}
 *     included
 * @param simulatedLlmLatency how long the simulated LLM takes per answer
 * @since 0.1.0
 */
public record ServerConfig(
    String host,
    int port,
    @Nullable String publicUrl,
    int maxBodyBytes,
    long maxInflightBytes,
    int maxNestingDepth,
    int maxStringLength,
    int maxJsonTokens,
    int maxParts,
    int maxTextLength,
    int maxHistory,
    int maxTaskHistory,
    long taskStoreMaxSize,
    long taskStoreMaxBytes,
    Duration taskTtl,
    long contextStoreMaxSize,
    long contextStoreMaxBytes,
    Duration contextTtl,
    int httpMaxThreads,
    int agentThreads,
    int agentQueueCapacity,
    Duration agentQueueTimeout,
    Duration shutdownGrace,
    @Nullable String authToken,
    List<String> corsOrigins,
    List<String> allowedHosts,
    Duration idleTimeout,
    long minRequestDataRate,
    int maxStreams,
    int maxStreamsPerTask,
    boolean pushNotifications,
    List<String> pushAllowedHosts,
    Duration pushTimeout,
    int pushMaxAttempts,
    boolean pushAllowPrivate,
    int pushMaxConfigsPerTask,
    Duration pushMaxBackoff,
    Duration simulatedLlmLatency) {

  /** Default interface: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Default port, as in the seed. */
  public static final int DEFAULT_PORT = 5000;

  /** Default body limit: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  /** Default JSON nesting limit. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 32;

  /** Default JSON string limit, in characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 256 * 1024;

  /** Default JSON token limit: room for some 16,000 Telex conversation items of six tokens. */
  public static final int DEFAULT_MAX_JSON_TOKENS = 100_000;

  /** Default parts-per-message limit. */
  public static final int DEFAULT_MAX_PARTS = 64;

  /** Default text-part limit, in characters. */
  public static final int DEFAULT_MAX_TEXT_LENGTH = 64 * 1024;

  /** Default conversation history kept per context, as the issue asks. */
  public static final int DEFAULT_MAX_HISTORY = 20;

  /** Default messages kept per task. */
  public static final int DEFAULT_MAX_TASK_HISTORY = 100;

  /** Default task store size. */
  public static final long DEFAULT_TASK_STORE_MAX_SIZE = 10_000;

  /** Default bytes the task store may retain: an eighth of the maximum heap. */
  public static final long DEFAULT_TASK_STORE_MAX_BYTES = heapShare(8);

  /**
   * Default bytes held for requests in flight: a 32nd of the maximum heap, and never less than the
   * body limit (so that the largest body always fits).
   */
  public static final long DEFAULT_INFLIGHT_HEAP_SHARE = heapShare(32);

  /** Default task time-to-live. */
  public static final Duration DEFAULT_TASK_TTL = Duration.ofHours(1);

  /** Default conversation store size. */
  public static final long DEFAULT_CONTEXT_STORE_MAX_SIZE = 10_000;

  /** Default bytes the conversation store may retain: a 32nd of the maximum heap. */
  public static final long DEFAULT_CONTEXT_STORE_MAX_BYTES = heapShare(32);

  /** Default conversation time-to-live. */
  public static final Duration DEFAULT_CONTEXT_TTL = Duration.ofHours(1);

  /** Default HTTP worker threads. */
  public static final int DEFAULT_HTTP_MAX_THREADS = 64;

  /** Default agent threads. */
  public static final int DEFAULT_AGENT_THREADS = 16;

  /** Default agent queue capacity. */
  public static final int DEFAULT_AGENT_QUEUE_CAPACITY = 256;

  /** Default longest wait for the agent: a turn the queue cannot start within it is refused. */
  public static final Duration DEFAULT_AGENT_QUEUE_TIMEOUT = Duration.ofSeconds(30);

  /** Default idle timeout of a connection. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** Default minimum request data rate, in bytes per second. */
  public static final long DEFAULT_MIN_REQUEST_DATA_RATE = 1024;

  /** Default cap on open Server-Sent Event streams. */
  public static final int DEFAULT_MAX_STREAMS = 1000;

  /** Default cap on open Server-Sent Event streams per task. */
  public static final int DEFAULT_MAX_STREAMS_PER_TASK = 10;

  /** Default shutdown grace period. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

  /** Default timeout of one push attempt. */
  public static final Duration DEFAULT_PUSH_TIMEOUT = Duration.ofSeconds(5);

  /** Default push attempts. */
  public static final int DEFAULT_PUSH_MAX_ATTEMPTS = 3;

  /** Default push configs per task. */
  public static final int DEFAULT_PUSH_MAX_CONFIGS_PER_TASK = 10;

  /** The wait before the first push retry, doubled for each later one. */
  public static final Duration PUSH_INITIAL_BACKOFF = Duration.ofMillis(500);

  /** Default longest wait between push attempts. */
  public static final Duration DEFAULT_PUSH_MAX_BACKOFF = Duration.ofSeconds(30);

  /** Default simulated LLM latency: within the seed's typical 500-3000 ms. */
  public static final Duration DEFAULT_SIMULATED_LLM_LATENCY = Duration.ofMillis(800);

  /** Checks every field; see {@link Builder} for the allowed ranges. */
  public ServerConfig {
    requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0..65535, got " + port);
    }
    positive(maxBodyBytes, "maxBodyBytes");
    atLeast(
        maxInflightBytes,
        "maxInflightBytes (A2A_MAX_INFLIGHT_BYTES)",
        maxBodyBytes,
        "maxBodyBytes (A2A_MAX_BODY_BYTES)");
    positive(maxNestingDepth, "maxNestingDepth");
    positive(maxStringLength, "maxStringLength");
    positive(maxJsonTokens, "maxJsonTokens (A2A_MAX_JSON_TOKENS)");
    positive(maxParts, "maxParts");
    positive(maxTextLength, "maxTextLength");
    if (maxHistory < 0) {
      throw new IllegalArgumentException("maxHistory must not be negative, got " + maxHistory);
    }
    positive(maxTaskHistory, "maxTaskHistory (A2A_MAX_TASK_HISTORY)");
    positive(taskStoreMaxSize, "taskStoreMaxSize");
    atLeast(
        taskStoreMaxBytes,
        "taskStoreMaxBytes (A2A_TASK_STORE_BYTES)",
        taskStoreMaxSize,
        "taskStoreMaxSize (A2A_TASK_STORE_SIZE)");
    positive(taskTtl, "taskTtl");
    positive(contextStoreMaxSize, "contextStoreMaxSize");
    atLeast(
        contextStoreMaxBytes,
        "contextStoreMaxBytes (A2A_CONTEXT_STORE_BYTES)",
        contextStoreMaxSize,
        "contextStoreMaxSize (A2A_CONTEXT_STORE_SIZE)");
    positive(contextTtl, "contextTtl");
    if (httpMaxThreads < 4) {
      throw new IllegalArgumentException(
          "httpMaxThreads must be at least 4, got " + httpMaxThreads);
    }
    positive(agentThreads, "agentThreads");
    positive(agentQueueCapacity, "agentQueueCapacity");
    positive(agentQueueTimeout, "agentQueueTimeout (A2A_AGENT_QUEUE_TIMEOUT_MS)");
    requireNonNull(shutdownGrace, "shutdownGrace");
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException(
          "shutdownGrace must not be negative, got " + shutdownGrace);
    }
    if (authToken != null && authToken.isBlank()) {
      throw new IllegalArgumentException("authToken must not be blank; leave it unset for none");
    }
    corsOrigins = List.copyOf(corsOrigins);
    allowedHosts = List.copyOf(allowedHosts);
    positive(idleTimeout, "idleTimeout (A2A_IDLE_TIMEOUT_MS)");
    if (minRequestDataRate < 0) {
      throw new IllegalArgumentException(
          "minRequestDataRate (A2A_MIN_REQUEST_DATA_RATE) must not be negative; 0 turns it off, got "
              + minRequestDataRate);
    }
    positive(maxStreams, "maxStreams (A2A_MAX_STREAMS)");
    positive(maxStreamsPerTask, "maxStreamsPerTask (A2A_MAX_STREAMS_PER_TASK)");
    pushAllowedHosts = List.copyOf(pushAllowedHosts);
    positive(pushTimeout, "pushTimeout");
    positive(pushMaxAttempts, "pushMaxAttempts");
    positive(pushMaxConfigsPerTask, "pushMaxConfigsPerTask");
    requireNonNull(pushMaxBackoff, "pushMaxBackoff");
    if (pushMaxBackoff.compareTo(PUSH_INITIAL_BACKOFF) < 0) {
      throw new IllegalArgumentException(
          "pushMaxBackoff must be at least "
              + PUSH_INITIAL_BACKOFF.toMillis()
              + " ms (the first retry's wait), got "
              + pushMaxBackoff.toMillis()
              + " ms");
    }
    requireNonNull(simulatedLlmLatency, "simulatedLlmLatency");
    if (simulatedLlmLatency.isNegative()) {
      throw new IllegalArgumentException(
          "simulatedLlmLatency must not be negative, got " + simulatedLlmLatency);
    }
  }

  /**
   * The defaults: 127.0.0.1:5000, 1 MiB bodies, and the other {@code DEFAULT_*} constants.
   *
   * @return the default config
   * @since 0.1.0
   */
  public static ServerConfig defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this config.
   *
   * @return a new builder holding this config's values
   * @since 0.1.0
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.publicUrl = publicUrl;
    b.maxBodyBytes = maxBodyBytes;
    b.maxInflightBytes = maxInflightBytes;
    b.maxNestingDepth = maxNestingDepth;
    b.maxStringLength = maxStringLength;
    b.maxJsonTokens = maxJsonTokens;
    b.maxParts = maxParts;
    b.maxTextLength = maxTextLength;
    b.maxHistory = maxHistory;
    b.maxTaskHistory = maxTaskHistory;
    b.taskStoreMaxSize = taskStoreMaxSize;
    b.taskStoreMaxBytes = taskStoreMaxBytes;
    b.taskTtl = taskTtl;
    b.contextStoreMaxSize = contextStoreMaxSize;
    b.contextStoreMaxBytes = contextStoreMaxBytes;
    b.contextTtl = contextTtl;
    b.httpMaxThreads = httpMaxThreads;
    b.agentThreads = agentThreads;
    b.agentQueueCapacity = agentQueueCapacity;
    b.agentQueueTimeout = agentQueueTimeout;
    b.shutdownGrace = shutdownGrace;
    b.authToken = authToken;
    b.corsOrigins = corsOrigins;
    b.allowedHosts = allowedHosts;
    b.idleTimeout = idleTimeout;
    b.minRequestDataRate = minRequestDataRate;
    b.maxStreams = maxStreams;
    b.maxStreamsPerTask = maxStreamsPerTask;
    b.pushNotifications = pushNotifications;
    b.pushAllowedHosts = pushAllowedHosts;
    b.pushTimeout = pushTimeout;
    b.pushMaxAttempts = pushMaxAttempts;
    b.pushAllowPrivate = pushAllowPrivate;
    b.pushMaxConfigsPerTask = pushMaxConfigsPerTask;
    b.pushMaxBackoff = pushMaxBackoff;
    b.simulatedLlmLatency = simulatedLlmLatency;
    return b;
  }

  private static void positive(long value, String field) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
  }

  private static void atLeast(long value, String field, long minimum, String minimumField) {
    if (value < minimum) {
      throw new IllegalArgumentException(
          field + " must be at least " + minimumField + ", " + minimum + ", got " + value);
    }
  }

  /** A share of the maximum heap ({@code -Xmx}), for defaults that must fit in it. */
  private static long heapShare(int divisor) {
    long heap = Runtime.getRuntime().maxMemory();
    return (heap == Long.MAX_VALUE ? 4L << 30 : heap) / divisor;
  }

  private static void positive(Duration value, String field) {
    requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
  }

  /**
   * Builds a {@link ServerConfig}; {@link #build()} checks every value and names the bad one.
   *
   * <p>Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private @Nullable String publicUrl;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private @Nullable Long maxInflightBytes;
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
    private int maxJsonTokens = DEFAULT_MAX_JSON_TOKENS;
    private int maxParts = DEFAULT_MAX_PARTS;
    private int maxTextLength = DEFAULT_MAX_TEXT_LENGTH;
    private int maxHistory = DEFAULT_MAX_HISTORY;
    private int maxTaskHistory = DEFAULT_MAX_TASK_HISTORY;
    private long taskStoreMaxSize = DEFAULT_TASK_STORE_MAX_SIZE;
    private long taskStoreMaxBytes = DEFAULT_TASK_STORE_MAX_BYTES;
    private Duration taskTtl = DEFAULT_TASK_TTL;
    private long contextStoreMaxSize = DEFAULT_CONTEXT_STORE_MAX_SIZE;
    private long contextStoreMaxBytes = DEFAULT_CONTEXT_STORE_MAX_BYTES;
    private Duration contextTtl = DEFAULT_CONTEXT_TTL;
    private int httpMaxThreads = DEFAULT_HTTP_MAX_THREADS;
    private int agentThreads = DEFAULT_AGENT_THREADS;
    private int agentQueueCapacity = DEFAULT_AGENT_QUEUE_CAPACITY;
    private Duration agentQueueTimeout = DEFAULT_AGENT_QUEUE_TIMEOUT;
    private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
    private @Nullable String authToken;
    private List<String> corsOrigins = List.of();
    private List<String> allowedHosts = List.of();
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private long minRequestDataRate = DEFAULT_MIN_REQUEST_DATA_RATE;
    private int maxStreams = DEFAULT_MAX_STREAMS;
    private int maxStreamsPerTask = DEFAULT_MAX_STREAMS_PER_TASK;
    private boolean pushNotifications = true;
    private List<String> pushAllowedHosts = List.of();
    private Duration pushTimeout = DEFAULT_PUSH_TIMEOUT;
    private int pushMaxAttempts = DEFAULT_PUSH_MAX_ATTEMPTS;
    private boolean pushAllowPrivate;
    private int pushMaxConfigsPerTask = DEFAULT_PUSH_MAX_CONFIGS_PER_TASK;
    private Duration pushMaxBackoff = DEFAULT_PUSH_MAX_BACKOFF;
    private Duration simulatedLlmLatency = DEFAULT_SIMULATED_LLM_LATENCY;

    private Builder() {}

    /**
     * Sets the interface to bind.
     *
     * @param value the host
     * @return this builder
     */
    public Builder host(String value) {
      this.host = requireNonNull(value, "host");
      return this;
    }

    /**
     * Sets the port, {@code 0} for any free one.
     *
     * @param value the port
     * @return this builder
     */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /**
     * Sets the advertised base URL.
     *
     * @param value the URL or null
     * @return this builder
     */
    public Builder publicUrl(@Nullable String value) {
      this.publicUrl = value;
      return this;
    }

    /**
     * Sets the body limit in bytes.
     *
     * @param value the limit
     * @return this builder
     */
    public Builder maxBodyBytes(int value) {
      this.maxBodyBytes = value;
      return this;
    }

    /**
     * Sets the bytes held for requests in flight; by default a 32nd of the maximum heap, and at
     * least the body limit.
     *
     * @param value the budget
     * @return this builder
     */
    public Builder maxInflightBytes(long value) {
      this.maxInflightBytes = value;
      return this;
    }

    /**
     * Sets the JSON nesting limit.
     *
     * @param value the limit
     * @return this builder
     */
    public Builder maxNestingDepth(int value) {
      this.maxNestingDepth = value;
      return this;
    }

    /**
     * Sets the JSON string limit.
     *
     * @param value the limit
     * @return this builder
     */
    public Builder maxStringLength(int value) {
      this.maxStringLength = value;
      return this;
    }

    /**
     * Sets the JSON token limit.
     *
     * @param value the limit
     * @return this builder
     */
    public Builder maxJsonTokens(int value) {
      this.maxJsonTokens = value;
      return this;
    }

    /**
     * Sets the parts-per-message limit.
     *
     * @param value the limit
     * @return this builder
     */
    public Builder maxParts(int value) {
      this.maxParts = value;
      return this;
    }

    /**
     * Sets the text-part limit.
     *
     * @param value the limit
     * @return this builder
     */
    public Builder maxTextLength(int value) {
      this.maxTextLength = value;
      return this;
    }

    /**
     * Sets the history kept per conversation.
     *
     * @param value the cap
     * @return this builder
     */
    public Builder maxHistory(int value) {
      this.maxHistory = value;
      return this;
    }

    /**
     * Sets the messages kept per task.
     *
     * @param value the cap
     * @return this builder
     */
    public Builder maxTaskHistory(int value) {
      this.maxTaskHistory = value;
      return this;
    }

    /**
     * Sets the task store size.
     *
     * @param value the size
     * @return this builder
     */
    public Builder taskStoreMaxSize(long value) {
      this.taskStoreMaxSize = value;
      return this;
    }

    /**
     * Sets the bytes the task store may retain.
     *
     * @param value the bound
     * @return this builder
     */
    public Builder taskStoreMaxBytes(long value) {
      this.taskStoreMaxBytes = value;
      return this;
    }

    /**
     * Sets the task time-to-live.
     *
     * @param value the TTL
     * @return this builder
     */
    public Builder taskTtl(Duration value) {
      this.taskTtl = value;
      return this;
    }

    /**
     * Sets the conversation store size.
     *
     * @param value the size
     * @return this builder
     */
    public Builder contextStoreMaxSize(long value) {
      this.contextStoreMaxSize = value;
      return this;
    }

    /**
     * Sets the bytes the conversation store may retain.
     *
     * @param value the bound
     * @return this builder
     */
    public Builder contextStoreMaxBytes(long value) {
      this.contextStoreMaxBytes = value;
      return this;
    }

    /**
     * Sets the conversation time-to-live.
     *
     * @param value the TTL
     * @return this builder
     */
    public Builder contextTtl(Duration value) {
      this.contextTtl = value;
      return this;
    }

    /**
     * Sets the HTTP worker pool size.
     *
     * @param value the size
     * @return this builder
     */
    public Builder httpMaxThreads(int value) {
      this.httpMaxThreads = value;
      return this;
    }

    /**
     * Sets the agent thread count.
     *
     * @param value the count
     * @return this builder
     */
    public Builder agentThreads(int value) {
      this.agentThreads = value;
      return this;
    }

    /**
     * Sets the agent queue capacity.
     *
     * @param value the capacity
     * @return this builder
     */
    public Builder agentQueueCapacity(int value) {
      this.agentQueueCapacity = value;
      return this;
    }

    /**
     * Sets how long a turn may wait for the agent.
     *
     * @param value the longest wait
     * @return this builder
     */
    public Builder agentQueueTimeout(Duration value) {
      this.agentQueueTimeout = value;
      return this;
    }

    /**
     * Sets the shutdown grace period.
     *
     * @param value the period
     * @return this builder
     */
    public Builder shutdownGrace(Duration value) {
      this.shutdownGrace = value;
      return this;
    }

    /**
     * Sets the bearer token, or null for none.
     *
     * @param value the token
     * @return this builder
     */
    public Builder authToken(@Nullable String value) {
      this.authToken = value;
      return this;
    }

    /**
     * Sets the CORS origins.
     *
     * @param value the origins
     * @return this builder
     */
    public Builder corsOrigins(List<String> value) {
      this.corsOrigins = List.copyOf(value);
      return this;
    }

    /**
     * Sets the host names, besides the local ones, that a loopback-bound server answers to.
     *
     * @param value the host names
     * @return this builder
     */
    public Builder allowedHosts(List<String> value) {
      this.allowedHosts = List.copyOf(value);
      return this;
    }

    /**
     * Sets the idle timeout of a connection.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder idleTimeout(Duration value) {
      this.idleTimeout = value;
      return this;
    }

    /**
     * Sets the minimum request data rate.
     *
     * @param value bytes per second, {@code 0} for no minimum
     * @return this builder
     */
    public Builder minRequestDataRate(long value) {
      this.minRequestDataRate = value;
      return this;
    }

    /**
     * Sets the cap on open Server-Sent Event streams.
     *
     * @param value the cap
     * @return this builder
     */
    public Builder maxStreams(int value) {
      this.maxStreams = value;
      return this;
    }

    /**
     * Sets the cap on open Server-Sent Event streams per task.
     *
     * @param value the cap
     * @return this builder
     */
    public Builder maxStreamsPerTask(int value) {
      this.maxStreamsPerTask = value;
      return this;
    }

    /**
     * Sets whether push notifications are offered.
     *
     * @param value {@code false} to refuse them with {@code -32003}
     * @return this builder
     */
    public Builder pushNotifications(boolean value) {
      this.pushNotifications = value;
      return this;
    }

    /**
     * Sets the push host allow-list.
     *
     * @param value the hosts
     * @return this builder
     */
    public Builder pushAllowedHosts(List<String> value) {
      this.pushAllowedHosts = List.copyOf(value);
      return this;
    }

    /**
     * Sets the push attempt timeout.
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder pushTimeout(Duration value) {
      this.pushTimeout = value;
      return this;
    }

    /**
     * Sets the push attempts.
     *
     * @param value the attempts
     * @return this builder
     */
    public Builder pushMaxAttempts(int value) {
      this.pushMaxAttempts = value;
      return this;
    }

    /**
     * Sets whether push notifications may go to internal addresses.
     *
     * @param value {@code true} for local development only
     * @return this builder
     */
    public Builder pushAllowPrivate(boolean value) {
      this.pushAllowPrivate = value;
      return this;
    }

    /**
     * Sets how many push configs one task may hold.
     *
     * @param value the cap
     * @return this builder
     */
    public Builder pushMaxConfigsPerTask(int value) {
      this.pushMaxConfigsPerTask = value;
      return this;
    }

    /**
     * Sets the longest wait between push attempts.
     *
     * @param value the wait, at least {@link #PUSH_INITIAL_BACKOFF}
     * @return this builder
     */
    public Builder pushMaxBackoff(Duration value) {
      this.pushMaxBackoff = value;
      return this;
    }

    /**
     * Sets the simulated LLM latency.
     *
     * @param value the latency
     * @return this builder
     */
    public Builder simulatedLlmLatency(Duration value) {
      this.simulatedLlmLatency = value;
      return this;
    }

    /**
     * Checks the values and builds the config.
     *
     * @return the config
     * @throws IllegalArgumentException naming the first bad value and its allowed range
     */
    public ServerConfig build() {
      return new ServerConfig(
          host,
          port,
          publicUrl,
          maxBodyBytes,
          maxInflightBytes != null
              ? maxInflightBytes
              : Math.max(DEFAULT_INFLIGHT_HEAP_SHARE, maxBodyBytes),
          maxNestingDepth,
          maxStringLength,
          maxJsonTokens,
          maxParts,
          maxTextLength,
          maxHistory,
          maxTaskHistory,
          taskStoreMaxSize,
          taskStoreMaxBytes,
          taskTtl,
          contextStoreMaxSize,
          contextStoreMaxBytes,
          contextTtl,
          httpMaxThreads,
          agentThreads,
          agentQueueCapacity,
          agentQueueTimeout,
          shutdownGrace,
          authToken,
          corsOrigins,
          allowedHosts,
          idleTimeout,
          minRequestDataRate,
          maxStreams,
          maxStreamsPerTask,
          pushNotifications,
          pushAllowedHosts,
          pushTimeout,
          pushMaxAttempts,
          pushAllowPrivate,
          pushMaxConfigsPerTask,
          pushMaxBackoff,
          simulatedLlmLatency);
    }
  }
}
