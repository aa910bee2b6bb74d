package io.agentmetrics.a2a.trace;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.LifeCycle;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Installs the writer of the {@code A2A_TRACE_LATENCY} events: each line is exactly the seed's JSON
 * object (no timestamp, level or logger fields), so the seed's {@code grep | jq} recipes work
 * unchanged.
 *
 * <p>The server's writer is asynchronous ({@link AsyncTraceWriter}): a request thread queues its
 * event's timing record, and one writer thread renders each event once, straight from the record to
 * the output, every {@value AsyncTraceWriter#POLL_MILLIS} ms, flushing once per batch. The events
 * skip Logback's logger path: no logging event, MDC copy or message formatting per line. A full
 * queue ({@value #QUEUE_CAPACITY} events, a writer slower than the requests, such as a stdout piped
 * to a stalled reader) never makes a request wait: the event is dropped and counted ({@link
 * #droppedEvents()}, the {@code trace_log} section of {@code /metrics/summary}), with a warning per
 * {@value AsyncTraceWriter#DROPPED_WARN_FREQUENCY} drops. {@link #uninstall()}, and Logback's stop
 * at shutdown, write the lines still queued.
 *
 * <p>Call once at start-up; thread-safe.
 *
 * @since 0.1.0
 */
public final class TraceLogAppender {

  /** The most events that wait for the writer: some 80 ms of events at 100,000 per second. */
  static final int QUEUE_CAPACITY = 8192;

  /** POSIX's minimum PIPE_BUF: a write of at most this many bytes to a pipe is atomic. */
  static final int PIPE_BUF = 4096;

  /** The file's buffer: a batch of 10 ms at 20,000 requests per second in one system call. */
  static final int FILE_BUFFER = 64 * 1024;

  private static final String WRITER_THREAD = "a2a-trace-writer";

  private static final LongAdder dropped = new LongAdder();

  private static final Object lock = new Object();

  private static volatile @Nullable TraceSink sink;

  private TraceLogAppender() {}

  /** Where {@link TraceLatencyLog} hands its events. */
  interface TraceSink {
    void offer(Object event);

    void stop();
  }

  /**
   * Routes trace events to stdout, or to {@code settings.logFile()} when set; with tracing off the
   * events are dropped, as after {@link #uninstall()}.
   *
   * @param settings the trace settings
   * @throws UncheckedIOException when the log file cannot be opened
   * @since 0.1.0
   */
  public static void install(TraceSettings settings) {
    install(settings, LoggerFactory.getILoggerFactory());
  }

  /**
   * As {@link #install(TraceSettings)}; a Logback {@code loggers} stops the writer when it stops
   * (the server's shutdown), which writes the lines still queued.
   */
  static void install(TraceSettings settings, ILoggerFactory loggers) {
    if (!settings.enabled()) {
      uninstall();
      return;
    }
    Path file = settings.logFile();
    try {
      OutputStream out =
          file != null
              ? new BufferedOutputStream(new FileOutputStream(file.toFile(), true), FILE_BUFFER)
              : stdout();
      AsyncTraceWriter writer = asynchronous(out, QUEUE_CAPACITY);
      if (loggers instanceof LoggerContext logback) {
        logback.register(
            new LifeCycle() {
              @Override
              public void start() {}

              @Override
              public void stop() {
                writer.stop();
              }

              @Override
              public boolean isStarted() {
                return writer.isStarted();
              }
            });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open A2A_TRACE_LOG_FILE " + file + ": " + e, e);
    }
  }

  /**
   * Standard output with a buffer of its own, written when full and at the end of each batch.
   * {@code System.out} flushes every write: a system call per trace line. The buffer holds {@value
   * #PIPE_BUF} bytes, the most that a write to a pipe delivers whole, so whole lines reach a pipe
   * unbroken by the server's other log lines. Closing it (the writer's stop) flushes and leaves
   * standard output open.
   */
  static OutputStream stdout() {
    return new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), PIPE_BUF) {
      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  /**
   * Routes trace events to {@code out} through the asynchronous writer the server uses, with room
   * for {@code capacity} queued events; for tests.
   */
  static AsyncTraceWriter installAsyncTo(OutputStream out, int capacity) {
    try {
      return asynchronous(out, capacity);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AsyncTraceWriter asynchronous(OutputStream out, int capacity) throws IOException {
    AsyncTraceWriter writer = new AsyncTraceWriter(out, capacity, dropped, WRITER_THREAD);
    writer.start();
    replace(writer);
    return writer;
  }

  /**
   * Routes trace events to {@code out}, each written and flushed on the thread that traces it (for
   * tests and embedding).
   *
   * @param out where each JSON line is written
   * @since 0.1.0
   */
  public static void installTo(OutputStream out) {
    TraceLineEncoder encoder;
    try {
      encoder = new TraceLineEncoder(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    replace(
        new TraceSink() {
          @Override
          public synchronized void offer(Object event) {
            try {
              encoder.write(event);
              out.flush();
            } catch (IOException e) {
              dropped.increment();
            }
          }

          @Override
          public void stop() {}
        });
  }

  /**
   * How many trace events were dropped, since the JVM started, because the writer had fallen a
   * whole queue behind or could not write them.
   *
   * @return the number of dropped events
   * @since 0.1.0
   */
  public static long droppedEvents() {
    return dropped.sum();
  }

  /**
   * Stops the trace writer: the lines still queued are written and the file is closed. Tracing
   * stays off until the next {@code install}.
   *
   * @since 0.1.0
   */
  public static void uninstall() {
    replace(null);
  }

  /** Whether a writer is installed. */
  static boolean installed() {
    return sink != null;
  }

  /** Hands {@code event} to the installed writer, if any. */
  static void offer(Object event) {
    TraceSink current = sink;
    if (current != null) {
      current.offer(event);
    }
  }

  /** Installs {@code next}, stopping the writer it replaces. */
  private static void replace(@Nullable TraceSink next) {
    TraceSink previous;
    synchronized (lock) {
      previous = sink;
      sink = next;
    }
    if (previous != null) {
      previous.stop();
    }
  }
}
