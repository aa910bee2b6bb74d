package io.agentmetrics.a2a.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Finds trace events in a log that also holds anything else: plain text, other JSON, a logger's
 * prefix before the JSON ({@code 2025-01-01 INFO ... {"event": ...}}), JSON wrapped in a {@code
 * message} string (as some encoders do), and JSON pretty-printed over several lines (as in the
 * seed's examples).
 *
 * <p>Rules: a line without an opening brace is not JSON. From its first opening brace a line is
 * parsed as JSON; if the input ends mid-object, following lines are appended (up to {@link
 * #MAX_CONTINUATION_LINES}) until it parses. If the next line makes it invalid, or is a complete
 * JSON object by itself, the started object is counted as truncated and parsing restarts at that
 * line. Lines longer than {@link #MAX_LINE_CHARS} are skipped. Events without a {@code timings_ms}
 * object of numbers are counted as malformed. Every skip is counted in {@link ParseStats}.
 *
 * <p>Only sends go on to the sink: {@code jsonrpc_request_latency} events, and {@code
 * tasks_send_latency} events of other methods (which servers before that event wrote), are counted
 * by method in {@link ParseStats}.
 *
 * <p>Not thread-safe.
 */
final class TraceLogParser {

  static final int MAX_LINE_CHARS = 1 << 20;
  static final int MAX_CONTINUATION_LINES = 64;

  private final ObjectMapper mapper;
  private final ParseStats stats = new ParseStats();

  TraceLogParser(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ParseStats stats() {
    return stats;
  }

  /** Reads all of {@code in}, handing each event to {@code sink} in log order. */
  void parse(Reader in, Consumer<TraceEvent> sink) throws IOException {
    BoundedLineReader reader = new BoundedLineReader(in, MAX_LINE_CHARS);
    StringBuilder pending = null;
    long pendingStart = 0;
    int pendingLines = 0;
    long lineNumber = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      stats.lines++;
      if (pending != null && startsCompleteObject(line)) {
        stats.truncated++;
        pending = null;
      }
      if (pending != null) {
        pending.append('\n').append(line);
        pendingLines++;
        Parsed parsed = tryParse(pending.toString());
        if (parsed.node != null) {
          accept(parsed.node, pendingStart, sink);
          pending = null;
          continue;
        }
        if (parsed.incomplete && pendingLines < MAX_CONTINUATION_LINES) {
          continue;
        }
        stats.truncated++;
        pending = null;
      }
      int brace = line.indexOf('{');
      if (brace < 0) {
        stats.notJson++;
        continue;
      }
      String json = line.substring(brace);
      Parsed parsed = tryParse(json);
      if (parsed.node != null) {
        accept(parsed.node, lineNumber, sink);
      } else if (parsed.incomplete) {
        pending = new StringBuilder(json);
        pendingStart = lineNumber;
        pendingLines = 1;
      } else {
        stats.malformed++;
      }
    }
    if (pending != null) {
      stats.truncated++;
    }
    stats.oversized = reader.oversized();
  }

  private void accept(JsonNode node, long line, Consumer<TraceEvent> sink) {
    if (!node.has("event") && node.path("message").isTextual()) {
      Parsed inner = tryParse(node.path("message").asText().trim());
      if (inner.node != null && inner.node.has("event")) {
        node = inner.node;
      }
    }
    String event = node.path("event").asText("");
    switch (event) {
      case TraceEvent.SEND_EVENT, TraceEvent.OTHER_REQUEST_EVENT -> {
        Map<String, Double> timings = timings(node);
        if (timings == null) {
          stats.malformed++;
          return;
        }
        String method = text(node, "method", "");
        if (event.equals(TraceEvent.OTHER_REQUEST_EVENT) || !TraceEvent.isSend(method)) {
          stats.countOtherRequest(method);
          return;
        }
        stats.sendEvents++;
        sink.accept(
            new TraceEvent.Request(
                line,
                text(node, "request_id", "line-" + line),
                method,
                optionalText(node, "task_id"),
                timings));
      }
      case TraceEvent.AGENT_EVENT -> {
        Map<String, Double> timings = timings(node);
        if (timings == null) {
          stats.malformed++;
          return;
        }
        stats.agentEvents++;
        sink.accept(
            new TraceEvent.Agent(
                line,
                text(node, "task_id", ""),
                text(node, "context_id", ""),
                optionalText(node, "request_id"),
                timings,
                usage(node.path("usage"))));
      }
      default -> stats.otherEvents++;
    }
  }

  private static @Nullable Map<String, Double> timings(JsonNode node) {
    JsonNode timings = node.path("timings_ms");
    if (!timings.isObject() || timings.isEmpty()) {
      return null;
    }
    Map<String, Double> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : timings.properties()) {
      JsonNode value = entry.getValue();
      if (!value.isNumber() || !(value.asDouble() >= 0) || Double.isInfinite(value.asDouble())) {
        return null;
      }
      result.put(entry.getKey(), value.asDouble());
    }
    return result;
  }

  /**
   * The event's {@code usage}, or null when it has none or it is not an object of a model, two
   * whole token counts that are not negative and an optional finite cost that is not negative.
   */
  private static TraceEvent.@Nullable Usage usage(JsonNode usage) {
    if (!usage.isObject()) {
      return null;
    }
    JsonNode input = usage.path("input_tokens");
    JsonNode output = usage.path("output_tokens");
    JsonNode cost = usage.path("cost_usd");
    if (!input.canConvertToLong()
        || !input.isIntegralNumber()
        || input.asLong() < 0
        || !output.isIntegralNumber()
        || !output.canConvertToLong()
        || output.asLong() < 0) {
      return null;
    }
    Double costUsd = null;
    if (!cost.isMissingNode() && !cost.isNull()) {
      if (!cost.isNumber() || !(cost.asDouble() >= 0) || Double.isInfinite(cost.asDouble())) {
        return null;
      }
      costUsd = cost.asDouble();
    }
    return new TraceEvent.Usage(
        text(usage, "model", "unknown"), input.asLong(), output.asLong(), costUsd);
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : fallback;
  }

  private static @Nullable String optionalText(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  /** A line that is a whole JSON object by itself ends any object started before it. */
  private boolean startsCompleteObject(String line) {
    int brace = line.indexOf('{');
    return brace >= 0 && line.indexOf('}') > brace && tryParse(line.substring(brace)).node != null;
  }

  private Parsed tryParse(String json) {
    try {
      JsonNode node = mapper.readTree(json);
      return node != null && node.isObject() ? new Parsed(node, false) : new Parsed(null, false);
    } catch (JsonEOFException e) {
      return new Parsed(null, true);
    } catch (JsonProcessingException e) {
      // Jackson reports some ends of input (e.g. after a comma) as a plain parse error.
      String message = e.getOriginalMessage();
      return new Parsed(null, message != null && message.startsWith("Unexpected end-of-input"));
    }
  }

  private record Parsed(@Nullable JsonNode node, boolean incomplete) {}

  /** What the parser saw and skipped. Mutable while parsing; read it afterwards. */
  static final class ParseStats {

    /** Methods counted by name; a log naming more has the rest counted together. */
    static final int MAX_METHODS = 16;

    static final String OTHER_METHODS = "(other methods)";

    long lines;
    long sendEvents;
    long agentEvents;
    long otherRequests;
    final Map<String, Long> otherRequestsByMethod = new LinkedHashMap<>();
    long notJson;
    long otherEvents;
    long malformed;
    long truncated;
    long oversized;

    long skipped() {
      return notJson + otherEvents + malformed + truncated + oversized;
    }

    /** Counts a request that is not a send, such as {@code tasks/get}, by its method. */
    void countOtherRequest(String method) {
      otherRequests++;
      String name = method.isEmpty() ? "(no method)" : method;
      if (!otherRequestsByMethod.containsKey(name)
          && otherRequestsByMethod.size() >= MAX_METHODS - 1) {
        name = OTHER_METHODS;
      }
      otherRequestsByMethod.merge(name, 1L, Long::sum);
    }
  }
}
