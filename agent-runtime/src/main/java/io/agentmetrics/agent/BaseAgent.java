package io.agentmetrics.agent;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.agent.llm.PriceTable;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.PhaseCategory;
import io.agentmetrics.api.PhaseTimer;
import io.agentmetrics.api.Preconditions;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingCollector;
import io.agentmetrics.core.EnhancedExecutionTimingCollector;
import io.agentmetrics.core.LoggingSinkFailureHandler;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every agent: {@link #run(ExecutionContext)} times each execution and reports it, so
 * that a subclass only writes {@link #execute(ExecutionContext, TimingCollector)}.
 *
 * <pre>{@code
 * final class GreetingAgent extends BaseAgent {
 *   GreetingAgent(List<MetricsSink> sinks) {
 *     super("greeting_agent", sinks);
 *   }
 *
 *   @Override
 *   protected ExecutionResult execute(ExecutionContext context, TimingCollector timing) {
 *     return ExecutionResult.success(Map.of("greeting", "Hello " + context.userId().orElse("you")));
 *   }
 * }
 * }</pre>
 *
 * <p>Each call of {@link #run} gets its own {@link EnhancedExecutionTimingCollector}, never a
 * field, so one agent serves any number of concurrent executions without sharing timing state. The
 * call
 *
 * <ol>
 *   <li>times the {@code initialization} phase around {@link #initialize}, which counts as
 *       initialization in the breakdown;
 *   <li>times the {@value #EXECUTION_PHASE} phase around {@link #execute}; phases the agent starts
 *       inside become its children;
 *   <li>turns an exception into {@link ExecutionResult#failure(Throwable)} and a failed outcome in
 *       the metrics (an {@link InterruptedException} also sets the thread's interrupt flag again);
 *   <li>completes the collector, which closes any phase left running, prices the LLM calls that
 *       reported token usage with the agent's {@link PriceTable} ({@link PriceTable#defaults()}
 *       unless given one), and hands the {@link CompletedExecution}, with the context's attributes,
 *       to every sink in order, through a {@linkplain MetricsSink#composite composite}: a sink that
 *       throws is skipped and never fails the execution or the other sinks; its first failure is
 *       logged at WARN on {@link #logger()}, later ones at DEBUG.
 * </ol>
 *
 * <p>Subclasses must be thread-safe in the same way: keep per-execution data in locals, the {@link
 * AgentExecutionContext#state() state} or the collector, not in fields.
 *
 * @since 0.1.0
 */
public abstract class BaseAgent {

  /** The phase around {@link #initialize}: the initialization category's id. */
  public static final String INITIALIZATION_PHASE = PhaseCategory.INITIALIZATION.id();

  /** The phase around {@link #execute}. */
  public static final String EXECUTION_PHASE = "execution";

  /** The outcome's error type when {@link #execute} returns a failed result without throwing. */
  public static final String FAILED_RESULT = "failed_result";

  private final String name;
  private final Logger logger;
  private final List<MetricsSink> sinks;
  private final MetricsSink delivery;
  private final TimeSource timeSource;
  private final PriceTable prices;

  /**
   * An agent that reports to no sink; its timings are still in the log at DEBUG.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  protected BaseAgent(String name) {
    this(name, List.of());
  }

  /**
   * An agent that hands every finished execution to {@code sinks}, in order.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  protected BaseAgent(String name, List<? extends MetricsSink> sinks) {
    this(name, sinks, TimeSource.system());
  }

  /**
   * An agent timed by {@code timeSource}; tests pass a fake one to move time without sleeping.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  protected BaseAgent(String name, List<? extends MetricsSink> sinks, TimeSource timeSource) {
    this(name, sinks, timeSource, PriceTable.defaults());
  }

  /**
   * An agent whose LLM calls are priced with {@code prices}.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   * @since 0.1.0
   */
  protected BaseAgent(
      String name, List<? extends MetricsSink> sinks, TimeSource timeSource, PriceTable prices) {
    this.name = Preconditions.notBlank(name, "name");
    this.sinks = List.copyOf(requireNonNull(sinks, "sinks"));
    this.timeSource = requireNonNull(timeSource, "timeSource");
    this.prices = requireNonNull(prices, "prices");
    this.logger = LoggerFactory.getLogger(getClass());
    this.delivery = MetricsSink.composite(this.sinks, new LoggingSinkFailureHandler(logger));
  }

  /** The agent's name, as reported with every metric. */
  public final String name() {
    return name;
  }

  /** A logger named after the concrete agent class. */
  public final Logger logger() {
    return logger;
  }

  /** The prices this agent's LLM calls are costed with. */
  public final PriceTable prices() {
    return prices;
  }

  /** The sinks every finished execution goes to, in order. */
  public final List<MetricsSink> sinks() {
    return sinks;
  }

  /**
   * Runs one execution: times it, turns an exception into a failed result, and reports it to the
   * sinks. Safe to call from many threads at once.
   *
   * @return the result of {@link #execute}, or a failure if it threw or returned null
   * @throws Error if {@link #execute} throws one, after the failed execution was reported
   */
  public final ExecutionResult run(ExecutionContext context) {
    requireNonNull(context, "context");
    TimingCollector timing =
        new EnhancedExecutionTimingCollector(newExecutionId(context), name, timeSource);
    ExecutionResult result;
    ExecutionOutcome outcome;
    try {
      result = runPhases(context, timing);
      outcome =
          result.success()
              ? ExecutionOutcome.succeeded()
              : ExecutionOutcome.failed(FAILED_RESULT, result.error().orElse("failed"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      logger.warn("Agent {} execution {} was interrupted", name, timing.executionId());
      result = ExecutionResult.failure(e);
      outcome = ExecutionOutcome.failed(e);
    } catch (Exception e) {
      logger.warn("Agent {} execution {} failed", name, timing.executionId(), e);
      result = ExecutionResult.failure(e);
      outcome = ExecutionOutcome.failed(e);
    } catch (Error e) {
      report(timing, ExecutionOutcome.failed(e), context);
      throw e;
    }
    report(timing, outcome, context);
    return result;
  }

  /**
   * Prepares an execution, inside the {@code initialization} phase. Does nothing unless overridden.
   * An exception fails the execution without calling {@link #execute}.
   *
   * @param context the execution's context
   * @param timing the execution's collector
   * @throws Exception to fail the execution
   */
  protected void initialize(ExecutionContext context, TimingCollector timing) throws Exception {}

  /**
   * Does the agent's work, inside the {@value #EXECUTION_PHASE} phase.
   *
   * @param context the execution's context; an {@link AgentExecutionContext} carries the state
   * @param timing the collector of this execution only; start phases, record the first token and
   *     add metrics on it, or use {@link AgentTiming}
   * @return the result; never null
   * @throws Exception to fail the execution; the exception's message becomes the result's error
   */
  protected abstract ExecutionResult execute(ExecutionContext context, TimingCollector timing)
      throws Exception;

  /**
   * The id of a new execution. A random UUID unless overridden; the run id travels separately, as
   * the {@link CompletedExecution#RUN_ID} attribute.
   */
  protected UUID newExecutionId(ExecutionContext context) {
    return UUID.randomUUID();
  }

  private ExecutionResult runPhases(ExecutionContext context, TimingCollector timing)
      throws Exception {
    PhaseTimer initialization = timing.startPhase(INITIALIZATION_PHASE);
    try {
      initialize(context, timing);
    } finally {
      initialization.close();
    }
    ExecutionResult result;
    PhaseTimer execution = timing.startPhase(EXECUTION_PHASE);
    try {
      result = execute(context, timing);
    } finally {
      execution.close();
    }
    if (result == null) {
      throw new IllegalStateException(
          getClass().getName()
              + ".execute returned null; return ExecutionResult.success(...) or failure(...)");
    }
    return result;
  }

  /** Completes the collector and hands the execution to every sink; never throws. */
  private void report(TimingCollector timing, ExecutionOutcome outcome, ExecutionContext context) {
    CompletedExecution completed;
    try {
      completed =
          ExecutionCosts.price(timing.complete(outcome).withContext(outcome, context), prices);
    } catch (RuntimeException e) {
      logger.warn(
          "Agent {} execution {} could not be completed; its metrics are lost",
          name,
          timing.executionId(),
          e);
      return;
    }
    if (logger.isDebugEnabled()) {
      logger.debug(
          "Agent {} execution {} finished in {} ms (success: {})",
          name,
          completed.executionId(),
          completed.breakdown().totalMs(),
          outcome.success());
    }
    delivery.onExecutionCompleted(completed);
  }
}
