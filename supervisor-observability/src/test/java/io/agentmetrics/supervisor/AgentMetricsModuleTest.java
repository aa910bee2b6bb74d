package io.agentmetrics.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.OptionalBinder;
import io.agentmetrics.agent.AgentExecutionContext;
import io.agentmetrics.agent.ExecutionResult;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.MetricsSink;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.core.AnalyzerConfig;
import io.agentmetrics.core.PerformanceAnalyzer;
import io.agentmetrics.supervisor.otel.OpenTelemetryBridge;
import io.agentmetrics.supervisor.otel.OpenTelemetryBridgeConfig;
import io.agentmetrics.supervisor.otel.OpenTelemetryModule;
import io.agentmetrics.testing.FakeTimeSource;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentMetricsModuleTest {

  private static final Key<Set<MetricsSink>> SINKS =
      Key.get(new TypeLiteral<Set<MetricsSink>>() {});

  @Test
  void installingTheModuleBindsTheWholeSdk() {
    Injector injector = Guice.createInjector(new AgentMetricsModule());

    assertThat(injector.getInstance(SupervisorObservability.class)).isNotNull();
    assertThat(injector.getInstance(PerformanceAnalyzer.class)).isNotNull();
    assertThat(injector.getInstance(AgentMetricsConfig.class))
        .isEqualTo(AgentMetricsConfig.defaults());
    assertThat(injector.getInstance(TimeSource.class)).isSameAs(TimeSource.system());
  }

  @Test
  void aggregatorIsASingletonOfTheInjectorNotTheGlobalOne() {
    Injector injector = Guice.createInjector(new AgentMetricsModule());

    MetricsAggregator aggregator = injector.getInstance(MetricsAggregator.class);
    assertThat(injector.getInstance(MetricsAggregator.class)).isSameAs(aggregator);
    assertThat(aggregator).isNotSameAs(MetricsAggregator.global());
    assertThat(Guice.createInjector(new AgentMetricsModule()).getInstance(MetricsAggregator.class))
        .isNotSameAs(aggregator);
    assertThat(injector.getInstance(SINKS)).containsExactly(aggregator);
  }

  @Test
  void workflowsAndResourceMetricsReachTheBoundAggregator() {
    FakeTimeSource time = new FakeTimeSource();
    Injector injector = Guice.createInjector(new AgentMetricsModule(), fakeTime(time));
    SupervisorObservability observability = injector.getInstance(SupervisorObservability.class);
    MetricsAggregator aggregator = injector.getInstance(MetricsAggregator.class);
    AgentExecutionContext context = AgentExecutionContext.of("run-1", "supervisor");

    observability.startWorkflowTrace(context);
    time.advanceMillis(200);
    observability.completeWorkflowTrace(context, ExecutionResult.success(Map.of()));
    observability.recordResourceMetrics(5.0, 256.0, 12);

    assertThat(
            aggregator.getAggregatedMetrics(MetricType.TOTAL_EXECUTION, AggregationWindow.MINUTE))
        .hasValueSatisfying(metrics -> assertThat(metrics.count()).isEqualTo(1));
    assertThat(aggregator.getAggregatedMetrics(MetricType.MEMORY_USAGE, AggregationWindow.MINUTE))
        .isPresent();
  }

  @Test
  void configOverridesTheDefaults() {
    AgentMetricsConfig config =
        AgentMetricsConfig.builder()
            .supervisor(SupervisorConfig.builder().workflowExpiry(Duration.ofMinutes(2)).build())
            .analyzer(AnalyzerConfig.builder().zScoreThreshold(2.5).build())
            .build();
    Injector injector = Guice.createInjector(new AgentMetricsModule(config));

    assertThat(injector.getInstance(SupervisorObservability.class).config().workflowExpiry())
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(injector.getInstance(PerformanceAnalyzer.class).config().zScoreThreshold())
        .isEqualTo(2.5);
  }

  @Test
  void installingTheModuleTwiceIsHarmless() {
    Injector injector =
        Guice.createInjector(
            new AgentMetricsModule(),
            new AgentMetricsModule(),
            new OpenTelemetryModule(),
            new OpenTelemetryModule(),
            binder -> binder.bind(OpenTelemetry.class).toInstance(OpenTelemetry.noop()));

    assertThat(injector.getInstance(SINKS)).hasSize(2);
  }

  @Test
  void modulesWithEqualConfigsAreEqual() {
    assertThat(new AgentMetricsModule())
        .isEqualTo(new AgentMetricsModule(AgentMetricsConfig.defaults()))
        .hasSameHashCodeAs(new AgentMetricsModule());
    assertThat(new OpenTelemetryModule())
        .isEqualTo(new OpenTelemetryModule(OpenTelemetryBridgeConfig.defaults()))
        .isNotEqualTo(
            new OpenTelemetryModule(
                OpenTelemetryBridgeConfig.builder().traceSamplingRatio(0.5).build()));
  }

  @Test
  void openTelemetryModuleAddsTheBridgeToTheSinks() {
    Injector injector =
        Guice.createInjector(
            new AgentMetricsModule(),
            new OpenTelemetryModule(),
            binder -> binder.bind(OpenTelemetry.class).toInstance(OpenTelemetry.noop()));

    OpenTelemetryBridge bridge = injector.getInstance(OpenTelemetryBridge.class);
    assertThat(injector.getInstance(SINKS))
        .containsExactly(injector.getInstance(MetricsAggregator.class), bridge);
    assertThat(bridge.isEnabled()).isFalse();
  }

  private static Module fakeTime(FakeTimeSource time) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), TimeSource.class).setBinding().toInstance(time);
      }
    };
  }
}
