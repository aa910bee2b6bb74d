package io.agentmetrics.a2a.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.encoder.com.lmax.disruptor.SleepingWaitStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class TraceLogAppenderTest {

  private static final Logger TRACE = LoggerFactory.getLogger(TraceLatencyLog.LOGGER_NAME);

  @TempDir Path dir;

  @AfterEach
  void removeAppender() {
    TraceLogAppender.uninstall();
  }

  @Test
  void everyLineFromManyThreadsReachesTheFileOnceUninstalled() throws Exception {
    Path file = dir.resolve("trace.log");
    TraceLogAppender.install(new TraceSettings(true, 1.0, file));
    int threads = 4;
    int perThread = 10_000; // together several times the ring buffer, so writers wait for space
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t * perThread;
      Thread writer =
          new Thread(
              () -> {
                for (int i = first; i < first + perThread; i++) {
                  TRACE.info("{}", StructuredArguments.kv("seq", i));
                }
              });
      writers.add(writer);
      writer.start();
    }
    for (Thread writer : writers) {
      writer.join();
    }

    TraceLogAppender.uninstall();

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Set<String> distinct = new TreeSet<>(lines);
    assertThat(lines).hasSize(threads * perThread);
    assertThat(distinct).hasSize(threads * perThread).contains("{\"seq\":0}", "{\"seq\":39999}");
  }

  @Test
  void aLineIsInTheFileSoonAfterItIsLoggedWithoutWaitingForMore() throws Exception {
    Path file = dir.resolve("quiet.log");
    TraceLogAppender.install(new TraceSettings(true, 1.0, file));

    TRACE.info("{}", StructuredArguments.kv("seq", 1));

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> Files.size(file) > 0);
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly("{\"seq\":1}");
  }

  @Test
  void uninstallSwitchesTracingOff() throws Exception {
    Path file = dir.resolve("off.log");
    TraceLogAppender.install(new TraceSettings(true, 1.0, file));
    TraceLogAppender.uninstall();

    TRACE.info("{}", StructuredArguments.kv("seq", 2));

    assertThat(TRACE.isInfoEnabled()).isFalse();
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void requestThreadsOnlyPublishWhileTheWriterPollsTheBuffer() {
    TraceLogAppender.install(new TraceSettings(true, 1.0, dir.resolve("poll.log")));

    // The library's default blocking strategy makes every logging thread lock and signal the
    // writer; the sleeping one leaves signalling a no-op and has the writer poll.
    assertThat(installedAppender())
        .isInstanceOfSatisfying(
            LoggingEventAsyncDisruptorAppender.class,
            appender ->
                assertThat(appender.getWaitStrategy()).isInstanceOf(SleepingWaitStrategy.class));
  }

  @Test
  void installingWithTracingOffStopsTheAppenderInstalledBefore() {
    TraceLogAppender.install(new TraceSettings(true, 1.0, dir.resolve("before.log")));
    Appender<ILoggingEvent> previous = installedAppender();

    TraceLogAppender.install(new TraceSettings(false, 1.0, null));

    assertThat(installedAppender()).isNull();
    assertThat(previous.isStarted()).isFalse();
    assertThat(TRACE.isInfoEnabled()).isFalse();
  }

  private static Appender<ILoggingEvent> installedAppender() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    return context.getLogger(TraceLatencyLog.LOGGER_NAME).getAppender("A2A_TRACE_LATENCY");
  }
}
