package io.agentmetrics.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.agent.llm.GeminiClient;
import io.agentmetrics.agent.llm.GeminiConfig;
import io.agentmetrics.agent.llm.HttpTransportConfig;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.LlmClients;
import io.agentmetrics.agent.llm.LlmRequest;
import io.agentmetrics.agent.llm.LlmResponse;
import io.agentmetrics.agent.llm.LlmStreamListener;
import io.agentmetrics.agent.llm.OpenAiCompatibleClient;
import io.agentmetrics.agent.llm.OpenAiCompatibleConfig;
import io.agentmetrics.agent.llm.RetryConfig;
import io.agentmetrics.agent.llm.SimulatedLlmClient;
import io.agentmetrics.agent.llm.SimulatedLlmConfig;
import io.agentmetrics.agent.testing.ProviderScripts;
import io.agentmetrics.agent.testing.ScriptedLlmServer;
import io.agentmetrics.agent.testing.ScriptedLlmServer.Reply;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.api.TimingCollector;
import io.agentmetrics.api.testing.DocSnippets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Compiles and runs every Java example of docs/agents.md, and checks the page still matches. */
class AgentsDocExamplesTest {

  static final StateKey<String> TOPIC = StateKey.of("topic", String.class);
  static final StateKey<String> QUESTION = StateKey.of("question", String.class);

  @Test
  void pageMatchesTheseExamples() {
    DocSnippets.assertPageMatches(
        Path.of("../docs/agents.md"),
        Path.of("src/test/java/io/agentmetrics/agent/AgentsDocExamplesTest.java"));
  }

  // snippet: custom-agent
  final class CustomAgent extends BaseAgent {

    CustomAgent(List<MetricsSink> sinks) {
      super("custom_agent", sinks);
    }

    @Override
    protected ExecutionResult execute(ExecutionContext context, TimingCollector timing) {
      // Track initialization
      timing.startPhase("initialization");
      Map<String, String> settings = initializeResources();
      timing.stopPhase("initialization");

      // Track main execution
      timing.startPhase("processing");
      Map<String, Object> result = process(settings);
      timing.stopPhase("processing");

      // Get performance metrics
      TimingBreakdown breakdown = timing.getBreakdown();
      logger().info("Execution completed in {}ms", breakdown.totalMs());

      return ExecutionResult.success(result);
    }

    private Map<String, String> initializeResources() {
      return Map.of("model", "simulated-study-planner");
    }

    private Map<String, Object> process(Map<String, String> settings) {
      return Map.of("answer", "a study plan", "model", settings.get("model"));
    }
  }

  // end-snippet

  // snippet: initialize-hook
  final class PreparedAgent extends BaseAgent {

    PreparedAgent() {
      super("prepared_agent");
    }

    @Override
    protected void initialize(ExecutionContext context, TimingCollector timing) {
      DeepAgentState state = ((AgentExecutionContext) context).state();
      state.computeIfAbsent(TOPIC, () -> "linear algebra");
    }

    @Override
    protected ExecutionResult execute(ExecutionContext context, TimingCollector timing) {
      String topic = ((AgentExecutionContext) context).state().get(TOPIC).orElseThrow();
      return ExecutionResult.success(Map.of("topic", topic));
    }
  }

  // end-snippet

  // snippet: study-plan-agent
  final class StudyPlanAgent extends BaseAgent {

    private final LlmClient llm;
    private final ExecutorService tools;

    StudyPlanAgent(LlmClient llm, ExecutorService tools, List<MetricsSink> sinks) {
      super("study_plan_agent", sinks);
      this.llm = llm;
      this.tools = tools;
    }

    @Override
    protected ExecutionResult execute(ExecutionContext context, TimingCollector timing)
        throws Exception {
      String question = ((AgentExecutionContext) context).state().get(QUESTION).orElseThrow();

      List<ToolResult<String>> lookups =
          AgentTiming.parallel(
              timing,
              tools,
              List.of(
                  ToolCall.of("syllabus_search", () -> "syllabus for " + question),
                  ToolCall.of("calendar_lookup", () -> "free evenings: Monday, Wednesday")));

      String notes = AgentTiming.tool(timing, "notes_lookup", () -> "no earlier notes");

      LlmResponse plan =
          AgentTiming.streamLlm(timing, llm, LlmRequest.of(question), LlmStreamListener.ignoring());

      return ExecutionResult.success(
          Map.of("plan", plan.text(), "lookups", lookups.size(), "notes", notes));
    }
  }

  // end-snippet

  @Test
  void runAgent() {
    // snippet: run-agent
    List<CompletedExecution> finished = new CopyOnWriteArrayList<>();
    CustomAgent agent = new CustomAgent(List.of(finished::add));

    AgentExecutionContext context =
        AgentExecutionContext.builder()
            .runId(UUID.randomUUID().toString())
            .agentName("custom_agent")
            .state(new DeepAgentState())
            .userId("user123")
            .conversationId("conversation-42")
            .build();

    ExecutionResult result = agent.run(context);

    CompletedExecution execution = finished.get(0);
    System.out.println(result.data().get("answer"));
    System.out.println(execution.breakdown().phasesMs().keySet());
    System.out.println(execution.attributes().get(CompletedExecution.RUN_ID));
    // end-snippet

    assertThat(result.data()).containsEntry("answer", "a study plan");
    assertThat(execution.breakdown().phasesMs())
        .containsOnlyKeys("initialization", "execution", "processing");
    assertThat(execution.attributes())
        .containsEntry(CompletedExecution.RUN_ID, context.runId())
        .containsEntry(CompletedExecution.USER_ID, "user123")
        .containsEntry(ExecutionContext.CONVERSATION_ID, "conversation-42");
    assertThat(execution.outcome().success()).isTrue();
  }

  @Test
  void initializeHookPreparesTheState() {
    ExecutionResult result = new PreparedAgent().run(AgentExecutionContext.of("run-1", "prepared"));

    assertThat(result.data()).containsEntry("topic", "linear algebra");
  }

  @Test
  void studyPlanAgentTimesToolsAndTheLlmCall() {
    List<CompletedExecution> finished = new CopyOnWriteArrayList<>();
    ExecutorService tools = Executors.newFixedThreadPool(2);
    try (LlmClient llm =
        new SimulatedLlmClient(
            SimulatedLlmConfig.builder()
                .timeToFirstToken(Duration.ofMillis(5))
                .interTokenDelay(Duration.ZERO)
                .build())) {
      AgentExecutionContext context = AgentExecutionContext.of("run-1", "study_plan_agent");
      context.state().put(QUESTION, "How do I learn statistics?");

      ExecutionResult result = new StudyPlanAgent(llm, tools, List.of(finished::add)).run(context);

      assertThat(result.data().get("plan").toString()).startsWith("Study plan for statistics:");
      CompletedExecution execution = finished.get(0);
      assertThat(execution.breakdown().ttftMs()).isPresent();
      assertThat(execution.breakdown().toolExecutionMs()).isPositive();
      assertThat(execution.breakdown().llmProcessingMs()).isPositive();
      assertThat(execution.phases())
          .filteredOn(PhaseRecord::parallel)
          .extracting(PhaseRecord::name)
          .containsExactlyInAnyOrder("syllabus_search", "calendar_lookup");
      assertThat(execution.metrics())
          .extracting(metric -> metric.metricType())
          .contains(MetricType.TTFT, MetricType.TOOL_EXECUTION, MetricType.LLM_PROCESSING);
    } finally {
      tools.shutdownNow();
    }
  }

  @Test
  void clientFromSettings() throws Exception {
    // snippet: client-from-settings
    StringBuilder streamed = new StringBuilder();
    LlmResponse response;
    try (LlmClient llm =
        LlmClients.fromEnvironment(
            Map.of("LLM_PROVIDER", "simulated", "SIMULATED_LLM_LATENCY_MS", "20"))) {
      response = llm.stream(LlmRequest.of("How do I learn Rust?"), streamed::append).get();
    }
    System.out.println(response.provider() + " " + response.model());
    System.out.println(response.outputTokens() + " tokens: " + streamed);
    // end-snippet

    assertThat(response.provider()).isEqualTo("simulated");
    assertThat(streamed.toString()).isEqualTo(response.text()).startsWith("Study plan for Rust");
  }

  @Test
  void httpClients() {
    String geminiKey = "test-key-1234";

    // snippet: http-clients
    HttpTransportConfig transport =
        HttpTransportConfig.builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(60))
            .retry(
                RetryConfig.builder().maxAttempts(4).maxRetryAfter(Duration.ofSeconds(20)).build())
            .build();

    GeminiClient gemini =
        new GeminiClient(
            GeminiConfig.builder()
                .apiKey(geminiKey)
                .model("gemini-2.5-pro")
                .transport(transport)
                .build());

    OpenAiCompatibleClient ollama =
        new OpenAiCompatibleClient(
            OpenAiCompatibleConfig.builder()
                .baseUri(URI.create("http://localhost:11434/v1"))
                .model("llama3.2")
                .transport(transport)
                .build());
    // end-snippet

    try (gemini;
        ollama) {
      assertThat(gemini.model()).isEqualTo("gemini-2.5-pro");
      assertThat(gemini.config().transport().retry().maxAttempts()).isEqualTo(4);
      assertThat(ollama.provider()).isEqualTo("openai");
      assertThat(ollama.config().apiKey()).isEmpty();
    }
  }

  @Test
  void scriptedServer() {
    // snippet: scripted-server
    LlmResponse hello;
    try (ScriptedLlmServer server = ScriptedLlmServer.start();
        OpenAiCompatibleClient client =
            new OpenAiCompatibleClient(
                OpenAiCompatibleConfig.builder()
                    .baseUri(URI.create(server.baseUri() + "/v1"))
                    .build())) {
      server.enqueue(
          Reply.eventStream()
              .pause(Duration.ofMillis(200))
              .chunksOf(ProviderScripts.openAiStream(List.of("Hello", " world"), 5, 2), 7));

      hello = client.generateStreaming(LlmRequest.of("Hi"), System.out::print);
    }
    // end-snippet

    assertThat(hello.text()).isEqualTo("Hello world");
    assertThat(hello.inputTokens()).isEqualTo(5);
    assertThat(hello.outputTokens()).isEqualTo(2);
  }
}
