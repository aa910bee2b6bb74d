package io.agentmetrics.agent.llm;

import static java.util.Objects.requireNonNull;

/**
 * One server-sent event.
 *
 * @param type the {@code event:} field, {@code "message"} when absent
 * @param data the {@code data:} lines joined with {@code \n}
 */
record SseEvent(String type, String data) {

  static final String DEFAULT_TYPE = "message";

  SseEvent {
    requireNonNull(type, "type");
    requireNonNull(data, "data");
  }
}
