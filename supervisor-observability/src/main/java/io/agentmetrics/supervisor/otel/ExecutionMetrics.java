package io.agentmetrics.supervisor.otel;

import static io.agentmetrics.supervisor.otel.GenAiSemconv.AGENT_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.ERROR_TYPE;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.MODALITY_TEXT;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.MODALITY_UNKNOWN;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.OPERATION_CHAT;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.OPERATION_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.OTHER_VALUE;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.PHASE_CATEGORY;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.PHASE_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.PROVIDER_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.REQUEST_MODEL;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.RESPONSE_MODEL;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.TOKEN_MODALITY;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.TOOL_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.WORKFLOW_NAME;
import static java.util.Objects.requireNonNullElse;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.LlmUsage;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.StreamTiming;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Records the GenAI client metrics (see {@link GenAiSemconv} for the conventions version) and the
 * {@code agentmetrics.*} metrics of every finished execution. Every free-form attribute value
 * passes through a {@link BoundedValues}, so the number of series stays bounded whatever names
 * callers use. Thread-safe.
 */
final class ExecutionMetrics {

  private static final double NANOS_PER_SECOND = 1_000_000_000.0;
  private static final double MS_PER_SECOND = 1_000.0;

  private final DoubleHistogram invokeAgentDuration;
  private final DoubleHistogram invokeWorkflowDuration;
  private final DoubleHistogram executeToolDuration;
  private final DoubleHistogram inferenceDuration;
  private final DoubleHistogram timeToFirstChunk;
  private final DoubleHistogram timePerOutputChunk;
  private final LongCounter usageInputTokens;
  private final LongCounter usageOutputTokens;
  private final LongHistogram operationInputTokens;
  private final LongHistogram operationOutputTokens;
  private final DoubleCounter inferenceCost;
  private final DoubleHistogram invokeAgentCost;
  private final DoubleHistogram phaseDuration;

  private final BoundedValues phaseNames;
  private final BoundedValues agentNames;
  private final BoundedValues workflowNames;
  private final BoundedValues toolNames;
  private final BoundedValues requestModels;
  private final BoundedValues responseModels;
  private final BoundedValues providers;
  private final BoundedValues errorTypes;

  ExecutionMetrics(Meter meter, OpenTelemetryBridgeConfig config) {
    invokeAgentDuration =
        seconds(
            meter,
            GenAiSemconv.INVOKE_AGENT_DURATION,
            "Duration of agent invocations, from start to completion.",
            GenAiSemconv.INVOKE_AGENT_BUCKETS);
    invokeWorkflowDuration =
        seconds(
            meter,
            GenAiSemconv.INVOKE_WORKFLOW_DURATION,
            "Duration of workflows that coordinate agents, from start to completion.",
            GenAiSemconv.INVOKE_WORKFLOW_BUCKETS);
    executeToolDuration =
        seconds(
            meter,
            GenAiSemconv.EXECUTE_TOOL_DURATION,
            "Duration of tool executions.",
            GenAiSemconv.DURATION_BUCKETS);
    inferenceDuration =
        seconds(
            meter,
            GenAiSemconv.INFERENCE_DURATION,
            "Duration of the LLM calls agents make, from issuing the request to the last chunk.",
            GenAiSemconv.DURATION_BUCKETS);
    timeToFirstChunk =
        seconds(
            meter,
            GenAiSemconv.INFERENCE_TIME_TO_FIRST_CHUNK,
            "Time from issuing a streaming LLM request to receiving its first chunk.",
            GenAiSemconv.DURATION_BUCKETS);
    timePerOutputChunk =
        seconds(
            meter,
            GenAiSemconv.INFERENCE_TIME_PER_OUTPUT_CHUNK,
            "Time between consecutive chunks of streamed LLM answers, for each chunk after the"
                + " first.",
            GenAiSemconv.DURATION_BUCKETS);
    usageInputTokens =
        meter
            .counterBuilder(GenAiSemconv.INFERENCE_USAGE_INPUT_TOKENS)
            .setUnit("{token}")
            .setDescription("Input (prompt) tokens of LLM calls, as the provider counted them.")
            .build();
    usageOutputTokens =
        meter
            .counterBuilder(GenAiSemconv.INFERENCE_USAGE_OUTPUT_TOKENS)
            .setUnit("{token}")
            .setDescription("Output tokens of LLM calls, as the provider counted them.")
            .build();
    operationInputTokens =
        tokens(
            meter,
            GenAiSemconv.INFERENCE_OPERATION_INPUT_TOKENS,
            "Input (prompt) tokens per LLM call.");
    operationOutputTokens =
        tokens(
            meter, GenAiSemconv.INFERENCE_OPERATION_OUTPUT_TOKENS, "Output tokens per LLM call.");
    inferenceCost =
        meter
            .counterBuilder(GenAiSemconv.INFERENCE_COST)
            .ofDoubles()
            .setUnit(GenAiSemconv.USD)
            .setDescription(
                "Cost of LLM calls in US dollars, from their token counts and a price table.")
            .build();
    invokeAgentCost =
        meter
            .histogramBuilder(GenAiSemconv.INVOKE_AGENT_COST)
            .setUnit(GenAiSemconv.USD)
            .setDescription("Cost in US dollars of the LLM calls of each agent invocation.")
            .setExplicitBucketBoundariesAdvice(GenAiSemconv.COST_BUCKETS)
            .build();
    phaseDuration =
        seconds(
            meter,
            GenAiSemconv.PHASE_DURATION,
            "Duration of agent execution phases, by category.",
            GenAiSemconv.PHASE_DURATION_BUCKETS);
    phaseNames = new BoundedValues(config.maxPhaseNames());
    agentNames = new BoundedValues(config.maxAttributeValues());
    workflowNames = new BoundedValues(config.maxAttributeValues());
    toolNames = new BoundedValues(config.maxAttributeValues());
    requestModels = new BoundedValues(config.maxAttributeValues());
    responseModels = new BoundedValues(config.maxAttributeValues());
    providers = new BoundedValues(config.maxAttributeValues());
    errorTypes = new BoundedValues(config.maxAttributeValues());
  }

  void record(CompletedExecution execution) {
    String agent = agentNames.fold(execution.agentName(), OTHER_VALUE);
    double seconds = PhaseMetadata.invocationNanos(execution) / NANOS_PER_SECOND;
    @Nullable String workflow = PhaseMetadata.workflowName(execution);
    AttributesBuilder invocation =
        workflow != null
            ? Attributes.builder().put(WORKFLOW_NAME, workflowNames.fold(workflow, OTHER_VALUE))
            : Attributes.builder().put(AGENT_NAME, agent);
    ExecutionOutcome outcome = execution.outcome();
    if (!outcome.success()) {
      invocation.put(ERROR_TYPE, error(requireNonNullElse(outcome.errorType(), OTHER_VALUE)));
    }
    (workflow != null ? invokeWorkflowDuration : invokeAgentDuration)
        .record(seconds, invocation.build());
    for (PhaseRecord phase : execution.phases()) {
      recordPhase(phase, agent);
    }
    LlmUsage usage = execution.llmUsage();
    if (usage.priced()) {
      invokeAgentCost.record(usage.costUsd(), Attributes.of(AGENT_NAME, agent));
    }
  }

  private void recordPhase(PhaseRecord phase, String agent) {
    double seconds = phase.durationNanos() / NANOS_PER_SECOND;
    String category = PhaseMetadata.categoryId(phase);
    // Beyond the limit a name folds into its category (or "other"), never into a new series.
    String name = phaseNames.fold(phase.name(), category);
    phaseDuration.record(
        seconds, Attributes.of(PHASE_CATEGORY, category, PHASE_NAME, name, AGENT_NAME, agent));
    @Nullable String errorType = PhaseMetadata.string(phase, PhaseRecord.ERROR_TYPE);
    if (PhaseMetadata.isLlmCall(phase)) {
      recordInference(phase, seconds, errorType);
    } else if (PhaseMetadata.isToolCall(phase)) {
      recordTool(phase, seconds, agent, errorType);
    }
  }

  private void recordInference(PhaseRecord phase, double seconds, @Nullable String errorType) {
    AttributesBuilder builder =
        Attributes.builder()
            .put(OPERATION_NAME, OPERATION_CHAT)
            .put(PROVIDER_NAME, provider(phase));
    @Nullable String requestModel = PhaseMetadata.string(phase, PhaseRecord.LLM_MODEL);
    if (requestModel != null) {
      builder.put(REQUEST_MODEL, requestModels.fold(requestModel, OTHER_VALUE));
    }
    @Nullable String responseModel = PhaseMetadata.string(phase, PhaseRecord.LLM_RESPONSE_MODEL);
    if (responseModel != null) {
      builder.put(RESPONSE_MODEL, responseModels.fold(responseModel, OTHER_VALUE));
    }
    Attributes common = builder.build();
    Attributes withError =
        errorType == null ? common : common.toBuilder().put(ERROR_TYPE, error(errorType)).build();
    inferenceDuration.record(seconds, withError);

    // Every call is counted, a failed one too: without reported usage, as 0 of unknown modality.
    @Nullable Long input = PhaseMetadata.count(phase, PhaseRecord.LLM_INPUT_TOKENS);
    @Nullable Long output = PhaseMetadata.count(phase, PhaseRecord.LLM_OUTPUT_TOKENS);
    boolean reported = input != null || output != null;
    long inputTokens = input != null ? input : 0;
    long outputTokens = output != null ? output : 0;
    Attributes usage =
        common.toBuilder().put(TOKEN_MODALITY, reported ? MODALITY_TEXT : MODALITY_UNKNOWN).build();
    usageInputTokens.add(inputTokens, usage);
    usageOutputTokens.add(outputTokens, usage);
    operationInputTokens.record(inputTokens, withError);
    operationOutputTokens.record(outputTokens, withError);

    @Nullable StreamTiming stream = PhaseMetadata.streamTiming(phase);
    if (stream != null) {
      timeToFirstChunk.record(stream.timeToFirstChunkMs() / MS_PER_SECOND, common);
      for (int i = 0; i < stream.chunks() - 1; i++) {
        timePerOutputChunk.record(stream.chunkIntervalMs(i) / MS_PER_SECOND, common);
      }
    }
    @Nullable Double cost = PhaseMetadata.amount(phase, PhaseRecord.LLM_COST_USD);
    if (cost != null) {
      inferenceCost.add(cost, common);
    }
  }

  private void recordTool(
      PhaseRecord phase, double seconds, String agent, @Nullable String errorType) {
    String tool =
        toolNames.fold(requireNonNullElse(PhaseMetadata.toolName(phase), OTHER_VALUE), OTHER_VALUE);
    AttributesBuilder attributes = Attributes.builder().put(TOOL_NAME, tool).put(AGENT_NAME, agent);
    if (errorType != null) {
      attributes.put(ERROR_TYPE, error(errorType));
    }
    executeToolDuration.record(seconds, attributes.build());
  }

  private String provider(PhaseRecord phase) {
    @Nullable String provider = PhaseMetadata.string(phase, PhaseRecord.LLM_PROVIDER);
    // The provider is required: a call that names none reports the conventions' fallback.
    return provider == null
        ? OTHER_VALUE
        : providers.fold(GenAiSemconv.providerName(provider), OTHER_VALUE);
  }

  private String error(String errorType) {
    return errorTypes.fold(errorType, OTHER_VALUE);
  }

  private static DoubleHistogram seconds(
      Meter meter, String name, String description, List<Double> buckets) {
    return meter
        .histogramBuilder(name)
        .setUnit("s")
        .setDescription(description)
        .setExplicitBucketBoundariesAdvice(buckets)
        .build();
  }

  private static LongHistogram tokens(Meter meter, String name, String description) {
    return meter
        .histogramBuilder(name)
        .ofLongs()
        .setUnit("{token}")
        .setDescription(description)
        .setExplicitBucketBoundariesAdvice(GenAiSemconv.TOKEN_BUCKETS)
        .build();
  }
}
