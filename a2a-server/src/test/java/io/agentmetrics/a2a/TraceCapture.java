package io.agentmetrics.a2a;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.trace.TraceLogAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Captures what the A2A_TRACE_LATENCY appender writes, through the real encoder. */
final class TraceCapture {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  TraceCapture() {
    TraceLogAppender.installTo(out);
  }

  List<String> lines() {
    synchronized (out) {
      String all = out.toString(StandardCharsets.UTF_8);
      return all.isEmpty() ? List.of() : List.of(all.split("\\R"));
    }
  }

  List<JsonNode> events(String name) {
    List<JsonNode> events = new ArrayList<>();
    for (String line : lines()) {
      try {
        JsonNode node = JSON.readTree(line);
        if (name.equals(node.path("event").asText())) {
          events.add(node);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("trace line is not JSON: " + line, e);
      }
    }
    return events;
  }
}
