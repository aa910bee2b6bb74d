package io.agentmetrics.core;

import io.agentmetrics.api.PhaseCategory;

/** The advice {@link PerformanceAnalyzer} gives for a category that takes too much time. */
final class Recommendations {

  private Recommendations() {}

  /** How a sentence names where the time went, as in "40% of the time is {subject}". */
  static String subject(PhaseCategory category) {
    return switch (category) {
      case INITIALIZATION -> "initialization";
      case TOOL_EXECUTION -> "tool execution";
      case LLM_PROCESSING -> "LLM processing";
      case WEBSOCKET_NOTIFICATION -> "WebSocket notification";
      case DATABASE_QUERY -> "database queries";
      case EXTERNAL_API -> "external API calls";
      case QUEUE_WAIT -> "queue wait";
    };
  }

  /** What to do about it. */
  static String advice(PhaseCategory category) {
    return switch (category) {
      case INITIALIZATION ->
          "create clients, models and configuration once and reuse them across executions"
              + " instead of building them per request.";
      case TOOL_EXECUTION ->
          "run independent tool calls in parallel, put timeouts on slow tools, and cache results"
              + " of tools whose inputs repeat.";
      case LLM_PROCESSING ->
          "this is usual for agents (often 80-95%), but cache responses to repeated prompts,"
              + " stream responses to cut time to first token, and send simple steps to a faster"
              + " model.";
      case WEBSOCKET_NOTIFICATION ->
          "send notifications asynchronously or batch them, so that clients do not hold up the"
              + " agent.";
      case DATABASE_QUERY ->
          "add indexes for the slow queries, batch round trips, and cache hot reads with a size"
              + " limit or TTL.";
      case EXTERNAL_API ->
          "call independent APIs in parallel, reuse HTTP connections, set timeouts, and cache"
              + " responses that allow it.";
      case QUEUE_WAIT ->
          "requests wait for a free worker: add workers or capacity, or shed load earlier.";
    };
  }
}
