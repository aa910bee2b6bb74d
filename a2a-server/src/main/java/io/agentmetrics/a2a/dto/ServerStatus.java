package io.agentmetrics.a2a.dto;

import static java.util.Objects.requireNonNull;

/**
 * The small JSON answer of {@code GET /} and {@code GET /health}.
 *
 * @param status {@code ok}, or {@code stopping} during shutdown
 * @param name the agent's name
 * @param version the server's version
 * @param protocolVersion the A2A protocol version
 * @param llm which LLM answers ({@code simulated} or a provider name)
 * @since 0.1.0
 */
public record ServerStatus(
    String status, String name, String version, String protocolVersion, String llm) {

  /** Checks the fields. */
  public ServerStatus {
    requireNonNull(status, "status");
    requireNonNull(name, "name");
    requireNonNull(version, "version");
    requireNonNull(protocolVersion, "protocolVersion");
    requireNonNull(llm, "llm");
  }
}
