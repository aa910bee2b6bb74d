package io.agentmetrics.supervisor.otel;

import static io.agentmetrics.supervisor.otel.GenAiSemconv.AGENT_ID;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.AGENT_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.CONVERSATION_ID;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.ERROR_TYPE;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.EXECUTION_ID;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.OPERATION_CHAT;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.OPERATION_EXECUTE_TOOL;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.OPERATION_INVOKE_AGENT;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.OPERATION_INVOKE_WORKFLOW;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.OPERATION_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.OTHER_VALUE;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.PHASE_CATEGORY;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.PHASE_CLOSED_BY_COLLECTOR;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.PHASE_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.PHASE_PARALLEL;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.PROVIDER_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.REQUEST_MODEL;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.REQUEST_STREAM;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.RESPONSE_MODEL;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.RESPONSE_TIME_TO_FIRST_CHUNK;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.RUN_ID;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.TOOL_NAME;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.USAGE_COST_USD;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.USAGE_INPUT_TOKENS;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.USAGE_OUTPUT_TOKENS;
import static io.agentmetrics.supervisor.otel.GenAiSemconv.WORKFLOW_NAME;
import static java.util.Objects.requireNonNullElse;

import io.agentmetrics.api.CompletedExecution;
import io.agentmetrics.api.ExecutionContext;
import io.agentmetrics.api.ExecutionOutcome;
import io.agentmetrics.api.LlmUsage;
import io.agentmetrics.api.PhaseRecord;
import io.agentmetrics.api.StreamTiming;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns one finished execution into a span tree: an {@code invoke_agent} span (or {@code
 * invoke_workflow} for a supervisor's workflow) with a child span per phase, nested as the phases
 * were. Spans are created after the fact with explicit start and end timestamps, so they show the
 * execution's real times. Thread-safe (stateless apart from the tracer).
 */
final class ExecutionSpans {

  /** The event on the agent span that marks the first streamed token. */
  static final String FIRST_TOKEN_EVENT = "agentmetrics.first_token";

  private final Tracer tracer;

  ExecutionSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  void export(CompletedExecution execution, Context parent) {
    Instant start = execution.startTime();
    @Nullable String workflow = PhaseMetadata.workflowName(execution);
    Span agentSpan =
        tracer
            .spanBuilder(
                workflow != null
                    ? OPERATION_INVOKE_WORKFLOW + ' ' + workflow
                    : OPERATION_INVOKE_AGENT + ' ' + execution.agentName())
            .setParent(parent)
            // In-process agent: the conventions' "invoke agent internal span". A server span
            // (for example the A2A HTTP request) is the parent when one is current.
            .setSpanKind(SpanKind.INTERNAL)
            .setStartTimestamp(start)
            .setAllAttributes(agentAttributes(execution, workflow))
            .startSpan();
    Context agentContext = parent.with(agentSpan);
    @Nullable String conversationId = attribute(execution, ExecutionContext.CONVERSATION_ID);

    // Phase ids count from 0 in start order, and a parent always starts before its children.
    List<PhaseRecord> phases = execution.phases();
    @Nullable Context[] phaseContexts = new Context[phases.size()];
    for (PhaseRecord phase : phases) {
      Context phaseParent = contextOf(phase.parentId(), phaseContexts, agentContext);
      Span span = phaseSpan(phase, phaseParent, start, conversationId);
      span.end(start.plusNanos(phase.endOffsetNanos()));
      if (phase.id() < phaseContexts.length) {
        phaseContexts[phase.id()] = phaseParent.with(span);
      }
    }

    execution
        .breakdown()
        .ttftMs()
        .ifPresent(ttftMs -> agentSpan.addEvent(FIRST_TOKEN_EVENT, start.plusNanos(nanos(ttftMs))));
    ExecutionOutcome outcome = execution.outcome();
    if (!outcome.success()) {
      agentSpan.setAttribute(ERROR_TYPE, requireNonNullElse(outcome.errorType(), OTHER_VALUE));
      agentSpan.setStatus(StatusCode.ERROR, requireNonNullElse(outcome.errorMessage(), ""));
    }
    agentSpan.end(start.plusNanos(PhaseMetadata.invocationNanos(execution)));
  }

  private static Attributes agentAttributes(
      CompletedExecution execution, @Nullable String workflow) {
    AttributesBuilder attributes = Attributes.builder();
    if (workflow != null) {
      attributes.put(OPERATION_NAME, OPERATION_INVOKE_WORKFLOW).put(WORKFLOW_NAME, workflow);
    } else {
      attributes.put(OPERATION_NAME, OPERATION_INVOKE_AGENT);
    }
    attributes
        .put(AGENT_NAME, execution.agentName())
        .put(EXECUTION_ID, execution.executionId().toString());
    // The conventions give gen_ai.agent.id to agents that have a stable id of their own (a hosted
    // agent's); an in-process agent is known by its name, so the id is only set when given.
    putIfPresent(
        attributes, AGENT_ID, attribute(execution, OpenTelemetryBridge.AGENT_ID_ATTRIBUTE));
    putIfPresent(
        attributes, CONVERSATION_ID, attribute(execution, ExecutionContext.CONVERSATION_ID));
    putIfPresent(attributes, RUN_ID, attribute(execution, CompletedExecution.RUN_ID));
    LlmUsage usage = execution.llmUsage();
    if (usage.calls() > 0) {
      attributes
          .put(USAGE_INPUT_TOKENS, usage.inputTokens())
          .put(USAGE_OUTPUT_TOKENS, usage.outputTokens());
      if (usage.priced()) {
        attributes.put(USAGE_COST_USD, usage.costUsd());
      }
    }
    return attributes.build();
  }

  private Span phaseSpan(
      PhaseRecord phase, Context parent, Instant start, @Nullable String conversationId) {
    AttributesBuilder attributes =
        Attributes.builder().put(PHASE_CATEGORY, PhaseMetadata.categoryId(phase));
    String spanName;
    SpanKind kind = SpanKind.INTERNAL;
    if (PhaseMetadata.isLlmCall(phase)) {
      @Nullable String model = PhaseMetadata.string(phase, PhaseRecord.LLM_MODEL);
      spanName = model != null ? OPERATION_CHAT + ' ' + model : OPERATION_CHAT;
      kind = SpanKind.CLIENT;
      attributes.put(OPERATION_NAME, OPERATION_CHAT).put(PHASE_NAME, phase.name());
      putIfPresent(attributes, REQUEST_MODEL, model);
      putIfPresent(
          attributes, RESPONSE_MODEL, PhaseMetadata.string(phase, PhaseRecord.LLM_RESPONSE_MODEL));
      @Nullable String provider = PhaseMetadata.string(phase, PhaseRecord.LLM_PROVIDER);
      attributes.put(
          PROVIDER_NAME, provider != null ? GenAiSemconv.providerName(provider) : OTHER_VALUE);
      if (PhaseMetadata.isStreamed(phase)) {
        attributes.put(REQUEST_STREAM, true);
      }
      @Nullable StreamTiming stream = PhaseMetadata.streamTiming(phase);
      if (stream != null) {
        attributes.put(RESPONSE_TIME_TO_FIRST_CHUNK, stream.timeToFirstChunkMs() / 1000.0);
      }
      putIfPresent(
          attributes, USAGE_INPUT_TOKENS, PhaseMetadata.count(phase, PhaseRecord.LLM_INPUT_TOKENS));
      putIfPresent(
          attributes,
          USAGE_OUTPUT_TOKENS,
          PhaseMetadata.count(phase, PhaseRecord.LLM_OUTPUT_TOKENS));
      putIfPresent(
          attributes, USAGE_COST_USD, PhaseMetadata.amount(phase, PhaseRecord.LLM_COST_USD));
      putIfPresent(attributes, CONVERSATION_ID, conversationId);
    } else if (PhaseMetadata.isToolCall(phase)) {
      @Nullable String tool = PhaseMetadata.toolName(phase);
      spanName = tool != null ? OPERATION_EXECUTE_TOOL + ' ' + tool : OPERATION_EXECUTE_TOOL;
      attributes.put(OPERATION_NAME, OPERATION_EXECUTE_TOOL).put(PHASE_NAME, phase.name());
      putIfPresent(attributes, TOOL_NAME, tool);
      putIfPresent(attributes, CONVERSATION_ID, conversationId);
    } else {
      spanName = phase.name();
    }
    if (phase.parallel()) {
      attributes.put(PHASE_PARALLEL, true);
    }
    if (phase.closedByCollector()) {
      attributes.put(PHASE_CLOSED_BY_COLLECTOR, true);
    }
    @Nullable String errorType = PhaseMetadata.string(phase, PhaseRecord.ERROR_TYPE);
    putIfPresent(attributes, ERROR_TYPE, errorType);

    Span span =
        tracer
            .spanBuilder(spanName)
            .setParent(parent)
            .setSpanKind(kind)
            .setStartTimestamp(start.plusNanos(phase.startOffsetNanos()))
            .setAllAttributes(attributes.build())
            .startSpan();
    if (errorType != null) {
      span.setStatus(StatusCode.ERROR);
    }
    return span;
  }

  /** The context of phase {@code parentId}, or the agent's for a top-level or unknown parent. */
  private static Context contextOf(
      int parentId, @Nullable Context[] phaseContexts, Context agentContext) {
    if (parentId < 0 || parentId >= phaseContexts.length) {
      return agentContext;
    }
    Context parent = phaseContexts[parentId];
    return parent != null ? parent : agentContext;
  }

  private static @Nullable String attribute(CompletedExecution execution, String key) {
    Object value = execution.attributes().get(key);
    return value != null ? value.toString() : null;
  }

  private static <T> void putIfPresent(
      AttributesBuilder attributes, AttributeKey<T> key, @Nullable T value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }

  private static long nanos(double millis) {
    return Math.round(millis * 1_000_000.0);
  }
}
