package io.agentmetrics.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.agent.AgentExecutionContext;
import io.agentmetrics.agent.DeepAgentState;
import io.agentmetrics.agent.ExecutionResult;
import io.agentmetrics.aggregator.MetricsAggregator;
import io.agentmetrics.api.AggregationWindow;
import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.TimeSource;
import io.agentmetrics.api.TimingBreakdown;
import io.agentmetrics.api.testing.DocSnippets;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Java examples of docs/supervisor.md, compiled and run. */
class SupervisorDocExamplesTest {

  private static final Path PAGE = Path.of("..", "docs", "supervisor.md");
  private static final Path SOURCE =
      Path.of("src/test/java/io/agentmetrics/supervisor/SupervisorDocExamplesTest.java");

  @Test
  void pageMatchesTheseExamples() {
    DocSnippets.assertPageMatches(PAGE, SOURCE);
  }

  @Test
  void seedSupervisorIntegrationRunsInJava() {
    // snippet: supervisor-integration
    // Create observability instance
    SupervisorObservability observability = new SupervisorObservability();

    // Create execution context
    DeepAgentState state = new DeepAgentState();
    ExecutionContext context =
        AgentExecutionContext.builder()
            .runId(UUID.randomUUID().toString())
            .agentName("supervisor")
            .state(state)
            .userId("user123")
            .build();

    // Start workflow with timing
    observability.startWorkflowTrace(context);

    // Track phases
    observability.startPhase(context.runId(), "tool_execution");
    // ... execute tools ...
    observability.stopPhase(context.runId(), "tool_execution");

    // Record TTFT
    observability.recordFirstToken(context.runId());

    // Get timing breakdown
    Optional<TimingBreakdown> breakdown = observability.getTimingBreakdown(context.runId());

    // Complete workflow
    ExecutionResult result = ExecutionResult.success(Map.of("result", "data"));
    observability.completeWorkflowTrace(context, result);
    // end-snippet

    assertThat(breakdown)
        .hasValueSatisfying(
            b -> {
              assertThat(b.phasesMs()).containsKey("tool_execution");
              assertThat(b.ttftMs()).isPresent();
            });
    assertThat(observability.droppedCalls()).isZero();
    assertThat(observability.activeWorkflows()).isZero();
  }

  @Test
  void sameExampleWithASinkDeliversTheWorkflow() {
    List<CompletedExecution> sink = new CopyOnWriteArrayList<>();
    SupervisorObservability observability =
        new SupervisorObservability(
            SupervisorConfig.defaults(), List.of(sink::add), TimeSource.system());
    ExecutionContext context = AgentExecutionContext.of("run-7", "supervisor");

    observability.startWorkflowTrace(context);
    observability.startPhase(context.runId(), "tool_execution");
    observability.stopPhase(context.runId(), "tool_execution");
    observability.completeWorkflowTrace(context, ExecutionResult.success(Map.of()));

    assertThat(sink).singleElement().satisfies(e -> assertThat(e.phases()).hasSize(1));
  }

  @Test
  void resourceMetricsReachTheAggregator() {
    MetricsAggregator aggregator = new MetricsAggregator();
    SupervisorObservability observability =
        new SupervisorObservability(
            SupervisorConfig.defaults(), aggregator, List.of(), TimeSource.system());
    double cpuPercent = 12.5;
    ThreadPoolExecutor agentPool =
        new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());

    try {
      // snippet: resource-metrics
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      double memoryMb = memory.getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;

      // As the seed does: memory, with CPU and the live thread count as metadata
      observability.recordResourceMetrics(cpuPercent, memoryMb, Thread.activeCount());

      // With the pool that runs the agents: THREAD_POOL_USAGE = active / max x 100
      observability.recordResourceMetrics(
          cpuPercent, memoryMb, agentPool.getActiveCount(), agentPool.getMaximumPoolSize());
      // end-snippet
    } finally {
      agentPool.shutdown();
    }

    assertThat(aggregator.getAggregatedMetrics(MetricType.MEMORY_USAGE, AggregationWindow.MINUTE))
        .hasValueSatisfying(metrics -> assertThat(metrics.count()).isEqualTo(2));
    // The idle pool: 0 of 4 threads busy, recorded once, as 0%.
    assertThat(
            aggregator.getAggregatedMetrics(MetricType.THREAD_POOL_USAGE, AggregationWindow.MINUTE))
        .hasValueSatisfying(
            metrics -> {
              assertThat(metrics.count()).isEqualTo(1);
              assertThat(metrics.max()).isZero();
            });
  }

  @Test
  @SuppressWarnings("try") // the sampler works in the background; the block only scopes it
  void samplerRecordsWhileOpen() {
    MetricsAggregator aggregator = new MetricsAggregator();
    SupervisorObservability observability =
        new SupervisorObservability(
            SupervisorConfig.defaults(), aggregator, List.of(), TimeSource.system());
    ThreadPoolExecutor agentPool =
        new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());

    try {
      // snippet: resource-sampler
      try (JvmResourceSampler sampler =
          JvmResourceSampler.start(observability, Duration.ofSeconds(15), agentPool)) {
        // ... serve requests; a sample is recorded every 15 seconds ...
      }
      // end-snippet
    } finally {
      agentPool.shutdown();
    }

    assertThat(observability.droppedCalls()).isZero();
  }
}
