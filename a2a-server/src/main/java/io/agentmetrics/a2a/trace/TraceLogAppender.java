package io.agentmetrics.a2a.trace;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.util.Duration;
import java.io.OutputStream;
import java.nio.file.Path;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
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
 * wakes it up, and the lines of a millisecond go out in one system call. A full buffer makes the
 * request thread wait, so no line is dropped; {@link #uninstall()} (and Logback's stop at shutdown)
 * writes the lines still queued.
 *
 * <p>Call once at start-up; thread-safe as Logback's configuration is.
 *
 * @since 0.1.0
 */
public final class TraceLogAppender {

  private static final String APPENDER_NAME = "A2A_TRACE_LATENCY";

  /** A negative append timeout: a full ring buffer makes the caller wait instead of dropping. */
  private static final Duration WAIT_FOR_SPACE = Duration.buildByMilliseconds(-1);

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
      appender = new ConsoleAppender<>();
    }
    // The writer thread flushes at the end of each batch it takes from the ring buffer.
    startWithEncoder(context, appender, false);
    LoggingEventAsyncDisruptorAppender async = new LoggingEventAsyncDisruptorAppender();
    async.setContext(context);
    async.setName(APPENDER_NAME);
    async.setAppendTimeout(WAIT_FOR_SPACE);
    async.setWaitStrategyType(POLL_EVERY_MILLISECOND);
    async.addAppender(appender);
    async.start();
    attach(logger, async);
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
