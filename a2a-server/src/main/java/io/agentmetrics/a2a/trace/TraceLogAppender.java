package io.agentmetrics.a2a.trace;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;
import java.nio.file.Path;
import net.logstash.logback.composite.loggingevent.ArgumentsJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventJsonProviders;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.slf4j.LoggerFactory;

/**
 * Attaches the appender of the {@code A2A_TRACE_LATENCY} logger. Its encoder writes only the
 * event's structured arguments, so each line is exactly the seed's JSON object (no timestamp, level
 * or logger fields) and the seed's {@code grep | jq} recipes work unchanged.
 *
 * <p>Call once at start-up; thread-safe as Logback's configuration is.
 *
 * @since 0.1.0
 */
public final class TraceLogAppender {

  private static final String APPENDER_NAME = "A2A_TRACE_LATENCY";

  private TraceLogAppender() {}

  /**
   * Routes trace events to stdout, or to {@code settings.logFile()} when set; with tracing off the
   * logger is switched off.
   *
   * @param settings the trace settings
   * @since 0.1.0
   */
  public static void install(TraceSettings settings) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger logger = context.getLogger(TraceLatencyLog.LOGGER_NAME);
    if (!settings.enabled()) {
      logger.setLevel(Level.OFF);
      return;
    }
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
    attach(context, logger, appender);
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
    attach(context, logger, appender);
  }

  private static void attach(
      LoggerContext context,
      ch.qos.logback.classic.Logger logger,
      OutputStreamAppender<ILoggingEvent> appender) {
    LoggingEventCompositeJsonEncoder encoder = new LoggingEventCompositeJsonEncoder();
    encoder.setContext(context);
    LoggingEventJsonProviders providers = new LoggingEventJsonProviders();
    providers.addArguments(new ArgumentsJsonProvider());
    encoder.setProviders(providers);
    encoder.start();
    appender.setContext(context);
    appender.setName(APPENDER_NAME);
    appender.setEncoder(encoder);
    appender.setImmediateFlush(true);
    appender.start();
    logger.detachAppender(APPENDER_NAME);
    logger.addAppender(appender);
    logger.setAdditive(false);
    logger.setLevel(Level.INFO);
  }
}
