package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.a2a.agent.AgentReply;
import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.agent.TaskProcessor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A client-chosen request id full of line breaks and control characters reaches the server log (a
 * disconnected client's cancelled turn names its request) and the trace log escaped and on one
 * line: it cannot forge a log line, move the cursor of a terminal, or hide in a Unicode line break.
 */
class LogForgingIT {

  private static final String FORGED =
      "2026-01-01T00:00:00.000Z ERROR [main] io.agentmetrics.a2a.A2aServer - admin logged in";

  /** As JSON: CR LF, a forged line, an ANSI escape, NEL and LINE SEPARATOR. */
  private static final String JSON_ID = "\"r1\\r\\n" + FORGED + "\\u001b[2J\\u0085\\u2028end\"";

  /** The id as the logs must show it: every control character escaped, the text kept. */
  private static final String ESCAPED_ID = "r1\\r\\n" + FORGED + "\\u001b[2J\\u0085\\u2028end";

  @Test
  void aRequestIdFullOfControlCharactersIsEscapedInTheServerAndTraceLogs() throws Exception {
    TraceCapture trace = new TraceCapture();
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    LoggerContext production = productionContext();
    AppenderBase<ILoggingEvent> capture = captureWith(productionEncoder(production), logs);
    capture.setContext(context);
    capture.start();
    root.addAppender(capture);
    CountDownLatch started = new CountDownLatch(1);
    TaskProcessor agent =
        request -> {
          started.countDown();
          new CountDownLatch(1).await();
          return new AgentReply("never", new AgentStageTimings(0, 0, 0, 0));
        };
    try (TestServer server = TestServer.start(c -> c, agent)) {
      try (RawHttp client = RawHttp.open(server, Duration.ofSeconds(30))) {
        client.send(
            RawHttp.post(
                server,
                "/",
                "{\"jsonrpc\":\"2.0\",\"id\":"
                    + JSON_ID
                    + ",\"method\":\"message/send\",\"params\":{\"message\":"
                    + JsonRpcProtocolIT.message("I leave")
                    + "}}"));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      }
      awaitContains(logs, "disconnected");
      awaitTraceEvent(trace);
    } finally {
      root.detachAppender(capture);
      capture.stop();
      production.stop();
    }

    String written = logs.toString(StandardCharsets.UTF_8);
    List<String> lines = written.lines().toList();
    assertThat(lines).filteredOn(line -> line.contains("disconnected")).hasSize(1);
    assertThat(lines)
        .filteredOn(line -> line.contains("disconnected"))
        .first()
        .asString()
        .contains(ESCAPED_ID);
    assertThat(lines).noneMatch(line -> line.startsWith("2026-01-01"));
    assertThat(written).doesNotContain("\u001b", "\u0085", "\u2028");
    JsonNode event = trace.events("tasks_send_latency").get(0);
    assertThat(event.path("request_id").asText()).isEqualTo(ESCAPED_ID);
    assertThat(String.join("\n", trace.lines())).doesNotContain("\u0085", "\u2028");
  }

  private static void awaitContains(ByteArrayOutputStream logs, String text) {
    await("a log line with '" + text + "'")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> logs.toString(StandardCharsets.UTF_8).contains(text));
  }

  private static void awaitTraceEvent(TraceCapture trace) {
    await("a tasks_send_latency event")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> !trace.events("tasks_send_latency").isEmpty());
  }

  private static LoggerContext productionContext() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogForgingIT.class.getResource("/logback.xml"));
    return context;
  }

  @SuppressWarnings("unchecked")
  private static Encoder<ILoggingEvent> productionEncoder(LoggerContext production) {
    return ((OutputStreamAppender<ILoggingEvent>)
            production.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT"))
        .getEncoder();
  }

  /** Writes every event as the shipped logback.xml's console appender would. */
  private static AppenderBase<ILoggingEvent> captureWith(
      Encoder<ILoggingEvent> encoder, ByteArrayOutputStream out) {
    return new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        out.writeBytes(encoder.encode(event));
      }
    };
  }
}
