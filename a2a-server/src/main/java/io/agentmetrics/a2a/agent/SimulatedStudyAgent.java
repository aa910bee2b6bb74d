package io.agentmetrics.a2a.agent;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A study helper with a simulated LLM: the seed's StudlyAgent stages, timed, around a model that
 * waits a configured latency and answers from the question and history. It stands in until the
 * agent-runtime {@code BaseAgent} and LLM clients are wired in.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class SimulatedStudyAgent implements TaskProcessor {

  private static final double NANOS_PER_MS = 1_000_000.0;

  private final ConversationStore conversations;
  private final Duration llmLatency;
  private final TimeSource time;

  /**
   * An agent answering after {@code llmLatency}.
   *
   * @param conversations where turns are kept per context
   * @param llmLatency the simulated LLM latency, {@code 0} for load tests
   * @param time the clock used to time the stages
   * @since 0.1.0
   */
  public SimulatedStudyAgent(
      ConversationStore conversations, Duration llmLatency, TimeSource time) {
    this.conversations = requireNonNull(conversations, "conversations");
    this.llmLatency = requireNonNull(llmLatency, "llmLatency");
    this.time = requireNonNull(time, "time");
  }

  @Override
  public AgentReply process(AgentRequest request) throws InterruptedException {
    long t0 = time.nanoTime();
    String question = request.message().query().strip();
    long t1 = time.nanoTime();
    List<String> history = new ArrayList<>(conversations.history(request.contextId()));
    for (String turn : request.message().history()) {
      if (!history.contains(turn)) {
        history.add(turn);
      }
    }
    long t2 = time.nanoTime();
    String answer = invokeModel(question, history.size());
    long t3 = time.nanoTime();
    conversations.append(request.contextId(), List.of(question, answer));
    long t4 = time.nanoTime();
    return new AgentReply(
        answer, new AgentStageTimings(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3)));
  }

  private String invokeModel(String question, int earlierTurns) throws InterruptedException {
    if (!llmLatency.isZero()) {
      Thread.sleep(llmLatency.toMillis());
    }
    return "[simulated model] Study notes on \""
        + question
        + "\": start from the definition, work one example, then test yourself. ("
        + earlierTurns
        + " earlier turns considered.)";
  }

  private static double ms(long nanos) {
    return nanos / NANOS_PER_MS;
  }
}
