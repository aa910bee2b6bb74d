package io.agentmetrics.a2a.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.LoggerContext;
import io.agentmetrics.a2a.agent.AgentStageTimings;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceLogAppenderTest {

  private static final TraceLatencyLog TRACE = new TraceLatencyLog();

  @TempDir Path dir;

  @AfterEach
  void removeWriter() {
    TraceLogAppender.uninstall();
  }

  @Test
  void everyEventFromManyThreadsReachesTheFileOnceUninstalledOrIsCountedAsDropped()
      throws Exception {
    Path file = dir.resolve("trace.log");
    TraceLogAppender.install(new TraceSettings(true, 1.0, file));
    long droppedBefore = TraceLogAppender.droppedEvents();
    int threads = 4;
    int perThread = 10_000; // together several times the queue
    tracedFrom(threads, perThread);

    TraceLogAppender.uninstall();

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    long dropped = TraceLogAppender.droppedEvents() - droppedBefore;
    assertThat(new TreeSet<>(lines))
        .hasSameSizeAs(lines)
        .allMatch(l -> l.startsWith("{\"event\":\"tasks_send_latency\",\"request_id\":\"seq-"));
    assertThat(lines.size() + dropped).isEqualTo((long) threads * perThread);
  }

  @Test
  void aFullQueueDropsAndCountsEventsInsteadOfBlockingTheTracingThread() {
    Stalled stalled = new Stalled();
    int capacity = 64;
    TraceLogAppender.installAsyncTo(stalled, capacity);
    long droppedBefore = TraceLogAppender.droppedEvents();

    // Without dropping, the 65th event would wait for the stalled writer, and so would this test.
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int i = 0; i < capacity + 10; i++) {
            TRACE.onRequest(request("seq-" + i));
          }
        });
    long dropped = TraceLogAppender.droppedEvents() - droppedBefore;
    stalled.release.countDown();
    TraceLogAppender.uninstall();

    assertThat(dropped).isEqualTo(10);
    assertThat(stalled.lines())
        .hasSize(capacity)
        .first()
        .asString()
        .contains("\"request_id\":\"seq-0\"");
    assertThat(stalled.lines().get(capacity - 1)).contains("\"request_id\":\"seq-63\"");
  }

  @Test
  void nothingIsDroppedWhileTheQueueHasRoom() throws Exception {
    Stalled stalled = new Stalled();
    int threads = 4;
    int perThread = 250;
    TraceLogAppender.installAsyncTo(stalled, threads * perThread);
    long droppedBefore = TraceLogAppender.droppedEvents();

    tracedFrom(threads, perThread); // while the writer cannot write a line
    stalled.release.countDown();
    TraceLogAppender.uninstall();

    assertThat(TraceLogAppender.droppedEvents() - droppedBefore).isZero();
    assertThat(new TreeSet<>(stalled.lines())).hasSize(threads * perThread);
  }

  @Test
  void aLineIsInTheFileSoonAfterItIsTracedWithoutWaitingForMore() throws Exception {
    Path file = dir.resolve("quiet.log");
    TraceLogAppender.install(new TraceSettings(true, 1.0, file));

    TRACE.onRequest(request("r-1"));

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> Files.size(file) > 0);
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
        .singleElement()
        .asString()
        .contains("\"request_id\":\"r-1\"");
  }

  @Test
  void theTracingThreadOnlyQueuesAndTheWriterThreadRendersAndWrites() {
    Set<String> writingThreads = ConcurrentHashMap.newKeySet();
    OutputStream recording =
        new ByteArrayOutputStream() {
          @Override
          public synchronized void write(byte[] bytes, int offset, int length) {
            writingThreads.add(Thread.currentThread().getName());
            super.write(bytes, offset, length);
          }
        };
    TraceLogAppender.installAsyncTo(recording, 64);

    TRACE.onRequest(request("r-2"));
    TRACE.onAgentRun(
        new AgentRunLatency("t", "c", new AgentStageTimings(0, 0, 1, 0, null), 0, 1, true));
    TraceLogAppender.uninstall();

    assertThat(recording.toString()).hasLineCount(2);
    assertThat(writingThreads).containsExactly("a2a-trace-writer");
  }

  @Test
  void uninstallSwitchesTracingOff() throws Exception {
    Path file = dir.resolve("off.log");
    TraceLogAppender.install(new TraceSettings(true, 1.0, file));
    TraceLogAppender.uninstall();

    TRACE.onRequest(request("r-3"));

    assertThat(TraceLogAppender.installed()).isFalse();
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void stoppingLogbackAsTheServerDoesAtShutdownWritesTheLinesStillQueued() throws Exception {
    Path file = dir.resolve("shutdown.log");
    LoggerContext logback = new LoggerContext();
    logback.start();
    TraceLogAppender.install(new TraceSettings(true, 1.0, file), logback);
    for (int i = 0; i < 1000; i++) {
      TRACE.onRequest(request("seq-" + i));
    }

    logback.stop();

    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(1000);
  }

  @Test
  void aLineThatCannotBeWrittenIsCountedAsDropped() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }
        };
    TraceLogAppender.installAsyncTo(broken, 64);
    long droppedBefore = TraceLogAppender.droppedEvents();

    TRACE.onRequest(request("r-4"));
    TRACE.onRequest(request("r-5"));
    TraceLogAppender.uninstall();

    assertThat(TraceLogAppender.droppedEvents() - droppedBefore).isEqualTo(2);
  }

  @Test
  void stoppingTheStdoutStreamLeavesStandardOutputOpen() throws IOException {
    OutputStream stdout = TraceLogAppender.stdout();
    stdout.write("".getBytes(StandardCharsets.UTF_8));

    stdout.close(); // what the writer's stop does

    assertThat(FileDescriptor.out.valid()).isTrue();
    System.out.flush();
    assertThat(System.out.checkError()).isFalse();
  }

  @Test
  void installingWithTracingOffStopsTheWriterInstalledBefore() {
    AsyncTraceWriter previous = TraceLogAppender.installAsyncTo(new ByteArrayOutputStream(), 64);

    TraceLogAppender.install(new TraceSettings(false, 1.0, null));

    assertThat(TraceLogAppender.installed()).isFalse();
    assertThat(previous.isStarted()).isFalse();
  }

  private static RequestLatency request(String id) {
    return new RequestLatency(id, "message/send", "t", 0.1, 0.1, 0.1, 0.1, 1.0, true);
  }

  private static void tracedFrom(int threads, int perThread) throws InterruptedException {
    List<Thread> tracing = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t * perThread;
      Thread thread =
          new Thread(
              () -> {
                for (int i = first; i < first + perThread; i++) {
                  TRACE.onRequest(request("seq-" + i));
                }
              });
      tracing.add(thread);
      thread.start();
    }
    for (Thread thread : tracing) {
      thread.join();
    }
  }

  /** An output that takes nothing until released, like a stdout piped to a stalled reader. */
  private static final class Stalled extends OutputStream {
    final CountDownLatch release = new CountDownLatch(1);
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      written.write(bytes, offset, length);
    }

    List<String> lines() {
      return written.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }
}
