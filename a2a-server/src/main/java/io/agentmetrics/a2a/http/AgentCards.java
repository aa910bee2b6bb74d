package io.agentmetrics.a2a.http;

import io.agentmetrics.a2a.dto.AgentCard;
import io.agentmetrics.a2a.dto.AgentCard.AgentCapabilities;
import io.agentmetrics.a2a.dto.AgentCard.AgentProvider;
import io.agentmetrics.a2a.dto.AgentCard.AgentSkill;
import io.agentmetrics.a2a.dto.AgentCard.SecurityScheme;
import java.util.List;
import java.util.Map;

/**
 * The study agent's card.
 *
 * @since 0.1.0
 */
public final class AgentCards {

  /** The A2A protocol version served. */
  public static final String PROTOCOL_VERSION = "0.3.0";

  /** The agent's name. */
  public static final String AGENT_NAME = "agentmetrics Study Agent";

  private static final String BEARER = "bearer";

  private AgentCards() {}

  /**
   * The card of the study agent served at {@code url}.
   *
   * @param url the JSON-RPC endpoint (the server's base URL or {@code A2A_PUBLIC_URL})
   * @param version the server's version
   * @param llm which LLM answers; {@code simulated} is called out in the description
   * @param bearerAuth whether JSON-RPC calls need a bearer token
   * @param pushNotifications whether push notifications are offered
   * @return the card
   * @since 0.1.0
   */
  public static AgentCard studyAgent(
      String url, String version, String llm, boolean bearerAuth, boolean pushNotifications) {
    String model =
        "simulated".equals(llm)
            ? " Answers come from a simulated LLM (no model is called), for latency profiling."
            : " Answers come from " + llm + ".";
    return new AgentCard(
        PROTOCOL_VERSION,
        AGENT_NAME,
        "A study helper that explains topics and quizzes you, with per-stage latency tracing."
            + model,
        url,
        "JSONRPC",
        version,
        new AgentProvider("agentmetrics", "https://github.com/agentmetrics/agentmetrics"),
        new AgentCapabilities(true, pushNotifications, false),
        bearerAuth
            ? Map.of(
                BEARER,
                new SecurityScheme(
                    "http", BEARER, "Send Authorization: Bearer <A2A_AUTH_TOKEN of the server>"))
            : Map.of(),
        bearerAuth ? List.of(Map.of(BEARER, List.of())) : List.of(),
        List.of("text/plain"),
        List.of("text/plain"),
        List.of(
            new AgentSkill(
                "study-help",
                "Study help",
                "Explains a topic step by step and suggests how to practise it.",
                List.of("study", "education", "explain"),
                List.of("Explain photosynthesis", "How do I solve quadratic equations?")),
            new AgentSkill(
                "quiz",
                "Quiz me",
                "Asks short questions on a topic to check understanding.",
                List.of("quiz", "practice"),
                List.of("Quiz me on the French revolution"))),
        false);
  }
}
