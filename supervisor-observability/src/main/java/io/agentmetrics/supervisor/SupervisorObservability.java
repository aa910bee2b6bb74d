package io.agentmetrics.supervisor;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import io.agentmetrics.agent.ExecutionCosts;
import io.agentmetrics.agent.ExecutionResult;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.PerformanceMetric;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.api.TimingCollector;
import io.agentmetrics.core.EnhancedExecutionTimingCollector;
import io.agentmetrics.core.LoggingSinkFailureHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Observes supervisor workflows by run id: one timing collector per run from {@link
 * #startWorkflowTrace(ExecutionContext)} to {@link #completeWorkflowTrace(ExecutionContext,
 * ExecutionResult)}, whose result goes to every {@link MetricsSink}.
 *
 * <pre>{@code
 * observability.startWorkflowTrace(context);
 * observability.startPhase(context.runId(), "tool_execution");
 * // ... execute tools ...
 * observability.stopPhase(context.runId(), "tool_execution");
 * observability.recordFirstToken(context.runId());
 * observability.completeWorkflowTrace(context, ExecutionResult.success(Map.of("result", "data")));
 * }</pre>
 *
 * <h2>Bounded memory</h2>
 *
 * Open workflows live in a Caffeine cache. A workflow that is never completed expires once it has
 * gone untouched for {@link SupervisorConfig#workflowExpiry()} (15 minutes by default), and the
 * least recently used ones are dropped beyond {@link SupervisorConfig#maxWorkflows()}. Either way
 * it is counted in {@link #abandonedWorkflows()} and logged at WARN; it never reaches the sinks.
 * Expiry reads the injected {@link TimeSource}, so tests move time without sleeping.
 *
 * <h2>Never throws into the agent</h2>
 *
 * Calls for an unknown (never started, completed or expired) run id return empty results and are
 * counted in {@link #droppedCalls()}, logged at DEBUG. The sinks are a {@linkplain
 * MetricsSink#composite composite}: a sink that throws is counted in {@link
 * #failedSinkDeliveries()} and skipped, and the other sinks still receive the workflow; its first
 * failure is logged at WARN, later ones at DEBUG.
 *
 * <h2>Resource metrics</h2>
 *
 * {@link #recordResourceMetrics(double, double, int, int)} records {@link MetricType#MEMORY_USAGE}
 * and a thread pool's {@link MetricType#THREAD_POOL_USAGE} (busy threads as a percentage of its
 * maximum) into the {@link MetricsAggregator} given at construction (the {@linkplain
 * MetricsAggregator#global() global} one by default), which reports them in its {@code
 * resourceUtilization()}; the seed's three-argument form records memory only. {@link
 * JvmResourceSampler} records them on a schedule.
 *
 * <p>Thread-safe: one instance serves every workflow, and one workflow may be updated from many
 * threads.
 *
 * @since 0.1.0
 */
public final class SupervisorObservability {

  /** The agent name resource metrics are recorded under. */
  public static final String RESOURCE_AGENT_NAME = "supervisor";

  /**
   * The {@link ExecutionOutcome#errorType()} of a workflow whose {@link ExecutionResult} failed: a
   * result carries a message but no classification, so the conventions' fallback value is used.
   */
  public static final String FAILED_RESULT_ERROR_TYPE = "_OTHER";

  /** Metadata key of the process CPU load, in percent, on resource metrics. */
  public static final String CPU_PERCENT_KEY = "cpu_percent";

  /** Metadata key of the live thread count given to the seed's three-argument call. */
  public static final String THREAD_COUNT_KEY = "thread_count";

  /** Metadata key of a pool's busy threads on resource metrics. */
  public static final String ACTIVE_THREADS_KEY = "active_threads";

  /** Metadata key of a pool's maximum threads on resource metrics. */
  public static final String MAX_THREADS_KEY = "max_threads";

  private static final Logger logger = LoggerFactory.getLogger(SupervisorObservability.class);

  private final SupervisorConfig config;
  private final MetricsAggregator aggregator;
  private final LoggingSinkFailureHandler sinkFailures = new LoggingSinkFailureHandler(logger);
  private final MetricsSink sinks;
  private final TimeSource time;
  private final Cache<String, Workflow> workflows;
  private final UUID resourceSourceId = UUID.randomUUID();
  private final LongAdder abandoned = new LongAdder();
  private final LongAdder droppedCalls = new LongAdder();

  /**
   * An instance with the {@linkplain SupervisorConfig#defaults() default settings} and no sinks;
   * resource metrics go to the {@linkplain MetricsAggregator#global() global aggregator}.
   */
  public SupervisorObservability() {
    this(SupervisorConfig.defaults(), MetricsAggregator.global(), List.of(), TimeSource.system());
  }

  /**
   * An instance that hands completed workflows to {@code sinks}, in order; resource metrics go to
   * the {@linkplain MetricsAggregator#global() global aggregator}.
   */
  public SupervisorObservability(
      SupervisorConfig config, List<? extends MetricsSink> sinks, TimeSource time) {
    this(config, MetricsAggregator.global(), sinks, time);
  }

  /**
   * An instance that hands completed workflows to {@code sinks}, in order, and records resource
   * metrics into {@code aggregator}. Pass the aggregator among the sinks too if it should also
   * receive the workflows, as {@link AgentMetricsModule} does.
   */
  public SupervisorObservability(
      SupervisorConfig config,
      MetricsAggregator aggregator,
      List<? extends MetricsSink> sinks,
      TimeSource time) {
    this.config = requireNonNull(config, "config");
    this.aggregator = requireNonNull(aggregator, "aggregator");
    this.sinks = MetricsSink.composite(sinks, sinkFailures);
    this.time = requireNonNull(time, "time");
    this.workflows =
        Caffeine.newBuilder()
            .ticker(time::nanoTime)
            .expireAfterAccess(config.workflowExpiry())
            .maximumSize(config.maxWorkflows())
            // Expire idle workflows even when no call arrives to trigger the cache's maintenance.
            .scheduler(Scheduler.systemScheduler())
            // The listener only counts and logs: run it inline rather than on the common pool.
            .executor(Runnable::run)
            .evictionListener(this::onEvicted)
            .build();
  }

  /** The settings this instance was built with. */
  public SupervisorConfig config() {
    return config;
  }

  /**
   * Starts timing the workflow of {@code context}'s run. A run that is already open keeps its
   * collector, so calling this twice is harmless.
   */
  public void startWorkflowTrace(ExecutionContext context) {
    if (context == null) {
      drop("startWorkflowTrace", null);
      return;
    }
    String runId = context.runId();
    try {
      Workflow workflow =
          workflows.get(runId, id -> new Workflow(context, collectorFor(id, context.agentName())));
      if (workflow.context() != context) {
        logger.debug("Workflow {} was already started; keeping its collector", runId);
      }
    } catch (RuntimeException e) {
      drop("startWorkflowTrace", runId);
      logger.debug("Could not start workflow {}", runId, e);
    }
  }

  /** Starts the phase {@code phase} of the run's workflow; ignored for an unknown run. */
  public void startPhase(String runId, String phase) {
    TimingCollector collector = collectorOrDrop(runId, "startPhase");
    if (collector != null) {
      collector.startPhase(phase);
    }
  }

  /** Starts the phase {@code phase} with metadata; ignored for an unknown run. */
  public void startPhase(String runId, String phase, Map<String, Object> metadata) {
    TimingCollector collector = collectorOrDrop(runId, "startPhase");
    if (collector != null) {
      collector.startPhase(phase, metadata);
    }
  }

  /**
   * Stops the phase {@code phase} of the run's workflow.
   *
   * @return its duration in milliseconds, or empty for an unknown run or a phase that is not
   *     running
   */
  public OptionalDouble stopPhase(String runId, String phase) {
    TimingCollector collector = collectorOrDrop(runId, "stopPhase");
    return collector != null ? collector.stopPhase(phase) : OptionalDouble.empty();
  }

  /**
   * Records the first token of the run's workflow.
   *
   * @return milliseconds from the workflow's start to its first token (later calls return the first
   *     value), or empty for an unknown run
   */
  public OptionalDouble recordFirstToken(String runId) {
    TimingCollector collector = collectorOrDrop(runId, "recordFirstToken");
    return collector != null
        ? OptionalDouble.of(collector.recordFirstToken())
        : OptionalDouble.empty();
  }

  /** Where the run's time went so far, or empty for an unknown run. */
  public Optional<TimingBreakdown> getTimingBreakdown(String runId) {
    TimingCollector collector = collectorOrDrop(runId, "getTimingBreakdown");
    return collector != null ? Optional.of(collector.getBreakdown()) : Optional.empty();
  }

  /**
   * The collector of the run's open workflow, for the calls this class does not mirror, such as
   * {@link TimingCollector#measure} or parallel tasks; empty for an unknown run.
   */
  public Optional<TimingCollector> collector(String runId) {
    return Optional.ofNullable(collectorOrDrop(runId, "collector"));
  }

  /**
   * Completes the run's workflow with {@code result}'s success or error, and hands the finished
   * execution to every sink, with {@code context}'s attributes, the {@link
   * CompletedExecution#WORKFLOW_NAME} attribute (the context's agent name) and its LLM calls priced
   * with {@link SupervisorConfig#prices()}. Ignored for an unknown run.
   */
  public void completeWorkflowTrace(ExecutionContext context, ExecutionResult result) {
    if (context == null || result == null) {
      drop("completeWorkflowTrace", context != null ? context.runId() : null);
      return;
    }
    Workflow workflow = workflows.asMap().remove(context.runId());
    if (workflow == null) {
      drop("completeWorkflowTrace", context.runId());
      return;
    }
    ExecutionOutcome outcome =
        result.success()
            ? ExecutionOutcome.succeeded()
            : ExecutionOutcome.failed(
                FAILED_RESULT_ERROR_TYPE, result.error().orElse("the workflow failed"));
    CompletedExecution execution =
        ExecutionCosts.price(
            workflow
                .collector()
                .complete(outcome)
                .withContext(outcome, context)
                .withAttribute(CompletedExecution.WORKFLOW_NAME, context.agentName()),
            config.prices());
    sinks.onExecutionCompleted(execution);
  }

  /**
   * Records the process's resource use as the seed's call does: {@code memoryMb} as {@link
   * MetricType#MEMORY_USAGE}, with {@code cpuPercent} and {@code threadCount} as its {@code
   * cpu_percent} and {@code thread_count} metadata.
   *
   * <p>No {@link MetricType#THREAD_POOL_USAGE} is recorded: that type is a percentage of a pool's
   * capacity, and a live thread count has no capacity to be a share of. Use {@link
   * #recordResourceMetrics(double, double, int, int)} with the pool's active and maximum threads.
   * Values that are negative or not finite are dropped and counted.
   */
  public void recordResourceMetrics(double cpuPercent, double memoryMb, int threadCount) {
    if (!isFiniteNonNegative(cpuPercent) || !isFiniteNonNegative(memoryMb) || threadCount < 0) {
      dropResources(cpuPercent, memoryMb, threadCount, -1);
      return;
    }
    Map<String, Object> metadata =
        Map.of(CPU_PERCENT_KEY, cpuPercent, THREAD_COUNT_KEY, threadCount);
    recordResources(List.of(resource(MetricType.MEMORY_USAGE, memoryMb, metadata)));
  }

  /**
   * Records the process's resource use and a thread pool's utilization: {@code memoryMb} as {@link
   * MetricType#MEMORY_USAGE} and {@code activeThreads / maxThreads x 100} as {@link
   * MetricType#THREAD_POOL_USAGE}, in percent. Both carry {@code cpu_percent}, {@code
   * active_threads} and {@code max_threads} metadata. A call whose values are negative or not
   * finite, whose {@code maxThreads} is below 1, or whose {@code activeThreads} exceeds {@code
   * maxThreads}, is dropped and counted.
   *
   * @since 0.1.0
   */
  public void recordResourceMetrics(
      double cpuPercent, double memoryMb, int activeThreads, int maxThreads) {
    if (!isFiniteNonNegative(cpuPercent)
        || !isFiniteNonNegative(memoryMb)
        || activeThreads < 0
        || maxThreads < 1
        || activeThreads > maxThreads) {
      dropResources(cpuPercent, memoryMb, activeThreads, maxThreads);
      return;
    }
    Map<String, Object> metadata =
        Map.of(
            CPU_PERCENT_KEY,
            cpuPercent,
            ACTIVE_THREADS_KEY,
            activeThreads,
            MAX_THREADS_KEY,
            maxThreads);
    recordResources(
        List.of(
            resource(MetricType.MEMORY_USAGE, memoryMb, metadata),
            resource(
                MetricType.THREAD_POOL_USAGE,
                threadPoolPercent(activeThreads, maxThreads),
                metadata)));
  }

  /** The share of a pool's threads that are busy, in percent: {@code active / max x 100}. */
  static double threadPoolPercent(int activeThreads, int maxThreads) {
    return 100.0 * activeThreads / maxThreads;
  }

  /** How many workflows are open now. */
  public long activeWorkflows() {
    workflows.cleanUp();
    return workflows.estimatedSize();
  }

  /** How many workflows expired or were evicted without being completed. */
  public long abandonedWorkflows() {
    workflows.cleanUp();
    return abandoned.sum();
  }

  /** How many calls were ignored: unknown run ids, null arguments, invalid resource values. */
  public long droppedCalls() {
    return droppedCalls.sum();
  }

  /** How many times a sink threw while receiving a workflow. */
  public long failedSinkDeliveries() {
    return sinkFailures.failures();
  }

  private PerformanceMetric resource(MetricType type, double value, Map<String, Object> metadata) {
    return new PerformanceMetric(
        type, value, time.now(), resourceSourceId, RESOURCE_AGENT_NAME, metadata);
  }

  private void recordResources(List<PerformanceMetric> metrics) {
    try {
      for (PerformanceMetric metric : metrics) {
        aggregator.addMetric(metric);
      }
    } catch (RuntimeException e) {
      droppedCalls.increment();
      logger.debug("Dropped resource metrics", e);
    }
  }

  private void dropResources(double cpuPercent, double memoryMb, int threads, int maxThreads) {
    droppedCalls.increment();
    logger.debug(
        "Dropped resource metrics cpu={} memoryMb={} threads={} maxThreads={}: values must be"
            + " finite and not negative, and active threads at most the pool's maximum",
        cpuPercent,
        memoryMb,
        threads,
        maxThreads);
  }

  private @Nullable TimingCollector collectorOrDrop(@Nullable String runId, String call) {
    Workflow workflow = runId != null ? workflows.getIfPresent(runId) : null;
    if (workflow == null) {
      drop(call, runId);
      return null;
    }
    return workflow.collector();
  }

  private void drop(String call, @Nullable String runId) {
    droppedCalls.increment();
    logger.debug("Ignored {} for run {}: no open workflow", call, runId);
  }

  private EnhancedExecutionTimingCollector collectorFor(String runId, String agentName) {
    return new EnhancedExecutionTimingCollector(executionIdOf(runId), agentName, time);
  }

  /**
   * The execution id of a run: the run id itself when it is a UUID, else a name-based UUID of it,
   * so that the same run gets the same id (and the same trace sampling decision) everywhere.
   */
  static UUID executionIdOf(String runId) {
    try {
      return UUID.fromString(runId);
    } catch (IllegalArgumentException notAUuid) {
      return UUID.nameUUIDFromBytes(runId.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void onEvicted(@Nullable String runId, @Nullable Workflow workflow, RemovalCause cause) {
    abandoned.increment();
    String agentName = workflow != null ? workflow.context().agentName() : "?";
    if (cause == RemovalCause.EXPIRED) {
      logger.warn(
          "Abandoned workflow {} of agent {}: not completed and untouched for {}",
          runId,
          agentName,
          config.workflowExpiry());
    } else {
      logger.warn(
          "Abandoned workflow {} of agent {}: dropped ({}) because more than {} were open",
          runId,
          agentName,
          cause,
          config.maxWorkflows());
    }
  }

  private static boolean isFiniteNonNegative(double value) {
    return value >= 0 && !Double.isInfinite(value);
  }

  /** An open workflow: the context it was started with and its collector. */
  private record Workflow(ExecutionContext context, EnhancedExecutionTimingCollector collector) {}
}
