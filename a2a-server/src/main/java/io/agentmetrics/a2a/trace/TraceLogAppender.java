package io.agentmetrics.a2a.trace;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.util.Duration;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
import net.logstash.logback.appender.listener.AppenderListener;
import net.logstash.logback.composite.loggingevent.ArgumentsJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventJsonProviders;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.slf4j.LoggerFactory;

/**
 * Attaches the appender of the {@code A2A_TRACE_LATENCY} logger. Its encoder writes only the
 * event's structured arguments, so each line is exactly the seed's JSON object (no timestamp, level
 * or logger fields) and the seed's {@code grep | jq} recipes work unchanged.
 *
 * <p>The server's appender is asynchronous: a request thread hands its event to a ring buffer and
 * one writer thread encodes and writes the lines, flushing when the buffer is drained. The writer
 * polls the buffer every millisecond while it is empty, so a request thread never takes a lock or
 * wakes it up, and the lines of a millisecond go out in one system call. A full buffer (a writer
 * slower than the requests, such as a stdout piped to a stalled reader) never makes a request wait:
 * the event is dropped and counted ({@link #droppedEvents()}, the {@code trace_log} section of
 * {@code /metrics/summary}), and Logback's status log warns once per {@value
 * #DROPPED_WARN_FREQUENCY} drops. {@link #uninstall()} (and Logback's stop at shutdown) writes the
 * lines still queued.
 *
 * <p>Call once at start-up; thread-safe as Logback's configuration is.
 *
 * @since 0.1.0
 */
public final class TraceLogAppender {

  private static final String APPENDER_NAME = "A2A_TRACE_LATENCY";

  /** A zero append timeout: a full ring buffer drops the event at once instead of waiting. */
  private static final Duration NEVER_WAIT = Duration.buildByMilliseconds(0);

  /** The ring buffer's size: the library's default, some 80 ms of events at 100,000 per second. */
  static final int RING_BUFFER_SIZE = 8192;

  /** How many drops make one warning in Logback's status log. */
  static final int DROPPED_WARN_FREQUENCY = 1000;

  /** POSIX's minimum PIPE_BUF: a write of at most this many bytes to a pipe is atomic. */
  static final int PIPE_BUF = 4096;

  private static final LongAdder dropped = new LongAdder();

  /**
   * No spinning or yielding: an empty ring buffer parks the writer for a millisecond. The
   * appender's default, blocking strategy makes every request thread lock and signal the writer,
   * which cost 13% of the throughput on two cores (docs/performance.md).
   */
  private static final String POLL_EVERY_MILLISECOND = "sleeping{0,1000000}";

  private TraceLogAppender() {}

  /**
   * Routes trace events to stdout, or to {@code settings.logFile()} when set; with tracing off the
   * logger is switched off, as {@link #uninstall()} does.
   *
   * @param settings the trace settings
   * @since 0.1.0
   */
  public static void install(TraceSettings settings) {
    if (!settings.enabled()) {
      uninstall();
      return;
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger logger = context.getLogger(TraceLatencyLog.LOGGER_NAME);
    OutputStreamAppender<ILoggingEvent> appender;
    Path file = settings.logFile();
    if (file != null) {
      FileAppender<ILoggingEvent> fileAppender = new FileAppender<>();
      fileAppender.setFile(file.toString());
      fileAppender.setAppend(true);
      appender = fileAppender;
    } else {
      appender = new OutputStreamAppender<>();
      appender.setOutputStream(stdout());
    }
    attach(logger, asynchronous(context, appender, RING_BUFFER_SIZE));
  }

  /**
   * Standard output with a buffer of its own, written when full and at the end of each batch. A
   * {@code ConsoleAppender} writes through {@code System.out}, which flushes every write: a system
   * call per trace line. The buffer holds {@value #PIPE_BUF} bytes, the most that a write to a pipe
   * delivers whole, so whole lines reach a pipe unbroken by the server's other log lines. Closing
   * it (the appender's stop) flushes and leaves standard output open.
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
   * Routes trace events to {@code out} through the asynchronous appender the server uses, with a
   * ring buffer of {@code ringBufferSize} events (a power of two); for tests.
   */
  static void installAsyncTo(OutputStream out, int ringBufferSize) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setOutputStream(out);
    attach(
        context.getLogger(TraceLatencyLog.LOGGER_NAME),
        asynchronous(context, appender, ringBufferSize));
  }

  /**
   * How many trace events were dropped, since the JVM started, because the writer had fallen a
   * whole ring buffer behind.
   *
   * @return the number of dropped events
   * @since 0.1.0
   */
  public static long droppedEvents() {
    return dropped.sum();
  }

  private static Appender<ILoggingEvent> asynchronous(
      LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, int ringBufferSize) {
    // The writer thread flushes at the end of each batch it takes from the ring buffer.
    startWithEncoder(context, appender, false);
    LoggingEventAsyncDisruptorAppender async = new LoggingEventAsyncDisruptorAppender();
    async.setContext(context);
    async.setName(APPENDER_NAME);
    async.setRingBufferSize(ringBufferSize);
    async.setAppendTimeout(NEVER_WAIT);
    async.setDroppedWarnFrequency(DROPPED_WARN_FREQUENCY);
    async.addListener(
        new AppenderListener<>() {
          @Override
          public void eventAppendFailed(
              Appender<ILoggingEvent> source, ILoggingEvent event, Throwable reason) {
            dropped.increment();
          }
        });
    async.setWaitStrategyType(POLL_EVERY_MILLISECOND);
    async.addAppender(appender);
    async.start();
    return async;
  }

  /**
   * Detaches and stops the trace appender: the lines still queued are written and the file is
   * closed. Tracing stays off until the next {@code install}.
   *
   * @since 0.1.0
   */
  public static void uninstall() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger logger = context.getLogger(TraceLatencyLog.LOGGER_NAME);
    logger.setLevel(Level.OFF);
    Appender<ILoggingEvent> appender = logger.getAppender(APPENDER_NAME);
    if (appender != null) {
      logger.detachAppender(appender);
      appender.stop();
    }
  }

  /**
   * Routes trace events to {@code out} (for tests and embedding).
   *
   * @param out where each JSON line is written
   * @since 0.1.0
   */
  public static void installTo(OutputStream out) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger logger = context.getLogger(TraceLatencyLog.LOGGER_NAME);
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setOutputStream(out);
    appender.setName(APPENDER_NAME);
    startWithEncoder(context, appender, true);
    attach(logger, appender);
  }

  private static void startWithEncoder(
      LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, boolean immediateFlush) {
    LoggingEventCompositeJsonEncoder encoder = new LoggingEventCompositeJsonEncoder();
    encoder.setContext(context);
    LoggingEventJsonProviders providers = new LoggingEventJsonProviders();
    providers.addArguments(new ArgumentsJsonProvider());
    encoder.setProviders(providers);
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setImmediateFlush(immediateFlush);
    appender.start();
  }

  /** Replaces the logger's trace appender with {@code appender}, stopping the one it replaces. */
  private static void attach(
      ch.qos.logback.classic.Logger logger, Appender<ILoggingEvent> appender) {
    Appender<ILoggingEvent> previous = logger.getAppender(APPENDER_NAME);
    if (previous != null) {
      logger.detachAppender(previous);
      previous.stop();
    }
    logger.addAppender(appender);
    logger.setAdditive(false);
    logger.setLevel(Level.INFO);
  }
}
