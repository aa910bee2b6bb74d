package io.agentmetrics.supervisor.otel;

import static io.agentmetrics.supervisor.otel.GenAiSemconv.AGENT_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.ERROR_TYPE;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.OPERATION_CHAT;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.OPERATION_INVOKE_AGENT;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.OPERATION_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.OTHER_VALUE;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.PHASE_CATEGORY;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.PHASE_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.PROVIDER_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.REQUEST_MODEL;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.TOKEN_TYPE;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.TOKEN_TYPE_INPUT;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.TOKEN_TYPE_OUTPUT;
import static java.util.Objects.requireNonNullElse;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.PhaseRecord;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import org.jspecify.annotations.Nullable;

/**
 * Records the {@code gen_ai.*} and {@code agentmetrics.phase.duration} histograms of every finished
 * execution. Every free-form attribute value passes through a {@link BoundedValues}, so the number
 * of series stays bounded whatever names callers use. Thread-safe.
 */
final class ExecutionMetrics {

  private static final double NANOS_PER_SECOND = 1_000_000_000.0;

  private final DoubleHistogram requestDuration;
  private final DoubleHistogram timeToFirstToken;
  private final DoubleHistogram operationDuration;
  private final LongHistogram tokenUsage;
  private final DoubleHistogram phaseDuration;

  private final BoundedValues phaseNames;
  private final BoundedValues agentNames;
  private final BoundedValues models;
  private final BoundedValues providers;
  private final BoundedValues errorTypes;

  ExecutionMetrics(Meter meter, OpenTelemetryBridgeConfig config) {
    requestDuration =
        meter
            .histogramBuilder(GenAiSemconv.SERVER_REQUEST_DURATION)
            .setUnit("s")
            .setDescription("Duration of agent invocations, from start to completion.")
            .setExplicitBucketBoundariesAdvice(GenAiSemconv.DURATION_BUCKETS)
            .build();
    timeToFirstToken =
        meter
            .histogramBuilder(GenAiSemconv.SERVER_TIME_TO_FIRST_TOKEN)
            .setUnit("s")
            .setDescription("Time to the first token of successful agent invocations.")
            .setExplicitBucketBoundariesAdvice(GenAiSemconv.TIME_TO_FIRST_TOKEN_BUCKETS)
            .build();
    operationDuration =
        meter
            .histogramBuilder(GenAiSemconv.CLIENT_OPERATION_DURATION)
            .setUnit("s")
            .setDescription("Duration of the LLM calls agents make.")
            .setExplicitBucketBoundariesAdvice(GenAiSemconv.DURATION_BUCKETS)
            .build();
    tokenUsage =
        meter
            .histogramBuilder(GenAiSemconv.CLIENT_TOKEN_USAGE)
            .ofLongs()
            .setUnit("{token}")
            .setDescription("Number of input and output tokens used by LLM calls.")
            .setExplicitBucketBoundariesAdvice(GenAiSemconv.TOKEN_USAGE_BUCKETS)
            .build();
    phaseDuration =
        meter
            .histogramBuilder(GenAiSemconv.PHASE_DURATION)
            .setUnit("s")
            .setDescription("Duration of agent execution phases, by category.")
            .setExplicitBucketBoundariesAdvice(GenAiSemconv.PHASE_DURATION_BUCKETS)
            .build();
    phaseNames = new BoundedValues(config.maxPhaseNames());
    agentNames = new BoundedValues(config.maxAttributeValues());
    models = new BoundedValues(config.maxAttributeValues());
    providers = new BoundedValues(config.maxAttributeValues());
    errorTypes = new BoundedValues(config.maxAttributeValues());
  }

  void record(CompletedExecution execution) {
    String agent = agentNames.fold(execution.agentName(), OTHER_VALUE);
    ExecutionOutcome outcome = execution.outcome();
    Attributes agentAttributes =
        Attributes.of(OPERATION_NAME, OPERATION_INVOKE_AGENT, AGENT_NAME, agent);
    if (outcome.success()) {
      requestDuration.record(execution.breakdown().totalMs() / 1000.0, agentAttributes);
      // The conventions define time to first token for successful responses only.
      execution
          .breakdown()
          .ttftMs()
          .ifPresent(ttftMs -> timeToFirstToken.record(ttftMs / 1000.0, agentAttributes));
    } else {
      requestDuration.record(
          execution.breakdown().totalMs() / 1000.0,
          agentAttributes.toBuilder()
              .put(
                  ERROR_TYPE,
                  errorTypes.fold(
                      requireNonNullElse(outcome.errorType(), OTHER_VALUE), OTHER_VALUE))
              .build());
    }
    for (PhaseRecord phase : execution.phases()) {
      recordPhase(phase, agent);
    }
  }

  private void recordPhase(PhaseRecord phase, String agent) {
    double seconds = phase.durationNanos() / NANOS_PER_SECOND;
    String category = PhaseMetadata.categoryId(phase);
    // Beyond the limit a name folds into its category (or "other"), never into a new series.
    String name = phaseNames.fold(phase.name(), category);
    phaseDuration.record(
        seconds, Attributes.of(PHASE_CATEGORY, category, PHASE_NAME, name, AGENT_NAME, agent));
    if (PhaseMetadata.isLlmCall(phase)) {
      recordLlmCall(phase, seconds);
    }
  }

  private void recordLlmCall(PhaseRecord phase, double seconds) {
    AttributesBuilder builder = Attributes.builder().put(OPERATION_NAME, OPERATION_CHAT);
    @Nullable String provider = PhaseMetadata.string(phase, PhaseRecord.LLM_PROVIDER);
    if (provider != null) {
      builder.put(PROVIDER_NAME, providers.fold(provider, OTHER_VALUE));
    }
    @Nullable String model = PhaseMetadata.string(phase, PhaseRecord.LLM_MODEL);
    if (model != null) {
      builder.put(REQUEST_MODEL, models.fold(model, OTHER_VALUE));
    }
    Attributes common = builder.build();
    @Nullable String errorType = PhaseMetadata.string(phase, PhaseRecord.ERROR_TYPE);
    operationDuration.record(
        seconds,
        errorType == null
            ? common
            : common.toBuilder().put(ERROR_TYPE, errorTypes.fold(errorType, OTHER_VALUE)).build());
    @Nullable Long input = PhaseMetadata.count(phase, PhaseRecord.LLM_INPUT_TOKENS);
    if (input != null) {
      tokenUsage.record(input, common.toBuilder().put(TOKEN_TYPE, TOKEN_TYPE_INPUT).build());
    }
    @Nullable Long output = PhaseMetadata.count(phase, PhaseRecord.LLM_OUTPUT_TOKENS);
    if (output != null) {
      tokenUsage.record(output, common.toBuilder().put(TOKEN_TYPE, TOKEN_TYPE_OUTPUT).build());
    }
  }

  /** How many phase names were folded because the limit was reached. */
  long foldedPhaseNames() {
    return phaseNames.foldedCount();
  }
}
