package io.agentmetrics.a2a.profile;

import java.util.Comparator;
import java.util.List;

/**
 * The stage names of the seed's tracing guide, in the order a request passes through them. The
 * request stages come from {@code tasks_send_latency} events, the agent stages from {@code
 * agent_processing_detail} events; {@code agent_processing} contains the agent stages.
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

  static final List<String> REQUEST_STAGES =
      List.of(JSON_PARSING, MESSAGE_NORMALIZATION, AGENT_PROCESSING, RESPONSE_SERIALIZATION, TOTAL);
  static final List<String> AGENT_STAGES =
      List.of(TEXT_EXTRACTION, CONTEXT_LOOKUP, LLM_INVOCATION, RESPONSE_BUILDING);

  /** Request order, the agent stages right after {@code agent_processing}, unknown names last. */
  static final List<String> DISPLAY_ORDER =
      List.of(
          JSON_PARSING,
          MESSAGE_NORMALIZATION,
          AGENT_PROCESSING,
          TEXT_EXTRACTION,
          CONTEXT_LOOKUP,
          LLM_INVOCATION,
          RESPONSE_BUILDING,
          RESPONSE_SERIALIZATION,
          TOTAL);

  static final Comparator<StageSummary> ORDER_BY_NAME =
      Comparator.comparingInt((StageSummary s) -> rank(s.name()));

  private Stages() {}

  static int rank(String name) {
    int i = DISPLAY_ORDER.indexOf(name);
    return i < 0 ? DISPLAY_ORDER.size() : i;
  }
}
