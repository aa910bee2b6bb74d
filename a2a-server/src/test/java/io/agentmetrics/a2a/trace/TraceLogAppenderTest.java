package io.agentmetrics.a2a.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
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
  void everyLineFromManyThreadsReachesTheFileOnceUninstalledOrIsCountedAsDropped()
      throws Exception {
    Path file = dir.resolve("trace.log");
    TraceLogAppender.install(new TraceSettings(true, 1.0, file));
    long droppedBefore = TraceLogAppender.droppedEvents();
    int threads = 4;
    int perThread = 10_000; // together several times the ring buffer
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
    long dropped = TraceLogAppender.droppedEvents() - droppedBefore;
    assertThat(new TreeSet<>(lines))
        .hasSameSizeAs(lines)
        .allMatch(l -> l.matches("\\{\"seq\":\\d+}"));
    assertThat(lines.size() + dropped).isEqualTo((long) threads * perThread);
  }

  @Test
  void aFullRingBufferDropsAndCountsEventsInsteadOfBlockingTheLoggingThread() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    OutputStream stalled =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
              release.await(); // a reader that does not read, like a stalled stdout pipe
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IOException(e);
            }
            synchronized (written) {
              written.write(bytes, offset, length);
            }
          }
        };
    int ringBuffer = 64;
    TraceLogAppender.installAsyncTo(stalled, ringBuffer);
    long droppedBefore = TraceLogAppender.droppedEvents();

    // Without dropping, the 65th event would wait for the stalled writer, and so would this test.
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int i = 0; i < ringBuffer + 10; i++) {
            TRACE.info("{}", StructuredArguments.kv("seq", i));
          }
        });
    long dropped = TraceLogAppender.droppedEvents() - droppedBefore;
    release.countDown();
    TraceLogAppender.uninstall();

    assertThat(dropped).isEqualTo(10);
    synchronized (written) {
      assertThat(written.toString(StandardCharsets.UTF_8).lines())
          .hasSize(ringBuffer)
          .startsWith("{\"seq\":0}")
          .endsWith("{\"seq\":63}");
    }
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
  void stoppingTheStdoutAppenderLeavesStandardOutputOpen() throws IOException {
    OutputStream stdout = TraceLogAppender.stdout();
    stdout.write("".getBytes(StandardCharsets.UTF_8));

    stdout.close(); // what the appender's stop does

    assertThat(FileDescriptor.out.valid()).isTrue();
    System.out.flush();
    assertThat(System.out.checkError()).isFalse();
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
