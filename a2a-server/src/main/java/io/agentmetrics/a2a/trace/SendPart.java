package io.agentmetrics.a2a.trace;

import io.agentmetrics.a2a.stage.SendSpan;
import io.agentmetrics.a2a.stage.Stage;
import io.agentmetrics.aggregator.NamedMetric;
import java.util.List;
import java.util.Optional;

/**
 * The parts a send's end-to-end time ({@link SendSpan}) splits into, in display order: the
 * request's and the task's stages, what of the task service's span its stages do not cover ({@link
 * #AGENT_OTHER}), and what of the request's total its stages do not cover ({@link #OTHER}). For a
 * consistent send every part is at least zero and the parts add up to the end-to-end time exactly.
 */
// NamedMetric is a record of two Strings and a double, immutable though not annotated @Immutable.
@SuppressWarnings("ImmutableEnumChecker")
enum SendPart {
  JSON_PARSING(Stage.JSON_PARSING),
  MESSAGE_NORMALIZATION(Stage.MESSAGE_NORMALIZATION),
  QUEUE_WAIT(Stage.QUEUE_WAIT),
  TEXT_EXTRACTION(Stage.TEXT_EXTRACTION),
  CONTEXT_LOOKUP(Stage.CONTEXT_LOOKUP),
  LLM_INVOCATION(Stage.LLM_INVOCATION),
  RESPONSE_BUILDING(Stage.RESPONSE_BUILDING),
  AGENT_OTHER("agent_other", "Agent (other)"),
  RESPONSE_SERIALIZATION(Stage.RESPONSE_SERIALIZATION),
  OTHER("other", "Other");

  /** The end-to-end time itself, beside its parts. */
  static final NamedMetric END_TO_END = NamedMetric.of("send.end_to_end", "ms");

  private static final List<SendPart> ALL = List.of(values());

  private final String id;
  private final String label;
  private final boolean llm;
  private final NamedMetric metric;

  SendPart(Stage stage) {
    this(stage.id(), stage.label(), stage.isLlm());
  }

  SendPart(String id, String label) {
    this(id, label, false);
  }

  SendPart(String id, String label, boolean llm) {
    this.id = id;
    this.label = label;
    this.llm = llm;
    this.metric = NamedMetric.of("send." + id, "ms");
  }

  String id() {
    return id;
  }

  String label() {
    return label;
  }

  boolean llm() {
    return llm;
  }

  NamedMetric metric() {
    return metric;
  }

  static List<SendPart> all() {
    return ALL;
  }

  /**
   * A send's parts, indexed by ordinal, or empty when its request stages exceed its total or its
   * task's stages its task total.
   */
  static Optional<double[]> split(RequestLatency request, AgentRunLatency run) {
    double taskParts =
        run.queueWaitMs()
            + run.stages().textExtractionMs()
            + run.stages().contextLookupMs()
            + run.stages().llmInvocationMs()
            + run.stages().responseBuildingMs();
    double requestParts =
        request.jsonParsingMs()
            + request.messageNormalizationMs()
            + request.agentProcessingMs()
            + request.responseSerializationMs();
    if (requestParts > request.totalMs() + SendSpan.EPSILON_MS
        || taskParts > run.taskTotalMs() + SendSpan.EPSILON_MS) {
      return Optional.empty();
    }
    double[] parts = new double[ALL.size()];
    parts[JSON_PARSING.ordinal()] = request.jsonParsingMs();
    parts[MESSAGE_NORMALIZATION.ordinal()] = request.messageNormalizationMs();
    parts[QUEUE_WAIT.ordinal()] = run.queueWaitMs();
    parts[TEXT_EXTRACTION.ordinal()] = run.stages().textExtractionMs();
    parts[CONTEXT_LOOKUP.ordinal()] = run.stages().contextLookupMs();
    parts[LLM_INVOCATION.ordinal()] = run.stages().llmInvocationMs();
    parts[RESPONSE_BUILDING.ordinal()] = run.stages().responseBuildingMs();
    // Both residuals are at least -EPSILON_MS after the checks above: zero only floating-point
    // dust.
    parts[AGENT_OTHER.ordinal()] =
        Math.max(
            0, SendSpan.agentSpanMs(request.agentProcessingMs(), run.taskTotalMs()) - taskParts);
    parts[RESPONSE_SERIALIZATION.ordinal()] = request.responseSerializationMs();
    parts[OTHER.ordinal()] = Math.max(0, request.totalMs() - requestParts);
    return Optional.of(parts);
  }
}
