package io.agentmetrics.agent.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson mapper of the LLM clients, configured once. Thread-safe. */
final class LlmJson {

  /** Tolerates fields providers add later; the clients read only what they need. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private LlmJson() {}
}
