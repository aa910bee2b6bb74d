package io.agentmetrics.a2a.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.a2a.telex.NormalizedMessage;
import io.agentmetrics.a2a.telex.TelexNormalizer;
import io.agentmetrics.a2a.telex.TelexNormalizers;
import io.agentmetrics.agent.llm.FinishReason;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.LlmRequest;
import io.agentmetrics.agent.llm.LlmResponse;
import io.agentmetrics.agent.testing.StreamingLlm;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StudyAgentTest {

  private static final TelexNormalizer NORMALIZER = new TelexNormalizer(20);

  private final FakeTimeSource clock = new FakeTimeSource();
  private final List<LlmRequest> prompts = new CopyOnWriteArrayList<>();
  private final ConversationStore conversations =
      new ConversationStore(10, 1 << 20, Duration.ofMinutes(5), 10, clock::nanoTime);

  /** An LLM that takes 1.2 s of fake time and echoes the question. */
  private final LlmClient llm =
      fakeLlm(
          "echo",
          request -> {
            prompts.add(request);
            clock.advanceMillis(1200);
            return new LlmResponse(
                "About " + request.lastUserText(), "echo", "fake", 1, 1, FinishReason.STOP);
          });

  @Test
  void aTurnIsTimedInTheSeedsFourStagesAndRemembered() throws Exception {
    StudyAgentProcessor agent =
        new StudyAgentProcessor(new StudyAgent(conversations, NORMALIZER, llm, clock));

    AgentReply reply =
        agent.process(
            new AgentRequest(
                "t1", "c1", new NormalizedMessage(List.of("What is osmosis?"), List.of("hi"))));

    assertThat(reply.text()).isEqualTo("About What is osmosis?");
    assertThat(reply.timings().llmInvocationMs()).isEqualTo(1200.0);
    assertThat(reply.timings().textExtractionMs()).isZero();
    assertThat(reply.timings().contextLookupMs()).isZero();
    assertThat(reply.timings().responseBuildingMs()).isZero();
    assertThat(conversations.history("c1")).containsExactly("What is osmosis?", reply.text());
    assertThat(prompts.get(0).toString()).contains("hi");
  }

  @Test
  void textExtractionTimesTheWholeExtractionOfThePartsTheirHtmlAndTheHistory() throws Exception {
    TelexNormalizer oneMillisecondPerSnippet =
        TelexNormalizers.runningOnEachConversion(20, () -> clock.advanceMillis(1));
    StudyAgentProcessor agent =
        new StudyAgentProcessor(
            new StudyAgent(conversations, oneMillisecondPerSnippet, llm, clock));
    NormalizedMessage telex =
        new NormalizedMessage(
            List.of("<p>what is <b>photosynthesis</b></p>"),
            List.of(
                "<p>hello</p>",
                "<p>Hi! I&#39;m <b>Studly</b></p>",
                "<p>hello</p>",
                "<p>what is   photosynthesis</p>"));

    AgentReply reply = agent.process(new AgentRequest("t1", "c1", telex));

    // One snippet for the query part and four for the conversation, each 1 ms of fake time.
    assertThat(reply.timings().textExtractionMs()).isEqualTo(5.0);
    assertThat(reply.timings().contextLookupMs()).isZero();
    assertThat(reply.timings().llmInvocationMs()).isEqualTo(1200.0);
    assertThat(prompts.get(0).lastUserText()).isEqualTo("what is photosynthesis");
    assertThat(prompts.get(0).toString())
        .contains("- hello\n- Hi! I'm Studly")
        .doesNotContain("<p>", "&#39;", "- what is");
  }

  @Test
  void aMessageThatIsAllMarkupFailsTheTurnWithoutAskingTheLlm() {
    StudyAgentProcessor agent =
        new StudyAgentProcessor(new StudyAgent(conversations, NORMALIZER, llm, clock));

    assertThatThrownBy(
            () ->
                agent.process(
                    new AgentRequest(
                        "t", "c", new NormalizedMessage(List.of("<p> </p>"), List.of("<br>")))))
        .isInstanceOf(AgentFailedException.class)
        .hasMessage(StudyAgent.NO_TEXT);
    assertThat(prompts).isEmpty();
  }

  @Test
  void laterTurnsSendTheStoredConversationToTheLlm() throws Exception {
    StudyAgentProcessor agent =
        new StudyAgentProcessor(new StudyAgent(conversations, NORMALIZER, llm, clock));
    agent.process(new AgentRequest("t1", "c1", message("Define force")));

    agent.process(new AgentRequest("t2", "c1", message("And mass?")));

    assertThat(prompts.get(1).toString()).contains("Define force").contains("About Define force");
    assertThat(prompts.get(1).lastUserText()).isEqualTo("And mass?");
  }

  @Test
  void aFailingLlmFailsTheTurnWithoutLeakingIntoTheConversation() {
    LlmClient broken =
        fakeLlm(
            "broken",
            request -> {
              throw new IllegalStateException("provider down");
            });
    StudyAgentProcessor agent =
        new StudyAgentProcessor(new StudyAgent(conversations, NORMALIZER, broken, clock));

    assertThatThrownBy(() -> agent.process(new AgentRequest("t", "c", message("q"))))
        .hasMessageContaining("provider down");
    assertThat(conversations.history("c")).isEmpty();
  }

  /** An LLM of provider {@code fake} that answers each request at once with {@code answer}. */
  private static LlmClient fakeLlm(String model, Function<LlmRequest, LlmResponse> answer) {
    return StreamingLlm.of(
        "fake",
        model,
        (request, listener) -> CompletableFuture.completedFuture(answer.apply(request)));
  }

  private static NormalizedMessage message(String text) {
    return new NormalizedMessage(List.of(text), List.of());
  }
}
