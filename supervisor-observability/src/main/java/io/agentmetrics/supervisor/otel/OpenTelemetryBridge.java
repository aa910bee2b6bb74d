package io.agentmetrics.supervisor.otel;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.MetricsSink;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MetricsSink} that exports every finished execution through the OpenTelemetry API,
 * following the OpenTelemetry GenAI semantic conventions (open-telemetry/semantic-conventions-genai
 * at commit 066d4a7f, schema {@code https://opentelemetry.io/schemas/gen-ai-dev/1.42.0-dev}).
 *
 * <p>Each execution becomes:
 *
 * <ul>
 *   <li>a span {@code invoke_agent {agent name}} (kind {@code INTERNAL}: the agent runs in this
 *       process) with {@code gen_ai.operation.name}, {@code gen_ai.agent.name}, {@code
 *       gen_ai.conversation.id} and the execution's total {@code gen_ai.usage.*} tokens, parented
 *       to the span current when the execution is reported (for example an HTTP server span); a
 *       supervisor's workflow ({@link CompletedExecution#WORKFLOW_NAME}) becomes {@code
 *       invoke_workflow {workflow name}} instead;
 *   <li>a child span per phase, nested as the phases were, parallel tasks as siblings: an LLM phase
 *       becomes {@code chat {model}} (kind {@code CLIENT}) with provider, models, streaming, time
 *       to first chunk, token usage and cost; a tool call becomes {@code execute_tool {tool name}};
 *       any other phase keeps its name with an {@code agentmetrics.phase.category} attribute;
 *   <li>the client metrics an agent reports: {@code gen_ai.invoke_agent.duration} (or {@code
 *       gen_ai.invoke_workflow.duration}), {@code gen_ai.execute_tool.duration}, {@code
 *       gen_ai.client.inference.duration}, {@code .time_to_first_chunk} and {@code
 *       .time_per_output_chunk} (streamed calls), the token counters {@code
 *       gen_ai.client.inference.usage.input_tokens} and {@code .output_tokens}, the token
 *       histograms {@code gen_ai.client.inference.operation.input_tokens} and {@code
 *       .output_tokens}; and this library's {@code agentmetrics.gen_ai.client.inference.cost},
 *       {@code agentmetrics.gen_ai.invoke_agent.cost} and {@code agentmetrics.phase.duration}.
 *       Histograms carry the bucket boundaries the conventions recommend, and every free-form
 *       attribute is bounded. No {@code gen_ai.server.*} metric is reported: the conventions keep
 *       those for model servers.
 * </ul>
 *
 * <p>Spans are created after the execution finished, with its real start and end timestamps. Only a
 * {@linkplain OpenTelemetryBridgeConfig#traceSamplingRatio() configurable share} of executions is
 * traced, chosen deterministically from the execution id; metrics count every execution. Without an
 * OpenTelemetry SDK ({@link OpenTelemetry#noop()}), the bridge returns at once.
 *
 * <p>Thread-safe: one bridge serves all executions. It never throws into the reporting agent; a
 * failure is counted ({@link #failedExports()}) and logged at DEBUG.
 *
 * @since 0.1.0
 */
public final class OpenTelemetryBridge implements MetricsSink {

  /**
   * Execution attribute key whose value, if present, becomes {@code gen_ai.agent.id}; without it no
   * {@code gen_ai.agent.id} is set, because agentmetrics identifies agents by name ({@code
   * gen_ai.agent.name}).
   */
  public static final String AGENT_ID_ATTRIBUTE = "agent_id";

  private static final Logger logger = LoggerFactory.getLogger(OpenTelemetryBridge.class);

  private final @Nullable ExecutionSpans spans;
  private final @Nullable ExecutionMetrics metrics;
  private final TraceRatio traceRatio;
  private final LongAdder failedExports = new LongAdder();

  /** A bridge with the {@linkplain OpenTelemetryBridgeConfig#defaults() default settings}. */
  public OpenTelemetryBridge(OpenTelemetry openTelemetry) {
    this(openTelemetry, OpenTelemetryBridgeConfig.defaults());
  }

  /** A bridge that exports through {@code openTelemetry} with the given settings. */
  public OpenTelemetryBridge(OpenTelemetry openTelemetry, OpenTelemetryBridgeConfig config) {
    requireNonNull(openTelemetry, "openTelemetry");
    requireNonNull(config, "config");
    String scope = config.instrumentationScopeName();
    @Nullable String version = config.instrumentationScopeVersion();
    TracerProvider tracerProvider = openTelemetry.getTracerProvider();
    // The no-op providers are singletons: comparing identities decides once, up front, whether
    // there is anything to build attributes for.
    this.spans =
        tracerProvider == TracerProvider.noop() || config.traceSamplingRatio() == 0.0
            ? null
            : new ExecutionSpans(
                version != null
                    ? tracerProvider.tracerBuilder(scope).setInstrumentationVersion(version).build()
                    : tracerProvider.get(scope));
    MeterProvider meterProvider = openTelemetry.getMeterProvider();
    this.metrics =
        meterProvider == MeterProvider.noop()
            ? null
            : new ExecutionMetrics(
                version != null
                    ? meterProvider.meterBuilder(scope).setInstrumentationVersion(version).build()
                    : meterProvider.get(scope),
                config);
    this.traceRatio = new TraceRatio(config.traceSamplingRatio());
  }

  /**
   * Exports {@code execution} under the span of the {@linkplain Context#current() current} context.
   */
  @Override
  public void onExecutionCompleted(CompletedExecution execution) {
    if (spans == null && metrics == null) {
      return;
    }
    export(execution, Context.current());
  }

  /**
   * Exports {@code execution} with its {@code invoke_agent} span as a child of {@code parent}'s
   * span; use it when the execution is reported outside the context it ran in. Never throws.
   */
  public void export(CompletedExecution execution, Context parent) {
    try {
      if (metrics != null) {
        metrics.record(execution);
      }
      if (spans != null && traceRatio.isSampled(execution.executionId())) {
        spans.export(execution, parent);
      }
    } catch (RuntimeException e) {
      failedExports.increment();
      logger.debug("Dropped the OpenTelemetry export of execution {}", idOf(execution), e);
    }
  }

  /** Whether an OpenTelemetry SDK receives anything: false for {@link OpenTelemetry#noop()}. */
  public boolean isEnabled() {
    return spans != null || metrics != null;
  }

  /** How many executions could not be exported because of an unexpected error. */
  public long failedExports() {
    return failedExports.sum();
  }

  private static @Nullable Object idOf(@Nullable CompletedExecution execution) {
    return execution != null ? execution.executionId() : null;
  }
}
