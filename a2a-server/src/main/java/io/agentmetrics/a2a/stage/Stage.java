package io.agentmetrics.a2a.stage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stages of the seed's tracing guide, with the server's {@code queue_wait} and {@code
 * task_total}, in display order: the request's flow, with the task right after {@code
 * agent_processing}, where the message is handed over.
 *
 * <p>A request's parts ({@link Scope#REQUEST}, not {@link #isWhole() whole}) run one after the
 * other on the request thread, within {@link #TOTAL}; a task's parts run one after the other within
 * {@link #TASK_TOTAL}, from the hand-off of the message to the task's final state. For a blocking
 * send the task lies inside {@link #AGENT_PROCESSING}; a non-blocking send's task goes on after the
 * response.
 *
 * <p>Goals are on a stage's p95: the seed's four ({@link #hasSeedGoal()}), which {@code
 * trace-report} checks, and, for the live bottlenecks only, the metrics aggregator's defaults for
 * the queue wait and the model call.
 *
 * @since 0.1.0
 */
public enum Stage {
  /** Parsing the JSON-RPC body. */
  JSON_PARSING("json_parsing", "JSON parsing", Scope.REQUEST, false, 1, true),
  /** Validating and normalizing the message. */
  MESSAGE_NORMALIZATION(
      "message_normalization", "Message normalization", Scope.REQUEST, false, 5, true),
  /** The request thread's wait for the task service: the whole task for a blocking send. */
  AGENT_PROCESSING("agent_processing", "Agent processing", Scope.REQUEST, false, 0, false),
  /** The task, from the hand-off of the message to its final state. */
  TASK_TOTAL("task_total", "Task total", Scope.TASK, true, 0, false),
  /** The task's wait for an agent thread. */
  QUEUE_WAIT("queue_wait", "Queue wait", Scope.TASK, false, 500, false),
  /** Reading the message's text. */
  TEXT_EXTRACTION("text_extraction", "Text extraction", Scope.TASK, false, 0, false),
  /** Loading the conversation. */
  CONTEXT_LOOKUP("context_lookup", "Context lookup", Scope.TASK, false, 1, true),
  /** The model call. */
  LLM_INVOCATION("llm_invocation", "LLM invocation", Scope.TASK, false, 3_000, false),
  /** Building the reply. */
  RESPONSE_BUILDING("response_building", "Response building", Scope.TASK, false, 0, false),
  /** Serializing the JSON-RPC response. */
  RESPONSE_SERIALIZATION(
      "response_serialization", "Response serialization", Scope.REQUEST, false, 10, true),
  /** The request, from its first byte to its response. */
  TOTAL("total", "Total", Scope.REQUEST, true, 0, false);

  /** Where a stage runs. */
  public enum Scope {
    /** On the request thread, within {@link #TOTAL}. */
    REQUEST,
    /** In the task, within {@link #TASK_TOTAL}. */
    TASK
  }

  /** The request's parts, in order. */
  public static final List<Stage> REQUEST_PARTS = parts(Scope.REQUEST);

  /** The task's parts, in order: the queue wait and the seed's four agent stages. */
  public static final List<Stage> TASK_PARTS = parts(Scope.TASK);

  /** The seed's four agent stages, in order. */
  public static final List<Stage> AGENT_STAGES =
      List.of(TEXT_EXTRACTION, CONTEXT_LOOKUP, LLM_INVOCATION, RESPONSE_BUILDING);

  private static final Map<String, Stage> BY_ID =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Stage::id, Function.identity()));

  private final String id;
  private final String label;
  private final Scope scope;
  private final boolean whole;
  private final double goalMs;
  private final boolean seedGoal;

  Stage(String id, String label, Scope scope, boolean whole, double goalMs, boolean seedGoal) {
    this.id = id;
    this.label = label;
    this.scope = scope;
    this.whole = whole;
    this.goalMs = goalMs;
    this.seedGoal = seedGoal;
  }

  /**
   * The name in trace events and JSON, e.g. {@code json_parsing}.
   *
   * @return the id
   * @since 0.1.0
   */
  public String id() {
    return id;
  }

  /**
   * The name for people, e.g. {@code JSON parsing}.
   *
   * @return the label
   * @since 0.1.0
   */
  public String label() {
    return label;
  }

  /**
   * Whether the stage runs in the request or in its task.
   *
   * @return the scope
   * @since 0.1.0
   */
  public Scope scope() {
    return scope;
  }

  /**
   * Whether the stage is its scope's whole ({@link #TOTAL}, {@link #TASK_TOTAL}) rather than a part
   * of it.
   *
   * @return whether it is a total
   * @since 0.1.0
   */
  public boolean isWhole() {
    return whole;
  }

  /**
   * The p95 goal, when the stage has one.
   *
   * @return the limit in milliseconds
   * @since 0.1.0
   */
  public OptionalDouble goalMs() {
    return goalMs > 0 ? OptionalDouble.of(goalMs) : OptionalDouble.empty();
  }

  /**
   * Whether the goal is one of the seed's four, which {@code trace-report} checks.
   *
   * @return whether the seed sets the goal
   * @since 0.1.0
   */
  public boolean hasSeedGoal() {
    return seedGoal;
  }

  /**
   * Whether the stage is the model call.
   *
   * @return whether it is {@link #LLM_INVOCATION}
   * @since 0.1.0
   */
  public boolean isLlm() {
    return this == LLM_INVOCATION;
  }

  /**
   * The stage of a name.
   *
   * @param id a name such as {@code json_parsing}
   * @return the stage, or empty for a name outside the vocabulary
   * @since 0.1.0
   */
  public static Optional<Stage> of(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /**
   * The display position of a name: its stage's ordinal, unknown names after every stage.
   *
   * @param id a stage name
   * @return the sort key
   * @since 0.1.0
   */
  public static int rank(String id) {
    return of(id).map(Stage::ordinal).orElse(values().length);
  }

  private static List<Stage> parts(Scope scope) {
    return Arrays.stream(values()).filter(s -> s.scope == scope && !s.whole).toList();
  }
}
