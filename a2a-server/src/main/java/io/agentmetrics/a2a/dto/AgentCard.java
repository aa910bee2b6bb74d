package io.agentmetrics.a2a.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The A2A v0.3.0 agent card served at {@code /.well-known/agent-card.json}.
 *
 * @param protocolVersion always {@code 0.3.0}
 * @param name the agent's name
 * @param description what the agent does
 * @param url the JSON-RPC endpoint
 * @param preferredTransport always {@code JSONRPC}
 * @param version the agent's version
 * @param provider who runs the agent
 * @param capabilities streaming and push support
 * @param securitySchemes declared schemes, empty when the server is open
 * @param security the schemes a client must satisfy
 * @param defaultInputModes accepted media types
 * @param defaultOutputModes produced media types
 * @param skills what the agent can do
 * @param supportsAuthenticatedExtendedCard always {@code false}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AgentCard(
    String protocolVersion,
    String name,
    String description,
    String url,
    String preferredTransport,
    String version,
    AgentProvider provider,
    AgentCapabilities capabilities,
    Map<String, SecurityScheme> securitySchemes,
    List<Map<String, List<String>>> security,
    List<String> defaultInputModes,
    List<String> defaultOutputModes,
    List<AgentSkill> skills,
    boolean supportsAuthenticatedExtendedCard) {

  /** Checks the required fields and copies the collections. */
  public AgentCard {
    requireNonNull(protocolVersion, "protocolVersion");
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(url, "url");
    requireNonNull(preferredTransport, "preferredTransport");
    requireNonNull(version, "version");
    requireNonNull(provider, "provider");
    requireNonNull(capabilities, "capabilities");
    securitySchemes = Map.copyOf(securitySchemes);
    security = List.copyOf(security);
    defaultInputModes = List.copyOf(defaultInputModes);
    defaultOutputModes = List.copyOf(defaultOutputModes);
    skills = List.copyOf(skills);
  }

  /**
   * Who runs the agent.
   *
   * @param organization the organization
   * @param url its web site
   * @since 0.1.0
   */
  public record AgentProvider(String organization, String url) {

    /** Checks both fields. */
    public AgentProvider {
      requireNonNull(organization, "organization");
      requireNonNull(url, "url");
    }
  }

  /**
   * What the agent supports beyond plain sends.
   *
   * @param streaming whether {@code message/stream} is supported
   * @param pushNotifications whether push notifications are supported
   * @param stateTransitionHistory whether history of state changes is kept
   * @since 0.1.0
   */
  public record AgentCapabilities(
      boolean streaming, boolean pushNotifications, boolean stateTransitionHistory) {}

  /**
   * One skill of the agent.
   *
   * @param id the skill's id
   * @param name its name
   * @param description what it does
   * @param tags search tags
   * @param examples example prompts
   * @since 0.1.0
   */
  public record AgentSkill(
      String id, String name, String description, List<String> tags, List<String> examples) {

    /** Checks the fields and copies the lists. */
    public AgentSkill {
      requireNonNull(id, "id");
      requireNonNull(name, "name");
      requireNonNull(description, "description");
      tags = List.copyOf(tags);
      examples = List.copyOf(examples);
    }
  }

  /**
   * An HTTP authentication scheme (OpenAPI style), such as bearer.
   *
   * @param type always {@code http}
   * @param scheme the scheme, such as {@code bearer}
   * @param description how to obtain credentials
   * @since 0.1.0
   */
  public record SecurityScheme(String type, String scheme, String description) {

    /** Checks the fields. */
    public SecurityScheme {
      requireNonNull(type, "type");
      requireNonNull(scheme, "scheme");
      requireNonNull(description, "description");
    }
  }
}
