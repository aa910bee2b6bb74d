package io.agentmetrics.a2a.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceLogParserTest {

  private static final String REQUEST =
      "{\"event\":\"tasks_send_latency\",\"request_id\":\"r1\",\"method\":\"message/send\","
          + "\"timings_ms\":{\"json_parsing\":0.5,\"total\":12.0}}";

  private final TraceLogParser parser = new TraceLogParser(new ObjectMapper());

  private List<TraceEvent> parse(String log) throws IOException {
    List<TraceEvent> events = new ArrayList<>();
    parser.parse(new StringReader(log), events::add);
    return events;
  }

  @Test
  void readsAnEventBehindALoggerPrefix() throws IOException {
    List<TraceEvent> events = parse("12:00:00.001 [qtp-3] INFO trace - " + REQUEST + "\n");

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            TraceEvent.Request.class,
            r -> {
              assertThat(r.requestId()).isEqualTo("r1");
              assertThat(r.timings())
                  .containsEntry("json_parsing", 0.5)
                  .containsEntry("total", 12.0);
              assertThat(r.line()).isEqualTo(1);
            });
  }

  @Test
  void readsAnEventPrettyPrintedOverSeveralLines() throws IOException {
    List<TraceEvent> events =
        parse(
            """
            text
            {
              "event": "agent_processing_detail",
              "task_id": "t",
              "context_id": "c",
              "timings_ms": {
                "llm_invocation": 9.5
              }
            }
            """);

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            TraceEvent.Agent.class,
            a -> {
              assertThat(a.taskId()).isEqualTo("t");
              assertThat(a.line()).isEqualTo(2);
            });
    assertThat(parser.stats().notJson).isEqualTo(1);
  }

  @Test
  void aTruncatedLineDoesNotSwallowTheCompleteEventAfterIt() throws IOException {
    List<TraceEvent> events =
        parse("{\"event\":\"tasks_send_latency\",\"timings_ms\":{\"total\":[1,\n" + REQUEST + "\n");

    assertThat(events).hasSize(1);
    assertThat(parser.stats().truncated).isEqualTo(1);
  }

  @Test
  void anObjectStillOpenAtTheEndOfInputIsTruncated() throws IOException {
    List<TraceEvent> events = parse(REQUEST + "\n{\"event\":\"tasks_send_latency\",");

    assertThat(events).hasSize(1);
    assertThat(parser.stats().truncated).isEqualTo(1);
  }

  @Test
  void readsAnEventWrappedInAMessageString() throws IOException {
    String wrapped =
        new ObjectMapper()
            .createObjectNode()
            .put("level", "INFO")
            .put("message", REQUEST)
            .toString();

    assertThat(parse(wrapped + "\n")).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"event\":\"tasks_send_latency\"} | malformed",
        "{\"event\":\"tasks_send_latency\",\"timings_ms\":{\"total\":\"slow\"}} | malformed",
        "{\"event\":\"tasks_send_latency\",\"timings_ms\":{\"total\":-1}} | malformed",
        "{\"event\":\"tasks_send_latency\",\"timings_ms\":{}} | malformed",
        "{oops} | malformed",
        "{\"event\":\"server_started\"} | other",
        "[1,2,3] | notJson",
        "plain text | notJson",
      })
  void countsWhatItSkips(String line, String kind) throws IOException {
    assertThat(parse(line + "\n")).isEmpty();

    TraceLogParser.ParseStats stats = parser.stats();
    long count =
        switch (kind) {
          case "malformed" -> stats.malformed;
          case "other" -> stats.otherEvents;
          default -> stats.notJson;
        };
    assertThat(count).isEqualTo(1);
    assertThat(stats.skipped()).isEqualTo(1);
  }

  @Test
  void missingRequestIdFallsBackToTheLineNumber() throws IOException {
    List<TraceEvent> events =
        parse("x\n{\"event\":\"tasks_send_latency\",\"timings_ms\":{\"total\":3}}\n");

    assertThat(((TraceEvent.Request) events.get(0)).requestId()).isEqualTo("line-2");
  }

  @Test
  void onlySendsGoOnAndOtherMethodsAreCountedByMethodWhicheverEventTheyCameIn() throws IOException {
    String log =
        REQUEST
            + "\n"
            + request("jsonrpc_request_latency", "tasks/get")
            + "\n"
            // A server before jsonrpc_request_latency logged every method as a send.
            + request("tasks_send_latency", "tasks/get")
            + "\n"
            + request("jsonrpc_request_latency", "unknown")
            + "\n"
            + request("tasks_send_latency", "tasks/send")
            + "\n";

    List<TraceEvent> events = parse(log);

    assertThat(events)
        .extracting(e -> ((TraceEvent.Request) e).method())
        .containsExactly("message/send", "tasks/send");
    assertThat(parser.stats().sendEvents).isEqualTo(2);
    assertThat(parser.stats().otherRequests).isEqualTo(3);
    assertThat(parser.stats().otherRequestsByMethod)
        .containsExactly(entry("tasks/get", 2L), entry("unknown", 1L));
    assertThat(parser.stats().skipped()).isZero();
  }

  @Test
  void theSendsOfA2a10GoOnAndItsOtherOperationsAreCountedApart() throws IOException {
    String log =
        request("tasks_send_latency", "SendMessage")
            + "\n"
            + request("tasks_send_latency", "SendStreamingMessage")
            + "\n"
            + request("jsonrpc_request_latency", "GetTask")
            + "\n";

    List<TraceEvent> events = parse(log);

    assertThat(events)
        .extracting(e -> ((TraceEvent.Request) e).method())
        .containsExactly("SendMessage", "SendStreamingMessage");
    assertThat(parser.stats().otherRequestsByMethod).containsExactly(entry("GetTask", 1L));
  }

  @Test
  void aLogOfManyMethodsCountsTheRestTogether() throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      log.append(request("jsonrpc_request_latency", "method-" + i)).append('\n');
    }

    parse(log.toString());

    assertThat(parser.stats().otherRequestsByMethod)
        .hasSize(TraceLogParser.ParseStats.MAX_METHODS)
        .containsEntry("method-0", 1L)
        .containsEntry(
            TraceLogParser.ParseStats.OTHER_METHODS,
            40L - TraceLogParser.ParseStats.MAX_METHODS + 1);
  }

  private static String request(String event, String method) {
    return "{\"event\":\""
        + event
        + "\",\"request_id\":\"x\",\"method\":\""
        + method
        + "\",\"timings_ms\":{\"total\":1.0}}";
  }
}
