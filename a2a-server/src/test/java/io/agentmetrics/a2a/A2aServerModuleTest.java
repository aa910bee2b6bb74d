package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import com.google.inject.util.Modules;
import io.agentmetrics.a2a.agent.ConformanceAgent;
import io.agentmetrics.a2a.agent.TaskProcessor;
import io.agentmetrics.a2a.task.TaskPushConfigs;
import io.agentmetrics.a2a.task.TaskService;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.SimulatedLlmClient;
import io.agentmetrics.agent.llm.SimulatedLlmConfig;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.PerformanceMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class A2aServerModuleTest {

  private static final ServerConfig CONFIG = ServerConfig.builder().port(0).build();
  private static final Key<String> LABEL = Key.get(String.class, Names.named("llmLabel"));

  @Test
  void theConfiguredModelAnswersUnlessATestReplacesIt() {
    LlmClient fake =
        new SimulatedLlmClient(SimulatedLlmConfig.builder().model("fake-model").build());
    Injector configured = Guice.createInjector(new A2aServerModule(CONFIG));
    Injector overridden =
        Guice.createInjector(
            Modules.override(new A2aServerModule(CONFIG))
                .with(binder -> binder.bind(LlmClient.class).toInstance(fake)));

    assertThat(configured.getInstance(LlmClient.class).provider()).isEqualTo("simulated");
    assertThat(configured.getInstance(LABEL)).isEqualTo("simulated");
    assertThat(overridden.getInstance(LlmClient.class)).isSameAs(fake);
  }

  @Test
  void theConformanceModuleReplacesTheAgentAndItsLabel() {
    Injector injector =
        Guice.createInjector(
            Modules.override(new A2aServerModule(CONFIG)).with(new ConformanceAgentModule()));

    assertThat(injector.getInstance(TaskProcessor.class)).isInstanceOf(ConformanceAgent.class);
    assertThat(injector.getInstance(LABEL)).isEqualTo(ConformanceAgent.LABEL);
  }

  @Test
  void thePushConfigsAreTheTaskServicesSoTheyShareItsTasks() {
    Injector injector = Guice.createInjector(new A2aServerModule(CONFIG));

    TaskService tasks = injector.getInstance(TaskService.class);
    try {
      assertThat(injector.getInstance(TaskPushConfigs.class)).isSameAs(tasks.pushConfigs());
    } finally {
      tasks.close();
    }
  }

  @Test
  void theServersAggregatorKeepsHistogramsButNoRingOfRawMetrics() {
    MetricsAggregator aggregator =
        Guice.createInjector(new A2aServerModule(CONFIG)).getInstance(MetricsAggregator.class);
    UUID execution = UUID.randomUUID();

    for (double millis : new double[] {10, 20, 30}) {
      aggregator.addMetric(
          new PerformanceMetric(MetricType.LLM_PROCESSING, millis, Instant.now(), execution, "a"));
    }

    assertThat(aggregator.getAggregatedMetrics(MetricType.LLM_PROCESSING, AggregationWindow.HOUR))
        .hasValueSatisfying(metrics -> assertThat(metrics.count()).isEqualTo(3));
    assertThat(aggregator.exportMetrics(AggregationWindow.HOUR))
        .extracting(PerformanceMetric::value)
        .containsExactly(30.0);
  }

  @Test
  void installingTheSameModuleTwiceIsHarmless() {
    Injector injector =
        Guice.createInjector(
            new A2aServerModule(CONFIG),
            new A2aServerModule(ServerConfig.builder().port(0).build()));

    assertThat(injector.getInstance(ServerConfig.class)).isEqualTo(CONFIG);
  }

  @Test
  void aSettingTheLlmClientRejectsFailsStartUpNamingTheVariableNotInGuicesWords() {
    ServerConfig gemini =
        ServerConfig.builder()
            .port(0)
            .llm(new LlmConfig("gemini", Duration.ZERO, Map.of("LLM_PROVIDER", "gemini")))
            .build();

    assertThatThrownBy(() -> A2aServer.start(gemini))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GEMINI_API_KEY")
        .hasMessageNotContaining("Guice");
  }
}
