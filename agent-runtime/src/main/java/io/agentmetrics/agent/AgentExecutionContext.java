package io.agentmetrics.agent;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.Preconditions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The context of one agent run: its ids, the user it serves, its attributes and its {@link
 * DeepAgentState working state}.
 *
 * <pre>{@code
 * AgentExecutionContext context = AgentExecutionContext.builder()
 *     .runId(UUID.randomUUID().toString())
 *     .agentName("supervisor")
 *     .state(new DeepAgentState())
 *     .userId("user123")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe, apart from the state, which is itself thread-safe. The state is not
 * among the {@link #attributes()}, so it never reaches metrics sinks.
 *
 * @since 0.1.0
 */
public final class AgentExecutionContext implements ExecutionContext {

  private final String runId;
  private final String agentName;
  private final @Nullable String userId;
  private final DeepAgentState state;
  private final Map<String, Object> attributes;

  private AgentExecutionContext(Builder builder) {
    this.runId = required(builder.runId, "runId");
    this.agentName = required(builder.agentName, "agentName");
    this.userId = builder.userId;
    this.state = builder.state != null ? builder.state : new DeepAgentState();
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.attributes));
  }

  /** A builder; {@code runId} and {@code agentName} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A context with the given ids, a fresh state, no user and no attributes. */
  public static AgentExecutionContext of(String runId, String agentName) {
    return builder().runId(runId).agentName(agentName).build();
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public String agentName() {
    return agentName;
  }

  @Override
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /** The conversation (A2A context id) this run belongs to, if known. */
  public Optional<String> conversationId() {
    Object conversationId = attributes.get(CONVERSATION_ID);
    return conversationId == null ? Optional.empty() : Optional.of(conversationId.toString());
  }

  /** The working state of this run. */
  public DeepAgentState state() {
    return state;
  }

  /** The attributes of this run, in the order they were set; unmodifiable. */
  @Override
  public Map<String, Object> attributes() {
    return attributes;
  }

  /** A builder that starts with this context's values, to derive a similar context. */
  public Builder toBuilder() {
    Builder builder = new Builder().runId(runId).agentName(agentName).state(state);
    builder.userId = userId;
    builder.attributes.putAll(attributes);
    return builder;
  }

  @Override
  public String toString() {
    return "AgentExecutionContext[runId="
        + runId
        + ", agentName="
        + agentName
        + ", userId="
        + userId
        + ", attributes="
        + attributes
        + "]";
  }

  private static String required(@Nullable String value, String field) {
    if (value == null) {
      throw new NullPointerException(
          field + " is required: call AgentExecutionContext.builder()." + field + "(...)");
    }
    return value;
  }

  /**
   * Builds an {@link AgentExecutionContext}. Each setter checks its argument. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String runId;
    private @Nullable String agentName;
    private @Nullable String userId;
    private @Nullable DeepAgentState state;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the run id; required, not blank. */
    public Builder runId(String runId) {
      this.runId = Preconditions.notBlank(runId, "runId");
      return this;
    }

    /** Sets the agent name; required, not blank. */
    public Builder agentName(String agentName) {
      this.agentName = Preconditions.notBlank(agentName, "agentName");
      return this;
    }

    /** Sets the user the run serves; not blank. Without it the run has no user. */
    public Builder userId(String userId) {
      this.userId = Preconditions.notBlank(userId, "userId");
      return this;
    }

    /** Sets the working state; without it the run gets a new, empty one. */
    public Builder state(DeepAgentState state) {
      this.state = requireNonNull(state, "state");
      return this;
    }

    /** Sets the conversation id, stored as the {@link #CONVERSATION_ID} attribute; not blank. */
    public Builder conversationId(String conversationId) {
      return attribute(CONVERSATION_ID, Preconditions.notBlank(conversationId, "conversationId"));
    }

    /** Sets one attribute, replacing any previous value of that key. */
    public Builder attribute(String key, Object value) {
      requireNonNull(key, "key");
      attributes.put(key, requireNonNull(value, () -> "value of attribute '" + key + "'"));
      return this;
    }

    /** Sets every attribute of {@code attributes}, in its iteration order. */
    public Builder attributes(Map<String, ?> attributes) {
      requireNonNull(attributes, "attributes").forEach(this::attribute);
      return this;
    }

    /**
     * Builds the context.
     *
     * @throws NullPointerException naming {@code runId} or {@code agentName} if one was not set
     */
    public AgentExecutionContext build() {
      return new AgentExecutionContext(this);
    }
  }
}
