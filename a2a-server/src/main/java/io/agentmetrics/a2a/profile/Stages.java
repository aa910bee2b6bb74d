package io.agentmetrics.a2a.profile;

import java.util.Comparator;
import java.util.List;

/**
 * The stage names of the seed's tracing guide, in the order a request passes through them, with the
 * server's {@code queue_wait} and {@code task_total}. The request stages come from {@code
 * tasks_send_latency} events and add up to at most {@code total}; the task's come from {@code
 * agent_processing_detail} events and add up to at most {@code task_total}, from the hand-off of
 * the message to the task's final state. For a blocking send the task lies inside {@code
 * agent_processing}; a non-blocking send's task goes on after the response.
 */
final class Stages {

  static final String JSON_PARSING = "json_parsing";
  static final String MESSAGE_NORMALIZATION = "message_normalization";
  static final String AGENT_PROCESSING = "agent_processing";
  static final String RESPONSE_SERIALIZATION = "response_serialization";
  static final String TOTAL = "total";
  static final String TEXT_EXTRACTION = "text_extraction";
  static final String CONTEXT_LOOKUP = "context_lookup";
  static final String LLM_INVOCATION = "llm_invocation";
  static final String RESPONSE_BUILDING = "response_building";
  static final String QUEUE_WAIT = "queue_wait";
  static final String TASK_TOTAL = "task_total";

  /** The request's stages, which run one after the other within {@code total}. */
  static final List<String> REQUEST_PARTS =
      List.of(JSON_PARSING, MESSAGE_NORMALIZATION, AGENT_PROCESSING, RESPONSE_SERIALIZATION);

  /** The seed's four agent stages. */
  static final List<String> AGENT_STAGES =
      List.of(TEXT_EXTRACTION, CONTEXT_LOOKUP, LLM_INVOCATION, RESPONSE_BUILDING);

  /** The task's stages, which run one after the other within {@code task_total}. */
  static final List<String> TASK_PARTS =
      List.of(QUEUE_WAIT, TEXT_EXTRACTION, CONTEXT_LOOKUP, LLM_INVOCATION, RESPONSE_BUILDING);

  /** Request order, the task right after {@code agent_processing}, unknown names last. */
  static final List<String> DISPLAY_ORDER =
      List.of(
          JSON_PARSING,
          MESSAGE_NORMALIZATION,
          AGENT_PROCESSING,
          TASK_TOTAL,
          QUEUE_WAIT,
          TEXT_EXTRACTION,
          CONTEXT_LOOKUP,
          LLM_INVOCATION,
          RESPONSE_BUILDING,
          RESPONSE_SERIALIZATION,
          TOTAL);

  static final Comparator<StageSummary> ORDER_BY_NAME =
      Comparator.comparingInt((StageSummary s) -> rank(s.name()));

  private Stages() {}

  /** Whether the stage is the task's: {@code task_total} or one of its parts. */
  static boolean ofTask(String name) {
    return TASK_TOTAL.equals(name) || TASK_PARTS.contains(name);
  }

  static int rank(String name) {
    int i = DISPLAY_ORDER.indexOf(name);
    return i < 0 ? DISPLAY_ORDER.size() : i;
  }
}
