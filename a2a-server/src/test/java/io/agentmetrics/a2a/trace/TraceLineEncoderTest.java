package io.agentmetrics.a2a.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.agent.InvocationUsage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceLineEncoderTest {

  @AfterEach
  void removeWriter() {
    TraceLogAppender.uninstall();
  }

  @Test
  void linesAreByteForByteWhatTheLogstashEncoderWroteBeforeTheDirectWriter() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceLogAppender.installTo(out);
    TraceLatencyLog log = new TraceLatencyLog();

    log.onRequest(
        new RequestLatency(
            "req-123", "message/send", "task-456", 0.42, 1.23, 1234.56, 2.15, 1238.36, true));
    log.onRequest(
        new RequestLatency(
            "q\"\\é\u2028\u0001\n€\uD83D\uDE00 x",
            "tasks/get",
            null,
            0.0,
            0.0,
            0.0,
            0.5,
            1.0E7,
            true));
    log.onRequest(
        new RequestLatency(
            "x".repeat(300),
            "SendMessage",
            "t\"é",
            1.0E-4,
            0.0006,
            3.0,
            123456.7891234,
            0.00001,
            true));
    log.onRequest(new RequestLatency("skip", "message/send", "t", 1, 1, 1, 1, 1, false));
    log.onAgentRun(
        new AgentRunLatency(
            "task-456",
            "context-789",
            new AgentStageTimings(
                0.05,
                0.12,
                1230.45,
                3.94,
                new InvocationUsage("gpt-4o-mini-2024-07-18", 812, 96, 1.794E-4)),
            0.01,
            1234.9,
            true));
    log.onAgentRun(
        new AgentRunLatency(
            "t",
            "c\u0007é\"",
            new AgentStageTimings(0, 0, 0, 0, new InvocationUsage("m\"ö", 0, 0, null)),
            0,
            0,
            true));
    log.onAgentRun(
        new AgentRunLatency(
            "t2",
            "c2",
            new AgentStageTimings(1e-9, 5e-4, 99999.9999, 7, null),
            2.0006,
            1e12,
            true));

    // Written by the logstash-logback-encoder appender that this writer replaced.
    try (InputStream expected =
        Objects.requireNonNull(
            getClass().getResourceAsStream("lines-before-the-direct-writer.jsonl"))) {
      assertThat(out.toByteArray()).isEqualTo(expected.readAllBytes());
    }
  }
}
