package io.agentmetrics.a2a.agent;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.store.ContextRepository;
import io.agentmetrics.a2a.telex.MessageText;
import io.agentmetrics.a2a.telex.TelexNormalizer;
import io.agentmetrics.agent.AgentTiming;
import io.agentmetrics.agent.BaseAgent;
import io.agentmetrics.agent.ExecutionResult;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.LlmRequest;
import io.agentmetrics.agent.llm.LlmResponse;
import io.agentmetrics.agent.llm.LlmStreamListener;
import io.agentmetrics.agent.llm.PriceTable;
import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.PhaseTimer;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The seed's StudlyAgent: a study helper timed in four stages, {@code text_extraction} (the plain
 * query and history from the message's parts: Telex's HTML to text, the conversation deduplicated),
 * {@code context_lookup} (the conversation of the context, bounded), {@code llm_invocation} and
 * {@code response_building}. The LLM comes from agent-runtime ({@code SimulatedLlmClient} by
 * default, Gemini or an OpenAI-compatible server when configured). The model is streamed inside an
 * {@code llm_processing} phase, so each execution records its time to first token, provider, model
 * and token counts, which the OpenTelemetry bridge exports as a {@code chat {model}} span.
 *
 * <p>The turn to answer travels in the execution context's attributes under {@link
 * #REQUEST_ATTRIBUTE}; the result's data holds the answer under {@link #ANSWER} and the stage
 * timings, with the LLM's token usage and cost ({@link InvocationUsage}), under {@link #STAGES}.
 *
 * <p>Thread-safe: each execution has its own collector, and the conversation store is thread-safe.
 *
 * @since 0.1.0
 */
public final class StudyAgent extends BaseAgent {

  /** The agent's name. */
  public static final String NAME = "study-agent";

  /** The context attribute holding the {@link AgentRequest}. */
  public static final String REQUEST_ATTRIBUTE = "a2a.request";

  /** The result key of the answer text. */
  public static final String ANSWER = "answer";

  /** The result key of the {@link AgentStageTimings}. */
  public static final String STAGES = "stages";

  /** Why a turn fails when its message is all markup: Telex HTML with no text in it. */
  static final String NO_TEXT = "the message has no text once its HTML is removed";

  private static final String LLM_INVOCATION = "llm_invocation";
  private static final double NANOS_PER_MS = 1_000_000.0;

  private static final String SYSTEM_INSTRUCTION =
      "You are Studly, a patient study helper. Explain step by step, suggest how to practise,"
          + " and keep answers short.";

  private final ContextRepository conversations;
  private final TelexNormalizer normalizer;
  private final LlmClient llm;
  private final TimeSource time;

  /**
   * A study agent.
   *
   * @param conversations the bounded conversation store
   * @param normalizer extracts the text of each message
   * @param llm the LLM to ask
   * @param time the clock the stages are timed with
   * @since 0.1.0
   */
  public StudyAgent(
      ContextRepository conversations, TelexNormalizer normalizer, LlmClient llm, TimeSource time) {
    this(conversations, normalizer, llm, List.of(), time);
  }

  /**
   * A study agent whose finished executions go to {@code sinks}, such as the server's aggregator
   * and the OpenTelemetry bridge.
   *
   * @param conversations the bounded conversation store
   * @param normalizer extracts the text of each message
   * @param llm the LLM to ask
   * @param sinks where each finished execution goes, in order
   * @param time the clock the stages are timed with
   * @since 0.1.0
   */
  public StudyAgent(
      ContextRepository conversations,
      TelexNormalizer normalizer,
      LlmClient llm,
      List<? extends MetricsSink> sinks,
      TimeSource time) {
    this(conversations, normalizer, llm, sinks, time, PriceTable.defaults());
  }

  /**
   * A study agent whose LLM calls are priced with {@code prices}.
   *
   * @param conversations the bounded conversation store
   * @param normalizer extracts the text of each message
   * @param llm the LLM to ask
   * @param sinks where each finished execution goes, in order
   * @param time the clock the stages are timed with
   * @param prices the prices of the LLM's models
   * @since 0.1.0
   */
  public StudyAgent(
      ContextRepository conversations,
      TelexNormalizer normalizer,
      LlmClient llm,
      List<? extends MetricsSink> sinks,
      TimeSource time,
      PriceTable prices) {
    super(NAME, sinks, time, prices);
    this.conversations = requireNonNull(conversations, "conversations");
    this.normalizer = requireNonNull(normalizer, "normalizer");
    this.llm = requireNonNull(llm, "llm");
    this.time = time;
  }

  @Override
  protected ExecutionResult execute(ExecutionContext context, TimingCollector timing) {
    AgentRequest request = (AgentRequest) context.attributes().get(REQUEST_ATTRIBUTE);
    if (request == null) {
      return ExecutionResult.failure("the context has no " + REQUEST_ATTRIBUTE + " attribute");
    }
    PhaseTimer extraction = timing.startPhase("text_extraction");
    Optional<MessageText> text = normalizer.extractText(request.message());
    double extractionMs = extraction.stop().orElse(0);
    if (text.isEmpty()) {
      return ExecutionResult.failure(NO_TEXT);
    }
    String question = text.get().query();

    PhaseTimer lookup = timing.startPhase("context_lookup");
    List<String> history = new ArrayList<>(conversations.history(request.contextId()));
    for (String turn : text.get().history()) {
      if (!history.contains(turn)) {
        history.add(turn);
      }
    }
    double lookupMs = lookup.stop().orElse(0);

    long invocationStart = time.nanoTime();
    LlmResponse response =
        AgentTiming.streamLlm(
            timing, LLM_INVOCATION, llm, prompt(history, question), LlmStreamListener.ignoring());
    String answer = response.text();
    double invocationMs = (time.nanoTime() - invocationStart) / NANOS_PER_MS;

    PhaseTimer building = timing.startPhase("response_building");
    conversations.append(request.contextId(), List.of(question, answer));
    double buildingMs = building.stop().orElse(0);

    return ExecutionResult.success(
        Map.of(
            ANSWER,
            answer,
            STAGES,
            new AgentStageTimings(
                extractionMs, lookupMs, invocationMs, buildingMs, usage(response))));
  }

  /** The answer's usage, priced as {@link BaseAgent} prices the execution; null if unreported. */
  private @Nullable InvocationUsage usage(LlmResponse response) {
    if (!response.usageReported()) {
      return null;
    }
    // The model that answered first, then the one asked, as ExecutionCosts looks them up.
    Double cost =
        prices()
            .find(response.model())
            .or(() -> prices().find(llm.model()))
            .map(price -> price.costUsd(response.inputTokens(), response.outputTokens()))
            .orElse(null);
    return new InvocationUsage(
        response.model(), response.inputTokens(), response.outputTokens(), cost);
  }

  /** Earlier turns go in as plain user context: Telex history does not say who spoke. */
  private static LlmRequest prompt(List<String> history, String question) {
    LlmRequest.Builder prompt = LlmRequest.builder().systemInstruction(SYSTEM_INSTRUCTION);
    if (!history.isEmpty()) {
      prompt.user("Earlier in this conversation:\n- " + String.join("\n- ", history));
    }
    return prompt.user(question).build();
  }
}
