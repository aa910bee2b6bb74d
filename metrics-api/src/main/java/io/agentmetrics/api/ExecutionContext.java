package io.agentmetrics.api;

import java.util.Map;
import java.util.Optional;

/**
 * Identifies one agent execution: which run it is, which agent runs it, and for whom.
 *
 * <p>Implementations are immutable, apart from any mutable state they carry in {@link
 * #attributes()} values.
 *
 * @since 0.1.0
 */
public interface ExecutionContext {

  /** Attribute key for the conversation (A2A context id) an execution belongs to. */
  String CONVERSATION_ID = "conversation_id";

  /** The unique id of this run. */
  String runId();

  /** The name of the agent that runs it. */
  String agentName();

  /** The user the run serves, if known. */
  Optional<String> userId();

  /** Further attributes of the run, such as {@link #CONVERSATION_ID}; never null. */
  Map<String, Object> attributes();
}
