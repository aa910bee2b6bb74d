package io.agentmetrics.a2a;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.trace.TraceSettings;
import io.agentmetrics.agent.config.ConfigException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the server can be told, one validated record per component: {@link HttpConfig http},
 * {@link LimitsConfig limits}, {@link TasksConfig tasks}, {@link PushConfig push}, {@link
 * TraceSettings trace}, {@link AuthConfig auth}, {@link LlmConfig llm} and {@link StoreSettings
 * store}. Read from the environment by {@link EnvironmentConfig}; every setting and its variable
 * are listed in {@code docs/a2a-server.md}. {@link #toString()} shows no secret (the auth token,
 * the database password, LLM API keys).
 *
 * <p>Immutable and thread-safe.
 *
 * @param http where and how the server listens
 * @param limits how much one client may ask of the server
 * @param tasks how many tasks and conversations are kept, and how many turns run at once
 * @param push the push-notification policy
 * @param trace the latency-trace settings
 * @param auth who may call the A2A endpoints
 * @param llm the model the study agent asks, and its prices
 * @param store where tasks, push configs and conversations are kept
 * @since 0.1.0
 */
public record ServerConfig(
    HttpConfig http,
    LimitsConfig limits,
    TasksConfig tasks,
    PushConfig push,
    TraceSettings trace,
    AuthConfig auth,
    LlmConfig llm,
    StoreSettings store) {

  /** Checks that every component is present; each component checks its own values. */
  public ServerConfig {
    requireNonNull(http, "http");
    requireNonNull(limits, "limits");
    requireNonNull(tasks, "tasks");
    requireNonNull(push, "push");
    requireNonNull(trace, "trace");
    requireNonNull(auth, "auth");
    requireNonNull(llm, "llm");
    requireNonNull(store, "store");
  }

  /**
   * The defaults: 127.0.0.1:5000, the simulated model, tasks in memory, tracing off, and each
   * component's {@code DEFAULT_*} constants.
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
    b.host = http.host();
    b.port = http.port();
    b.publicUrl = http.publicUrl();
    b.httpMaxThreads = http.maxThreads();
    b.shutdownGrace = http.shutdownGrace();
    b.corsOrigins = http.corsOrigins();
    b.allowedHosts = http.allowedHosts();
    b.idleTimeout = http.idleTimeout();
    b.minRequestDataRate = http.minRequestDataRate();
    b.maxBodyBytes = limits.maxBodyBytes();
    b.maxInflightBytes = limits.maxInflightBytes();
    b.maxNestingDepth = limits.maxNestingDepth();
    b.maxStringLength = limits.maxStringLength();
    b.maxJsonTokens = limits.maxJsonTokens();
    b.maxParts = limits.maxParts();
    b.maxTextLength = limits.maxTextLength();
    b.maxStreams = limits.maxStreams();
    b.maxStreamsPerTask = limits.maxStreamsPerTask();
    b.maxHistory = tasks.maxHistory();
    b.maxTaskHistory = tasks.maxTaskHistory();
    b.taskStoreMaxSize = tasks.taskStoreMaxSize();
    b.taskStoreMaxBytes = tasks.taskStoreMaxBytes();
    b.taskTtl = tasks.taskTtl();
    b.contextStoreMaxSize = tasks.contextStoreMaxSize();
    b.contextStoreMaxBytes = tasks.contextStoreMaxBytes();
    b.contextTtl = tasks.contextTtl();
    b.agentThreads = tasks.agentThreads();
    b.agentQueueCapacity = tasks.agentQueueCapacity();
    b.agentQueueTimeout = tasks.agentQueueTimeout();
    b.pushNotifications = push.enabled();
    b.pushAllowedHosts = push.allowedHosts();
    b.pushTimeout = push.timeout();
    b.pushMaxAttempts = push.maxAttempts();
    b.pushAllowPrivate = push.allowPrivate();
    b.pushMaxConfigsPerTask = push.maxConfigsPerTask();
    b.pushMaxBackoff = push.maxBackoff();
    b.trace = trace;
    b.authToken = auth.token();
    b.llm = llm;
    b.store = store;
    return b;
  }

  /** A share of the maximum heap ({@code -Xmx}), for defaults that must fit in it. */
  static long heapShare(int divisor) {
    long heap = Runtime.getRuntime().maxMemory();
    return (heap == Long.MAX_VALUE ? 4L << 30 : heap) / divisor;
  }

  /**
   * Builds a {@link ServerConfig} from flat settings; {@link #build()} checks every value through
   * the component records and names the bad one's variable.
   *
   * <p>Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private static final HttpConfig HTTP = HttpConfig.defaults();
    private static final LimitsConfig LIMITS = LimitsConfig.defaults();
    private static final TasksConfig TASKS = TasksConfig.defaults();
    private static final PushConfig PUSH = PushConfig.defaults();

    private String host = HTTP.host();
    private int port = HTTP.port();
    private @Nullable String publicUrl;
    private int httpMaxThreads = HTTP.maxThreads();
    private Duration shutdownGrace = HTTP.shutdownGrace();
    private List<String> corsOrigins = HTTP.corsOrigins();
    private List<String> allowedHosts = HTTP.allowedHosts();
    private Duration idleTimeout = HTTP.idleTimeout();
    private long minRequestDataRate = HTTP.minRequestDataRate();
    private int maxBodyBytes = LIMITS.maxBodyBytes();
    private @Nullable Long maxInflightBytes;
    private int maxNestingDepth = LIMITS.maxNestingDepth();
    private int maxStringLength = LIMITS.maxStringLength();
    private int maxJsonTokens = LIMITS.maxJsonTokens();
    private int maxParts = LIMITS.maxParts();
    private int maxTextLength = LIMITS.maxTextLength();
    private int maxStreams = LIMITS.maxStreams();
    private int maxStreamsPerTask = LIMITS.maxStreamsPerTask();
    private int maxHistory = TASKS.maxHistory();
    private int maxTaskHistory = TASKS.maxTaskHistory();
    private long taskStoreMaxSize = TASKS.taskStoreMaxSize();
    private long taskStoreMaxBytes = TASKS.taskStoreMaxBytes();
    private Duration taskTtl = TASKS.taskTtl();
    private long contextStoreMaxSize = TASKS.contextStoreMaxSize();
    private long contextStoreMaxBytes = TASKS.contextStoreMaxBytes();
    private Duration contextTtl = TASKS.contextTtl();
    private int agentThreads = TASKS.agentThreads();
    private int agentQueueCapacity = TASKS.agentQueueCapacity();
    private Duration agentQueueTimeout = TASKS.agentQueueTimeout();
    private boolean pushNotifications = PUSH.enabled();
    private List<String> pushAllowedHosts = PUSH.allowedHosts();
    private Duration pushTimeout = PUSH.timeout();
    private int pushMaxAttempts = PUSH.maxAttempts();
    private boolean pushAllowPrivate = PUSH.allowPrivate();
    private int pushMaxConfigsPerTask = PUSH.maxConfigsPerTask();
    private Duration pushMaxBackoff = PUSH.maxBackoff();
    private TraceSettings trace = TraceSettings.disabled();
    private @Nullable String authToken;
    private LlmConfig llm = LlmConfig.simulated(LlmConfig.DEFAULT_SIMULATED_LATENCY);
    private StoreSettings store = StoreSettings.inMemory();

    private Builder() {}

    /**
     * Sets {@link HttpConfig#host()}: the interface to bind.
     *
     * @param value the value
     * @return this builder
     */
    public Builder host(String value) {
      this.host = requireNonNull(value, "host");
      return this;
    }

    /**
     * Sets {@link HttpConfig#port()}: the port, {@code 0} for any free one.
     *
     * @param value the value
     * @return this builder
     */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /**
     * Sets {@link HttpConfig#publicUrl()}: the advertised base URL, or {@code null} for the bound
     * address.
     *
     * @param value the value
     * @return this builder
     */
    public Builder publicUrl(@Nullable String value) {
      this.publicUrl = value;
      return this;
    }

    /**
     * Sets {@link HttpConfig#maxThreads()}: the HTTP worker pool's size.
     *
     * @param value the value
     * @return this builder
     */
    public Builder httpMaxThreads(int value) {
      this.httpMaxThreads = value;
      return this;
    }

    /**
     * Sets {@link HttpConfig#shutdownGrace()}: the shutdown grace period.
     *
     * @param value the value
     * @return this builder
     */
    public Builder shutdownGrace(Duration value) {
      this.shutdownGrace = requireNonNull(value, "shutdownGrace");
      return this;
    }

    /**
     * Sets {@link HttpConfig#corsOrigins()}: the CORS origins.
     *
     * @param value the value
     * @return this builder
     */
    public Builder corsOrigins(List<String> value) {
      this.corsOrigins = List.copyOf(value);
      return this;
    }

    /**
     * Sets {@link HttpConfig#allowedHosts()}: the host names, besides the local ones, that a
     * loopback-bound server answers to.
     *
     * @param value the value
     * @return this builder
     */
    public Builder allowedHosts(List<String> value) {
      this.allowedHosts = List.copyOf(value);
      return this;
    }

    /**
     * Sets {@link HttpConfig#idleTimeout()}: the idle timeout of a connection.
     *
     * @param value the value
     * @return this builder
     */
    public Builder idleTimeout(Duration value) {
      this.idleTimeout = requireNonNull(value, "idleTimeout");
      return this;
    }

    /**
     * Sets {@link HttpConfig#minRequestDataRate()}: the minimum request data rate, bytes per
     * second, {@code 0} for none.
     *
     * @param value the value
     * @return this builder
     */
    public Builder minRequestDataRate(long value) {
      this.minRequestDataRate = value;
      return this;
    }

    /**
     * Sets {@link LimitsConfig#maxBodyBytes()}: the body limit in bytes.
     *
     * @param value the value
     * @return this builder
     */
    public Builder maxBodyBytes(int value) {
      this.maxBodyBytes = value;
      return this;
    }

    /**
     * Sets {@link LimitsConfig#maxInflightBytes()}: the bytes held for requests in flight (default:
     * a 32nd of the heap, at least the body limit).
     *
     * @param value the value
     * @return this builder
     */
    public Builder maxInflightBytes(long value) {
      this.maxInflightBytes = value;
      return this;
    }

    /**
     * Sets {@link LimitsConfig#maxNestingDepth()}: the JSON nesting limit.
     *
     * @param value the value
     * @return this builder
     */
    public Builder maxNestingDepth(int value) {
      this.maxNestingDepth = value;
      return this;
    }

    /**
     * Sets {@link LimitsConfig#maxStringLength()}: the JSON string limit.
     *
     * @param value the value
     * @return this builder
     */
    public Builder maxStringLength(int value) {
      this.maxStringLength = value;
      return this;
    }

    /**
     * Sets {@link LimitsConfig#maxJsonTokens()}: the JSON token limit.
     *
     * @param value the value
     * @return this builder
     */
    public Builder maxJsonTokens(int value) {
      this.maxJsonTokens = value;
      return this;
    }

    /**
     * Sets {@link LimitsConfig#maxParts()}: the parts-per-message limit.
     *
     * @param value the value
     * @return this builder
     */
    public Builder maxParts(int value) {
      this.maxParts = value;
      return this;
    }

    /**
     * Sets {@link LimitsConfig#maxTextLength()}: the text-part limit.
     *
     * @param value the value
     * @return this builder
     */
    public Builder maxTextLength(int value) {
      this.maxTextLength = value;
      return this;
    }

    /**
     * Sets {@link LimitsConfig#maxStreams()}: the cap on open Server-Sent Event streams.
     *
     * @param value the value
     * @return this builder
     */
    public Builder maxStreams(int value) {
      this.maxStreams = value;
      return this;
    }

    /**
     * Sets {@link LimitsConfig#maxStreamsPerTask()}: the cap on open Server-Sent Event streams per
     * task.
     *
     * @param value the value
     * @return this builder
     */
    public Builder maxStreamsPerTask(int value) {
      this.maxStreamsPerTask = value;
      return this;
    }

    /**
     * Sets {@link TasksConfig#maxHistory()}: the history kept per conversation.
     *
     * @param value the value
     * @return this builder
     */
    public Builder maxHistory(int value) {
      this.maxHistory = value;
      return this;
    }

    /**
     * Sets {@link TasksConfig#maxTaskHistory()}: the messages kept per task.
     *
     * @param value the value
     * @return this builder
     */
    public Builder maxTaskHistory(int value) {
      this.maxTaskHistory = value;
      return this;
    }

    /**
     * Sets {@link TasksConfig#taskStoreMaxSize()}: the task store size.
     *
     * @param value the value
     * @return this builder
     */
    public Builder taskStoreMaxSize(long value) {
      this.taskStoreMaxSize = value;
      return this;
    }

    /**
     * Sets {@link TasksConfig#taskStoreMaxBytes()}: the bytes the task store may retain.
     *
     * @param value the value
     * @return this builder
     */
    public Builder taskStoreMaxBytes(long value) {
      this.taskStoreMaxBytes = value;
      return this;
    }

    /**
     * Sets {@link TasksConfig#taskTtl()}: the task time-to-live.
     *
     * @param value the value
     * @return this builder
     */
    public Builder taskTtl(Duration value) {
      this.taskTtl = requireNonNull(value, "taskTtl");
      return this;
    }

    /**
     * Sets {@link TasksConfig#contextStoreMaxSize()}: the conversation store size.
     *
     * @param value the value
     * @return this builder
     */
    public Builder contextStoreMaxSize(long value) {
      this.contextStoreMaxSize = value;
      return this;
    }

    /**
     * Sets {@link TasksConfig#contextStoreMaxBytes()}: the bytes the conversation store may retain.
     *
     * @param value the value
     * @return this builder
     */
    public Builder contextStoreMaxBytes(long value) {
      this.contextStoreMaxBytes = value;
      return this;
    }

    /**
     * Sets {@link TasksConfig#contextTtl()}: the conversation time-to-live.
     *
     * @param value the value
     * @return this builder
     */
    public Builder contextTtl(Duration value) {
      this.contextTtl = requireNonNull(value, "contextTtl");
      return this;
    }

    /**
     * Sets {@link TasksConfig#agentThreads()}: the agent thread count.
     *
     * @param value the value
     * @return this builder
     */
    public Builder agentThreads(int value) {
      this.agentThreads = value;
      return this;
    }

    /**
     * Sets {@link TasksConfig#agentQueueCapacity()}: the agent queue capacity.
     *
     * @param value the value
     * @return this builder
     */
    public Builder agentQueueCapacity(int value) {
      this.agentQueueCapacity = value;
      return this;
    }

    /**
     * Sets {@link TasksConfig#agentQueueTimeout()}: how long a turn may wait for the agent.
     *
     * @param value the value
     * @return this builder
     */
    public Builder agentQueueTimeout(Duration value) {
      this.agentQueueTimeout = requireNonNull(value, "agentQueueTimeout");
      return this;
    }

    /**
     * Sets {@link PushConfig#enabled()}: whether push notifications are offered.
     *
     * @param value the value
     * @return this builder
     */
    public Builder pushNotifications(boolean value) {
      this.pushNotifications = value;
      return this;
    }

    /**
     * Sets {@link PushConfig#allowedHosts()}: the push host allow-list.
     *
     * @param value the value
     * @return this builder
     */
    public Builder pushAllowedHosts(List<String> value) {
      this.pushAllowedHosts = List.copyOf(value);
      return this;
    }

    /**
     * Sets {@link PushConfig#timeout()}: the push attempt timeout.
     *
     * @param value the value
     * @return this builder
     */
    public Builder pushTimeout(Duration value) {
      this.pushTimeout = requireNonNull(value, "pushTimeout");
      return this;
    }

    /**
     * Sets {@link PushConfig#maxAttempts()}: the push attempts.
     *
     * @param value the value
     * @return this builder
     */
    public Builder pushMaxAttempts(int value) {
      this.pushMaxAttempts = value;
      return this;
    }

    /**
     * Sets {@link PushConfig#allowPrivate()}: whether push notifications may go to internal
     * addresses.
     *
     * @param value the value
     * @return this builder
     */
    public Builder pushAllowPrivate(boolean value) {
      this.pushAllowPrivate = value;
      return this;
    }

    /**
     * Sets {@link PushConfig#maxConfigsPerTask()}: how many push configs one task may hold.
     *
     * @param value the value
     * @return this builder
     */
    public Builder pushMaxConfigsPerTask(int value) {
      this.pushMaxConfigsPerTask = value;
      return this;
    }

    /**
     * Sets {@link PushConfig#maxBackoff()}: the longest wait between push attempts.
     *
     * @param value the value
     * @return this builder
     */
    public Builder pushMaxBackoff(Duration value) {
      this.pushMaxBackoff = requireNonNull(value, "pushMaxBackoff");
      return this;
    }

    /**
     * Sets {@link AuthConfig#token()}: the bearer token, or {@code null} for none.
     *
     * @param value the token
     * @return this builder
     */
    public Builder authToken(@Nullable String value) {
      this.authToken = value;
      return this;
    }

    /**
     * Sets the latency-trace settings (default: off).
     *
     * @param value the settings
     * @return this builder
     */
    public Builder trace(TraceSettings value) {
      this.trace = requireNonNull(value, "trace");
      return this;
    }

    /**
     * Sets the model and its prices (default: the simulated model).
     *
     * @param value the settings
     * @return this builder
     */
    public Builder llm(LlmConfig value) {
      this.llm = requireNonNull(value, "llm");
      return this;
    }

    /**
     * Sets the simulated model's time to first token, keeping the provider.
     *
     * @param value the latency; {@code 0} also drops the delay between tokens
     * @return this builder
     */
    public Builder simulatedLlmLatency(Duration value) {
      this.llm = new LlmConfig(llm.provider(), value, llm.settings());
      return this;
    }

    /**
     * Sets where tasks, push configs and conversations are kept (default: in memory).
     *
     * @param value the settings
     * @return this builder
     */
    public Builder store(StoreSettings value) {
      this.store = requireNonNull(value, "store");
      return this;
    }

    /**
     * Checks the values and builds the config.
     *
     * @return the config
     * @throws ConfigException naming the first bad setting's variable and what it allows
     */
    public ServerConfig build() {
      return new ServerConfig(
          new HttpConfig(
              host,
              port,
              publicUrl,
              httpMaxThreads,
              shutdownGrace,
              corsOrigins,
              allowedHosts,
              idleTimeout,
              minRequestDataRate),
          new LimitsConfig(
              maxBodyBytes,
              maxInflightBytes != null
                  ? maxInflightBytes
                  : Math.max(LimitsConfig.DEFAULT_INFLIGHT_HEAP_SHARE, maxBodyBytes),
              maxNestingDepth,
              maxStringLength,
              maxJsonTokens,
              maxParts,
              maxTextLength,
              maxStreams,
              maxStreamsPerTask),
          new TasksConfig(
              maxHistory,
              maxTaskHistory,
              taskStoreMaxSize,
              taskStoreMaxBytes,
              taskTtl,
              contextStoreMaxSize,
              contextStoreMaxBytes,
              contextTtl,
              agentThreads,
              agentQueueCapacity,
              agentQueueTimeout),
          new PushConfig(
              pushNotifications,
              pushAllowedHosts,
              pushTimeout,
              pushMaxAttempts,
              pushAllowPrivate,
              pushMaxConfigsPerTask,
              pushMaxBackoff),
          trace,
          new AuthConfig(authToken),
          llm,
          store);
    }
  }
}
