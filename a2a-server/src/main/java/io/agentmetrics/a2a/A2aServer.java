package io.agentmetrics.a2a;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.agent.StudyAgent;
import io.agentmetrics.a2a.agent.StudyAgentProcessor;
import io.agentmetrics.a2a.agent.TaskProcessor;
import io.agentmetrics.a2a.dto.JsonMappers;
import io.agentmetrics.a2a.dto.ServerStatus;
import io.agentmetrics.a2a.http.AgentCards;
import io.agentmetrics.a2a.http.HttpServer;
import io.agentmetrics.a2a.http.MetricsSummaryContributor;
import io.agentmetrics.a2a.jsonrpc.InFlightBudget;
import io.agentmetrics.a2a.jsonrpc.JsonRpcDispatcher;
import io.agentmetrics.a2a.jsonrpc.MessageSender;
import io.agentmetrics.a2a.store.ContextRepository;
import io.agentmetrics.a2a.store.StoreStatistics;
import io.agentmetrics.a2a.task.PushSettings;
import io.agentmetrics.a2a.task.TaskService;
import io.agentmetrics.a2a.task.TaskSettings;
import io.agentmetrics.a2a.telex.TelexNormalizer;
import io.agentmetrics.a2a.trace.RequestObserver;
import io.agentmetrics.a2a.trace.StageMetrics;
import io.agentmetrics.a2a.trace.TraceLatencyLog;
import io.agentmetrics.a2a.trace.TraceLogAppender;
import io.agentmetrics.a2a.trace.TraceSettings;
import io.agentmetrics.a2a.v1.CardSettings;
import io.agentmetrics.a2a.v1.V1Binding;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.PriceTable;
import io.agentmetrics.agent.llm.SimulatedLlmClient;
import io.agentmetrics.agent.llm.SimulatedLlmConfig;
import io.agentmetrics.aggregator.AggregatorConfig;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.supervisor.otel.OpenTelemetryBridge;
import io.agentmetrics.supervisor.otel.OpenTelemetryBridgeConfig;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The A2A server, wired: stores, agent, task service, JSON-RPC dispatcher, tracing and HTTP. Build
 * one with {@link #builder(ServerConfig)}; {@link #close()} shuts it down gracefully.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class A2aServer implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(A2aServer.class);

  /** The LLM label of the simulated model. */
  public static final String SIMULATED_LLM = "simulated";

  /** The OpenTelemetry instrumentation scope of the agent spans and GenAI metrics. */
  public static final String INSTRUMENTATION_SCOPE = "io.agentmetrics.a2a";

  private final ServerConfig config;
  private final HttpServer http;
  private final TaskService tasks;
  private final TaskStores stores;
  private final StageMetrics stages;
  private final MetricsAggregator aggregator;
  private final LlmClient llm;

  private A2aServer(Builder b) throws Exception {
    this.config = b.config;
    this.llm = b.llm != null ? b.llm : simulatedLlm(config.simulatedLlmLatency());
    String llmLabel = b.llmLabel != null ? b.llmLabel : label(llm);
    ObjectMapper mapper =
        JsonMappers.create(
            config.maxNestingDepth(),
            config.maxStringLength(),
            config.maxBodyBytes(),
            config.maxJsonTokens());
    this.stores = TaskStores.open(b.stores, config, mapper, b.time);
    ContextRepository conversations = stores.contexts();
    String version = version();
    this.aggregator = new MetricsAggregator(AggregatorConfig.defaults(), b.time);
    List<MetricsSink> agentSinks =
        List.of(
            aggregator,
            new OpenTelemetryBridge(
                b.openTelemetry,
                OpenTelemetryBridgeConfig.builder()
                    .instrumentationScope(INSTRUMENTATION_SCOPE, version)
                    .build()));
    TelexNormalizer normalizer = new TelexNormalizer(config.maxHistory());
    TaskProcessor processor =
        b.processor != null
            ? b.processor.apply(conversations)
            : new StudyAgentProcessor(
                new StudyAgent(conversations, normalizer, llm, agentSinks, b.time, b.prices));
    this.tasks =
        new TaskService(
            new TaskSettings(
                config.taskStoreMaxSize(),
                config.taskStoreMaxBytes(),
                config.maxTaskHistory(),
                config.taskTtl(),
                config.agentThreads(),
                config.agentQueueCapacity(),
                config.agentQueueTimeout(),
                callerTurns(config),
                config.maxStreams(),
                config.maxStreamsPerTask(),
                new PushSettings(
                    config.pushAllowedHosts(),
                    config.pushAllowPrivate(),
                    config.pushMaxConfigsPerTask(),
                    config.pushTimeout(),
                    config.pushMaxAttempts(),
                    ServerConfig.PUSH_INITIAL_BACKOFF,
                    config.pushMaxBackoff())),
            processor,
            mapper,
            b.time,
            stores.tasks(),
            V1Binding.pushPayloads());
    this.stages = new StageMetrics(b.time);
    List<RequestObserver> observers = new ArrayList<>();
    observers.add(stages);
    if (b.trace.enabled()) {
      observers.add(new TraceLatencyLog());
    }
    observers.addAll(b.observers);
    RequestObserver observer = RequestObserver.composite(observers);
    MessageSender sender =
        new MessageSender(
            config.maxParts(),
            config.maxTextLength(),
            normalizer,
            tasks,
            config.pushNotifications(),
            observer);
    JsonRpcDispatcher dispatcher =
        new JsonRpcDispatcher(mapper, tasks, sender, config.pushNotifications());
    V1Binding v1 = new V1Binding(mapper, tasks, sender, config.pushNotifications(), b.cards);
    List<MetricsSummaryContributor> summary = new ArrayList<>();
    summary.add(
        MetricsSummaryContributor.of(
            "window", () -> StageMetrics.id(StageMetrics.HEADLINE_WINDOW)));
    summary.add(MetricsSummaryContributor.of("stage_vocabulary", StageMetrics::vocabulary));
    summary.add(MetricsSummaryContributor.of("stages", stages::stages));
    summary.add(MetricsSummaryContributor.of("sends", stages::sends));
    summary.add(MetricsSummaryContributor.of("bottlenecks", stages::bottlenecks));
    summary.add(
        MetricsSummaryContributor.of(
            "stores",
            () ->
                Map.of(
                    "tasks", tasks.storeStats(),
                    "contexts", contextStats(conversations.statistics()))));
    summary.add(MetricsSummaryContributor.of("agent", () -> AgentSummary.of(aggregator)));
    summary.add(MetricsSummaryContributor.of("usage", () -> UsageSummary.of(aggregator)));
    summary.add(
        MetricsSummaryContributor.of(
            "trace_log", () -> Map.of("dropped_events", TraceLogAppender.droppedEvents())));
    InFlightBudget inFlight = new InFlightBudget(config.maxInflightBytes());
    summary.add(
        MetricsSummaryContributor.of(
            "in_flight",
            () -> Map.of("bytes", inFlight.held(), "limit", config.maxInflightBytes())));
    summary.addAll(b.summary);
    String publicUrl = config.publicUrl();
    Function<URI, io.agentmetrics.a2a.dto.AgentCard> card =
        base ->
            AgentCards.studyAgent(
                publicUrl != null ? publicUrl : base + "/",
                version,
                llmLabel,
                config.authToken() != null,
                config.pushNotifications());
    this.http =
        new HttpServer(
            new HttpServer.HttpSettings(
                config.host(),
                config.port(),
                config.httpMaxThreads(),
                config.maxBodyBytes(),
                config.shutdownGrace(),
                config.authToken(),
                config.corsOrigins(),
                b.trace.sampleRate(),
                config.allowedHosts(),
                config.idleTimeout(),
                config.minRequestDataRate()),
            mapper,
            dispatcher,
            v1,
            inFlight,
            observer,
            new ServerStatus(
                "ok", AgentCards.AGENT_NAME, version, AgentCards.PROTOCOL_VERSION, llmLabel),
            card,
            summary,
            b.openTelemetry,
            b.time);
    try {
      http.start();
    } catch (Exception e) {
      tasks.close();
      llm.close();
      throw e;
    }
  }

  /**
   * How many turns may run on the request threads of blocking sends: at most a quarter of the HTTP
   * pool, so that waiting for the agent never takes the threads that answer {@code /health}.
   */
  private static int callerTurns(ServerConfig config) {
    return Math.min(config.agentThreads(), config.httpMaxThreads() / 4);
  }

  /**
   * The simulated LLM of agent-runtime with the given time to first token; {@code 0} also drops the
   * delay between tokens, for load tests.
   *
   * @param latency the time to first token
   * @return the client
   * @since 0.1.0
   */
  public static LlmClient simulatedLlm(Duration latency) {
    return new SimulatedLlmClient(
        SimulatedLlmConfig.builder()
            .timeToFirstToken(latency)
            .interTokenDelay(
                latency.isZero() ? Duration.ZERO : SimulatedLlmConfig.DEFAULT_INTER_TOKEN_DELAY)
            .build());
  }

  private static String label(LlmClient llm) {
    return SIMULATED_LLM.equals(llm.provider())
        ? SIMULATED_LLM
        : llm.provider() + " (" + llm.model() + ")";
  }

  /**
   * A builder for a server with {@code config}.
   *
   * @param config the configuration
   * @return the builder
   * @since 0.1.0
   */
  public static Builder builder(ServerConfig config) {
    return new Builder(config);
  }

  /**
   * The base URL the server listens on, with the bound port.
   *
   * @return for example {@code http://127.0.0.1:5000}
   * @since 0.1.0
   */
  public URI baseUri() {
    return http.baseUri();
  }

  /**
   * The per-stage window statistics behind the {@code stages} and {@code bottlenecks} sections of
   * {@code /metrics/summary}.
   *
   * @return the statistics
   * @since 0.1.0
   */
  public StageMetrics stageMetrics() {
    return stages;
  }

  /**
   * The server's own aggregator of agent executions: every execution's breakdown, by metric type,
   * behind the {@code agent} section of {@code /metrics/summary}.
   *
   * @return the aggregator
   * @since 0.1.0
   */
  public MetricsAggregator aggregator() {
    return aggregator;
  }

  /**
   * Blocks until the server stops.
   *
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public void join() throws InterruptedException {
    http.join();
  }

  /**
   * Stops gracefully: no new requests, in-flight ones get the grace period, then the agent threads
   * are stopped.
   *
   * @since 0.1.0
   */
  @Override
  public void close() {
    try {
      http.stop();
    } catch (Exception e) {
      logger.warn("HTTP server did not stop cleanly", e);
    }
    tasks.shutdown(config.shutdownGrace());
    stores.close();
    try {
      llm.close();
    } catch (Exception e) {
      logger.warn("LLM client did not close cleanly", e);
    }
  }

  private static Map<String, Long> contextStats(StoreStatistics statistics) {
    return Map.of(
        "size", statistics.entries(),
        "bytes", statistics.bytes(),
        "evictions", statistics.evictions());
  }

  private static String version() {
    String version = A2aServer.class.getPackage().getImplementationVersion();
    return version == null ? "0.1.0-SNAPSHOT" : version;
  }

  /**
   * Assembles an {@link A2aServer}.
   *
   * <p>Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final ServerConfig config;
    private TraceSettings trace = TraceSettings.disabled();
    private @Nullable Function<ContextRepository, TaskProcessor> processor;
    private StoreSettings stores = StoreSettings.inMemory();
    private @Nullable String llmLabel;
    private @Nullable LlmClient llm;
    private PriceTable prices = PriceTable.defaults();
    private OpenTelemetry openTelemetry = OpenTelemetry.noop();
    private TimeSource time = TimeSource.system();
    private CardSettings cards = CardSettings.defaults();
    private final List<RequestObserver> observers = new ArrayList<>();
    private final List<MetricsSummaryContributor> summary = new ArrayList<>();

    private Builder(ServerConfig config) {
      this.config = requireNonNull(config, "config");
    }

    /**
     * Sets the LLM the study agent asks (default: the simulated LLM with {@link
     * ServerConfig#simulatedLlmLatency()}). The server closes it on {@link A2aServer#close()}.
     *
     * @param value the client
     * @return this builder
     * @since 0.1.0
     */
    public Builder llm(LlmClient value) {
      this.llm = requireNonNull(value, "llm");
      return this;
    }

    /**
     * Sets where tasks, push configs and conversations are kept (default: in memory).
     *
     * @param value the settings, such as {@link StoreSettings#read} of the environment
     * @return this builder
     * @since 0.1.0
     */
    public Builder stores(StoreSettings value) {
      this.stores = requireNonNull(value, "stores");
      return this;
    }

    /**
     * Sets the prices the study agent's LLM calls are costed with (default: {@link
     * PriceTable#defaults()}).
     *
     * @param value the prices
     * @return this builder
     * @since 0.1.0
     */
    public Builder prices(PriceTable value) {
      this.prices = requireNonNull(value, "prices");
      return this;
    }

    /**
     * Sets the trace settings (default: off).
     *
     * @param value the settings
     * @return this builder
     * @since 0.1.0
     */
    public Builder trace(TraceSettings value) {
      this.trace = requireNonNull(value, "trace");
      return this;
    }

    /**
     * Replaces the study agent (for tests and embedding).
     *
     * @param factory builds the agent from the server's conversation store
     * @param llmLabel which LLM answers, shown on the card and status page
     * @return this builder
     * @since 0.1.0
     */
    public Builder processor(Function<ContextRepository, TaskProcessor> factory, String llmLabel) {
      this.processor = requireNonNull(factory, "factory");
      this.llmLabel = requireNonNull(llmLabel, "llmLabel");
      return this;
    }

    /**
     * Sets the OpenTelemetry instance for server spans (default: no-op).
     *
     * @param value the instance
     * @return this builder
     * @since 0.1.0
     */
    public Builder openTelemetry(OpenTelemetry value) {
      this.openTelemetry = requireNonNull(value, "openTelemetry");
      return this;
    }

    /**
     * Sets how the agent card is served: which card a version-less request to the well-known path
     * gets, and the key the 1.0 card is signed with (default: the union card, unsigned).
     *
     * @param value the settings
     * @return this builder
     * @since 0.1.0
     */
    public Builder cards(CardSettings value) {
      this.cards = requireNonNull(value, "cards");
      return this;
    }

    /**
     * Sets the clock (default: the system clock).
     *
     * @param value the clock
     * @return this builder
     * @since 0.1.0
     */
    public Builder time(TimeSource value) {
      this.time = requireNonNull(value, "time");
      return this;
    }

    /**
     * Adds an observer of request and agent timings (such as the metrics aggregator).
     *
     * @param value the observer
     * @return this builder
     * @since 0.1.0
     */
    public Builder addObserver(RequestObserver value) {
      observers.add(requireNonNull(value, "observer"));
      return this;
    }

    /**
     * Adds a section to {@code /metrics/summary}.
     *
     * @param value the contributor
     * @return this builder
     * @since 0.1.0
     */
    public Builder addSummary(MetricsSummaryContributor value) {
      summary.add(requireNonNull(value, "summary"));
      return this;
    }

    /**
     * Starts the server.
     *
     * @return the running server
     * @throws Exception if the port cannot be bound
     * @since 0.1.0
     */
    public A2aServer start() throws Exception {
      return new A2aServer(this);
    }
  }
}
