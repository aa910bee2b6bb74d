package io.agentmetrics.a2a;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import io.agentmetrics.a2a.agent.StudyAgent;
import io.agentmetrics.a2a.agent.StudyAgentProcessor;
import io.agentmetrics.a2a.agent.TaskProcessor;
import io.agentmetrics.a2a.dto.AgentCard;
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
import io.agentmetrics.a2a.store.StoreUnavailableException;
import io.agentmetrics.a2a.task.TaskException;
import io.agentmetrics.a2a.task.TaskPushConfigs;
import io.agentmetrics.a2a.task.TaskService;
import io.agentmetrics.a2a.task.TaskSettings;
import io.agentmetrics.a2a.telex.TelexNormalizer;
import io.agentmetrics.a2a.trace.RequestObserver;
import io.agentmetrics.a2a.trace.StageMetrics;
import io.agentmetrics.a2a.trace.TraceLatencyLog;
import io.agentmetrics.a2a.trace.TraceLogAppender;
import io.agentmetrics.a2a.v1.CardSettings;
import io.agentmetrics.a2a.v1.V1Binding;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.LlmClients;
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

/**
 * Wires the A2A server from a {@link ServerConfig}: the composition root. The core classes carry no
 * DI annotations; every one is built here by a {@code @Provides} method.
 *
 * <p>Bindings, singletons except those that hand out the config given, a value derived from
 * singletons, or a part of one, which need no scope:
 *
 * <ul>
 *   <li>{@link ServerConfig}, the config given;
 *   <li>{@link TimeSource}, the system clock, and {@link Ticker}, its {@code nanoTime}: the time
 *       that stages, stores and queues read;
 *   <li>{@link LlmClient}, the client {@link ServerConfig#llm()} names, and {@code @Named(}{@value
 *       #LLM_LABEL}{@code ) String}, how the card and status page name it;
 *   <li>{@link PriceTable}, the prices {@link LlmConfig#settings()} give;
 *   <li>{@link TaskProcessor}, the study agent, with {@link TelexNormalizer}, which turns Telex
 *       messages into its prompts, and {@link ContextRepository}, the conversations of the {@link
 *       TaskStores};
 *   <li>{@link OpenTelemetry}, no-op, and {@link CardSettings}, the union card unsigned;
 *   <li>{@link ObjectMapper}, the one mapper of requests and answers, bounded by {@link
 *       ServerConfig#limits()} (the stores read their own JSON without those limits);
 *   <li>{@link RequestObserver}, the {@link StageMetrics} and, with tracing on, the trace log;
 *   <li>{@link InFlightBudget}, the bytes of request bodies held at once, bounded by {@link
 *       ServerConfig#limits()};
 *   <li>{@link TaskStores}, {@link TaskService}, {@link TaskPushConfigs} (the service's), {@link
 *       StageMetrics}, {@link MetricsAggregator}, {@link HttpServer} and {@link A2aServer} itself.
 * </ul>
 *
 * <p>Replace a binding with {@link com.google.inject.util.Modules#override}: {@code serve} gives
 * the OpenTelemetry SDK and the card settings of the environment, {@link ConformanceAgentModule}
 * the TCK's agent, and tests a fake LLM, clock or agent.
 *
 * @since 0.1.0
 */
public final class A2aServerModule extends AbstractModule {

  /** The name of the binding that labels the LLM on the card and the status page. */
  public static final String LLM_LABEL = "llmLabel";

  private final ServerConfig config;

  /**
   * A module serving with {@code config}.
   *
   * @param config the configuration
   * @since 0.1.0
   */
  public A2aServerModule(ServerConfig config) {
    this.config = requireNonNull(config, "config");
  }

  @Provides
  ServerConfig config() {
    return config;
  }

  @Provides
  @Singleton
  TimeSource time() {
    return TimeSource.system();
  }

  /** The clock's ticker, so that a test's fake clock also moves the stores' expiry. */
  @Provides
  @Singleton
  Ticker ticker(TimeSource time) {
    return time::nanoTime;
  }

  @Provides
  @Singleton
  OpenTelemetry openTelemetry() {
    return OpenTelemetry.noop();
  }

  @Provides
  @Singleton
  CardSettings cards() {
    return CardSettings.defaults();
  }

  @Provides
  @Singleton
  LlmClient llm() {
    LlmConfig llm = config.llm();
    return llm.isSimulated()
        ? simulatedLlm(llm.simulatedLatency())
        : LlmClients.fromEnvironment(llm.settings());
  }

  @Provides
  @Named(LLM_LABEL)
  String llmLabel(LlmClient llm) {
    return LlmConfig.SIMULATED.equals(llm.provider())
        ? LlmConfig.SIMULATED
        : llm.provider() + " (" + llm.model() + ")";
  }

  @Provides
  @Singleton
  PriceTable prices() {
    return PriceTable.fromEnvironment(config.llm().settings());
  }

  @Provides
  @Singleton
  ObjectMapper mapper() {
    LimitsConfig limits = config.limits();
    return JsonMappers.create(
        limits.maxNestingDepth(),
        limits.maxStringLength(),
        limits.maxBodyBytes(),
        limits.maxJsonTokens());
  }

  @Provides
  @Singleton
  TaskStores stores(TimeSource time, Ticker ticker) {
    return TaskStores.open(config.store(), config.tasks(), time, ticker);
  }

  @Provides
  ContextRepository conversations(TaskStores stores) {
    return stores.contexts();
  }

  @Provides
  @Singleton
  MetricsAggregator aggregator(TimeSource time) {
    // The server reads histograms only, never raw metrics: the default rings of 10,000 raw
    // metrics a type would keep some 80,000 metrics and their timestamps alive for every young
    // collection to copy.
    return new MetricsAggregator(AggregatorConfig.builder().reservoirSize(1).build(), time);
  }

  @Provides
  @Singleton
  TelexNormalizer normalizer() {
    return new TelexNormalizer(config.tasks().maxHistory());
  }

  @Provides
  @Singleton
  TaskProcessor studyAgent(
      ContextRepository conversations,
      TelexNormalizer normalizer,
      LlmClient llm,
      MetricsAggregator aggregator,
      OpenTelemetry openTelemetry,
      TimeSource time,
      PriceTable prices) {
    List<MetricsSink> sinks =
        List.of(
            aggregator,
            new OpenTelemetryBridge(
                openTelemetry,
                OpenTelemetryBridgeConfig.builder()
                    .instrumentationScope(A2aServer.INSTRUMENTATION_SCOPE, A2aServer.version())
                    .build()));
    return new StudyAgentProcessor(
        new StudyAgent(conversations, normalizer, llm, sinks, time, prices));
  }

  @Provides
  @Singleton
  TaskService tasks(
      TaskProcessor processor, ObjectMapper mapper, TimeSource time, TaskStores stores) {
    TasksConfig tasks = config.tasks();
    return new TaskService(
        new TaskSettings(
            tasks.taskStoreMaxSize(),
            tasks.taskStoreMaxBytes(),
            tasks.maxTaskHistory(),
            tasks.taskTtl(),
            tasks.agentThreads(),
            tasks.agentQueueCapacity(),
            tasks.agentQueueTimeout(),
            callerTurns(config),
            config.limits().maxStreams(),
            config.limits().maxStreamsPerTask(),
            config.push().settings()),
        processor,
        mapper,
        time,
        stores.tasks(),
        V1Binding.pushPayloads());
  }

  /** The push configs of the service's tasks: they share its store. */
  @Provides
  TaskPushConfigs pushConfigs(TaskService tasks) {
    return tasks.pushConfigs();
  }

  @Provides
  @Singleton
  StageMetrics stages(TimeSource time) {
    return new StageMetrics(time);
  }

  @Provides
  @Singleton
  RequestObserver observer(StageMetrics stages) {
    List<RequestObserver> observers = new ArrayList<>();
    observers.add(stages);
    if (config.trace().enabled()) {
      observers.add(new TraceLatencyLog());
    }
    return RequestObserver.composite(observers);
  }

  @Provides
  @Singleton
  InFlightBudget inFlight() {
    return new InFlightBudget(config.limits().maxInflightBytes());
  }

  @Provides
  @Singleton
  HttpServer http(
      ObjectMapper mapper,
      TaskService tasks,
      TaskPushConfigs pushConfigs,
      TelexNormalizer normalizer,
      RequestObserver observer,
      InFlightBudget inFlight,
      StageMetrics stages,
      MetricsAggregator aggregator,
      TaskStores stores,
      CardSettings cards,
      OpenTelemetry openTelemetry,
      TimeSource time,
      @Named(LLM_LABEL) String llmLabel) {
    boolean push = config.push().enabled();
    MessageSender sender =
        new MessageSender(
            config.limits().maxParts(),
            config.limits().maxTextLength(),
            normalizer,
            tasks,
            push,
            observer);
    String version = A2aServer.version();
    String publicUrl = config.http().publicUrl();
    Function<URI, AgentCard> card =
        base ->
            AgentCards.studyAgent(
                publicUrl != null ? publicUrl : base + "/",
                version,
                llmLabel,
                config.auth().required(),
                push);
    HttpConfig http = config.http();
    return new HttpServer(
        new HttpServer.HttpSettings(
            http.host(),
            http.port(),
            http.maxThreads(),
            config.limits().maxBodyBytes(),
            http.shutdownGrace(),
            config.auth().token(),
            http.corsOrigins(),
            config.trace().sampleRate(),
            http.allowedHosts(),
            http.idleTimeout(),
            http.minRequestDataRate()),
        mapper,
        new JsonRpcDispatcher(mapper, tasks, pushConfigs, sender, push),
        new V1Binding(mapper, tasks, pushConfigs, sender, push, cards),
        inFlight,
        observer,
        new ServerStatus(
            "ok", AgentCards.AGENT_NAME, version, AgentCards.PROTOCOL_VERSION, llmLabel),
        card,
        summary(stages, aggregator, tasks, stores.contexts(), inFlight),
        openTelemetry,
        time);
  }

  @Provides
  @Singleton
  A2aServer server(
      HttpServer http,
      TaskService tasks,
      TaskStores stores,
      StageMetrics stages,
      MetricsAggregator aggregator,
      LlmClient llm) {
    return new A2aServer(config, http, tasks, stores, stages, aggregator, llm);
  }

  /**
   * The simulated LLM of agent-runtime with the given time to first token; {@code 0} also drops the
   * delay between tokens, for load tests.
   */
  private static LlmClient simulatedLlm(Duration latency) {
    return new SimulatedLlmClient(
        SimulatedLlmConfig.builder()
            .timeToFirstToken(latency)
            .interTokenDelay(
                latency.isZero() ? Duration.ZERO : SimulatedLlmConfig.DEFAULT_INTER_TOKEN_DELAY)
            .build());
  }

  /** The sections of {@code /metrics/summary}. */
  private List<MetricsSummaryContributor> summary(
      StageMetrics stages,
      MetricsAggregator aggregator,
      TaskService tasks,
      ContextRepository conversations,
      InFlightBudget inFlight) {
    return List.of(
        MetricsSummaryContributor.of("window", () -> StageMetrics.id(StageMetrics.HEADLINE_WINDOW)),
        MetricsSummaryContributor.of("stage_vocabulary", StageMetrics::vocabulary),
        MetricsSummaryContributor.of("stages", stages::stages),
        MetricsSummaryContributor.of("sends", stages::sends),
        MetricsSummaryContributor.of("bottlenecks", stages::bottlenecks),
        MetricsSummaryContributor.of("stores", () -> stores(tasks, conversations)),
        MetricsSummaryContributor.of("agent", () -> AgentSummary.of(aggregator)),
        MetricsSummaryContributor.of("usage", () -> UsageSummary.of(aggregator)),
        MetricsSummaryContributor.of(
            "trace_log", () -> Map.of("dropped_events", TraceLogAppender.droppedEvents())),
        MetricsSummaryContributor.of(
            "in_flight",
            () -> Map.of("bytes", inFlight.held(), "limit", config.limits().maxInflightBytes())));
  }

  /**
   * The sizes and evictions of the stores; while their database is down, why they are unknown, so
   * that the rest of the summary, which this process holds, still answers.
   */
  private static Map<String, Object> stores(TaskService tasks, ContextRepository conversations) {
    try {
      return Map.of(
          "tasks", tasks.storeStats(), "contexts", contextStats(conversations.statistics()));
    } catch (TaskException | StoreUnavailableException e) {
      return Map.of("unavailable", e.getMessage());
    }
  }

  private static Map<String, Long> contextStats(StoreStatistics statistics) {
    return Map.of(
        "size", statistics.entries(),
        "bytes", statistics.bytes(),
        "evictions", statistics.evictions());
  }

  /**
   * How many turns may run on the request threads of blocking sends: at most a quarter of the HTTP
   * pool, so that waiting for the agent never takes the threads that answer {@code /health}.
   */
  private static int callerTurns(ServerConfig config) {
    return Math.min(config.tasks().agentThreads(), config.http().maxThreads() / 4);
  }

  /** Equal to any module with the same config, so that installing it twice is harmless. */
  @Override
  public boolean equals(Object other) {
    return other instanceof A2aServerModule module && module.config.equals(config);
  }

  @Override
  public int hashCode() {
    return config.hashCode();
  }
}
