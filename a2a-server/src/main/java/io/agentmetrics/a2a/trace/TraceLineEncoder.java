package io.agentmetrics.a2a.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.agent.InvocationUsage;
import io.agentmetrics.a2a.internal.LogSafe;
import io.agentmetrics.a2a.stage.SendMethods;
import io.agentmetrics.a2a.stage.Stage;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders trace events as the seed's JSON lines ({@link TraceLatencyLog} lists them): each event's
 * fields go straight from its timing record to one reused Jackson generator, which hands the whole
 * line to {@code out} in one {@code write} call. One serialisation per event, with no map, string
 * or byte array in between, and no flush of {@code out}: the caller flushes once per batch.
 *
 * <p>Not thread-safe: each writer owns one.
 */
final class TraceLineEncoder implements Closeable {

  /** Whole lines with no separator but their newline; flushing and closing {@code out} are ours. */
  private static final JsonFactory JSON =
      new JsonFactoryBuilder()
          .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .rootValueSeparator((SerializableString) null)
          .build();

  private final JsonGenerator generator;

  TraceLineEncoder(OutputStream out) throws IOException {
    this.generator = JSON.createGenerator(out);
  }

  /**
   * Writes {@code event} as one line.
   *
   * @param event a {@link RequestLatency} or an {@link AgentRunLatency}
   */
  void write(Object event) throws IOException {
    if (event instanceof RequestLatency request) {
      generator.writeStartObject();
      writeRequest(request);
    } else if (event instanceof AgentRunLatency run) {
      generator.writeStartObject();
      writeRun(run);
    } else {
      throw new IllegalArgumentException("not a trace event: " + event.getClass().getName());
    }
    generator.writeEndObject();
    generator.writeRaw('\n');
    generator.flush();
  }

  private void writeRequest(RequestLatency latency) throws IOException {
    generator.writeStringField(
        "event",
        SendMethods.SERVED.contains(latency.method())
            ? TraceLatencyLog.SEND_EVENT
            : TraceLatencyLog.REQUEST_EVENT);
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

  private void writeRun(AgentRunLatency latency) throws IOException {
    generator.writeStringField("event", TraceLatencyLog.AGENT_EVENT);
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

  /** Releases the generator's buffers; {@code out} stays open. */
  @Override
  public void close() throws IOException {
    generator.close();
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
