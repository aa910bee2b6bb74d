package io.agentmetrics.a2a.agent;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.dto.Artifact;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.TaskState;
import java.util.List;
import java.util.UUID;

/**
 * The agent's answer to one turn: the reply text, the state the task ends the turn in, and the
 * artifacts the turn produced.
 *
 * @param text the reply text, recorded as the agent's message in the task history
 * @param timings how long each agent stage took
 * @param state {@code COMPLETED}, {@code INPUT_REQUIRED} (the task waits for the user's next
 *     message) or {@code REJECTED}
 * @param artifacts the outputs of the turn, possibly none
 * @param asMessage whether the answer is a direct message rather than a task (A2A lets an agent
 *     answer a simple request with a message only); the turn is still recorded as a task
 * @since 0.1.0
 */
public record AgentReply(
    String text,
    AgentStageTimings timings,
    TaskState state,
    List<Artifact> artifacts,
    boolean asMessage) {

  /** The name of the artifact a plain text reply produces. */
  public static final String ANSWER_ARTIFACT = "answer";

  /** Checks the fields; a turn may end completed, waiting for input, or rejected. */
  public AgentReply {
    requireNonNull(text, "text");
    requireNonNull(timings, "timings");
    requireNonNull(state, "state");
    if (state != TaskState.COMPLETED
        && state != TaskState.INPUT_REQUIRED
        && state != TaskState.REJECTED) {
      throw new IllegalArgumentException(
          "a turn ends completed, input-required or rejected, got " + state.wireName());
    }
    artifacts = List.copyOf(artifacts);
  }

  /**
   * A completed turn whose answer is {@code text}, also kept as one text artifact.
   *
   * @param text the answer
   * @param timings how long each agent stage took
   * @since 0.1.0
   */
  public AgentReply(String text, AgentStageTimings timings) {
    this(
        text,
        timings,
        TaskState.COMPLETED,
        List.of(
            new Artifact(UUID.randomUUID().toString(), ANSWER_ARTIFACT, List.of(Part.text(text)))),
        false);
  }
}
