package io.agentmetrics.a2a.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.agent.InvocationUsage;
import io.agentmetrics.a2a.internal.LogSafe;
import io.agentmetrics.a2a.stage.SendMethods;
import io.agentmetrics.a2a.stage.Stage;
import java.io.IOException;
import net.logstash.logback.argument.StructuredArgument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the trace events to the {@code A2A_TRACE_LATENCY} logger, one JSON object per line (see
 * {@link TraceLogAppender}): the seed's {@code tasks_send_latency} per send ({@code message/send}
 * or {@code message/stream} on either path, or A2A 1.0's {@code SendMessage} or {@code
 * SendStreamingMessage} in either binding), {@code jsonrpc_request_latency} per other request (such
 * as {@code tasks/get}, {@code GetTask}, or a body that could not be read), so that the seed's
 * recipes over {@code tasks_send_latency} see sends only, and the seed's {@code
 * agent_processing_detail} per agent run, with the run's {@code queue_wait} and its {@code
 * task_total} (from submission to the final state, which a non-blocking send reaches after its
 * response) beside the seed's four stages, and the LLM's {@code usage} ({@code model}, {@code
 * input_tokens}, {@code output_tokens} and, when the model has a price, {@code cost_usd}) when the
 * provider reported it. Only sampled requests are written, and the events carry ids, timings and
 * counts only, never message text; the ids a client chose are escaped and cut ({@link LogSafe}).
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class TraceLatencyLog implements RequestObserver {

  /** The logger name, as in the seed's environment variable. */
  public static final String LOGGER_NAME = "A2A_TRACE_LATENCY";

  /** The event of a send, as the seed names it. */
  static final String SEND_EVENT = "tasks_send_latency";

  /** The event of every other JSON-RPC request. */
  static final String REQUEST_EVENT = "jsonrpc_request_latency";

  /** The event of an agent run, as the seed names it. */
  static final String AGENT_EVENT = "agent_processing_detail";

  private static final Logger trace = LoggerFactory.getLogger(LOGGER_NAME);

  /**
   * Creates the log writer.
   *
   * @since 0.1.0
   */
  public TraceLatencyLog() {}

  @Override
  public void onRequest(RequestLatency latency) {
    if (!latency.sampled() || !trace.isInfoEnabled()) {
      return;
    }
    String name = SendMethods.SERVED.contains(latency.method()) ? SEND_EVENT : REQUEST_EVENT;
    trace.info(name, new RequestEvent(name, latency));
  }

  @Override
  public void onAgentRun(AgentRunLatency latency) {
    if (!latency.sampled() || !trace.isInfoEnabled()) {
      return;
    }
    trace.info(AGENT_EVENT, new AgentRunEvent(latency));
  }

  /**
   * An event as the encoder's structured argument: the appender's writer thread writes its fields
   * straight to the JSON generator, so an event costs the request thread one small object, and no
   * map is built or serialized in between.
   */
  private abstract static class Event implements StructuredArgument {
    private final String name;

    Event(String name) {
      this.name = name;
    }

    @Override
    public final void writeTo(JsonGenerator generator) throws IOException {
      generator.writeStringField("event", name);
      writeFields(generator);
    }

    abstract void writeFields(JsonGenerator generator) throws IOException;

    @Override
    public final String toString() {
      return name;
    }
  }

  private static final class RequestEvent extends Event {
    private final RequestLatency latency;

    RequestEvent(String name, RequestLatency latency) {
      super(name);
      this.latency = latency;
    }

    @Override
    void writeFields(JsonGenerator generator) throws IOException {
      generator.writeStringField("request_id", LogSafe.of(latency.requestId()));
      generator.writeStringField("method", latency.method());
      String taskId = latency.taskId();
      if (taskId != null) {
        generator.writeStringField("task_id", taskId);
      }
      generator.writeObjectFieldStart("timings_ms");
      generator.writeNumberField(Stage.JSON_PARSING.id(), part(latency.jsonParsingMs()));
      generator.writeNumberField(
          Stage.MESSAGE_NORMALIZATION.id(), part(latency.messageNormalizationMs()));
      generator.writeNumberField(Stage.AGENT_PROCESSING.id(), part(latency.agentProcessingMs()));
      generator.writeNumberField(
          Stage.RESPONSE_SERIALIZATION.id(), part(latency.responseSerializationMs()));
      generator.writeNumberField(Stage.TOTAL.id(), whole(latency.totalMs()));
      generator.writeEndObject();
    }
  }

  private static final class AgentRunEvent extends Event {
    private final AgentRunLatency latency;

    AgentRunEvent(AgentRunLatency latency) {
      super(AGENT_EVENT);
      this.latency = latency;
    }

    @Override
    void writeFields(JsonGenerator generator) throws IOException {
      generator.writeStringField("task_id", latency.taskId());
      generator.writeStringField("context_id", LogSafe.of(latency.contextId()));
      AgentStageTimings stages = latency.stages();
      generator.writeObjectFieldStart("timings_ms");
      generator.writeNumberField(Stage.TEXT_EXTRACTION.id(), part(stages.textExtractionMs()));
      generator.writeNumberField(Stage.CONTEXT_LOOKUP.id(), part(stages.contextLookupMs()));
      generator.writeNumberField(Stage.LLM_INVOCATION.id(), part(stages.llmInvocationMs()));
      generator.writeNumberField(Stage.RESPONSE_BUILDING.id(), part(stages.responseBuildingMs()));
      generator.writeNumberField(Stage.QUEUE_WAIT.id(), part(latency.queueWaitMs()));
      generator.writeNumberField(Stage.TASK_TOTAL.id(), whole(latency.taskTotalMs()));
      generator.writeEndObject();
      InvocationUsage usage = stages.llmUsage();
      if (usage != null) {
        generator.writeObjectFieldStart("usage");
        generator.writeStringField("model", usage.model());
        generator.writeNumberField("input_tokens", usage.inputTokens());
        generator.writeNumberField("output_tokens", usage.outputTokens());
        Double cost = usage.costUsd();
        if (cost != null) {
          generator.writeNumberField("cost_usd", cost.doubleValue());
        }
        generator.writeEndObject();
      }
    }
  }

  /** Microsecond resolution: three decimals, so sub-millisecond stages do not print as 0.0. */
  static double round(double ms) {
    return Math.round(ms * 1000.0) / 1000.0;
  }

  /**
   * A stage to the microsecond below. With {@link #whole} for totals, the logged stages of an event
   * never add up to more than its logged total, which rounding each to the nearest could do.
   */
  static double part(double ms) {
    return Math.floor(ms * 1000.0) / 1000.0;
  }

  /** A total to the microsecond above; see {@link #part}. */
  static double whole(double ms) {
    return Math.ceil(ms * 1000.0) / 1000.0;
  }
}
