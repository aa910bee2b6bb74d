package io.agentmetrics.a2a;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.slf4j.LoggerFactory;

/**
 * Captures every event of the root logger at DEBUG and above, stack traces included, until closed;
 * a test can wait for an event instead of sleeping. Public for the tests of other packages.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Level level = root.getLevel();
  private final List<ILoggingEvent> events = new ArrayList<>();

  private LogCapture() {
    setContext(root.getLoggerContext());
    setName("log-capture");
    start();
    root.addAppender(this);
    root.setLevel(Level.DEBUG);
  }

  /** Starts capturing. */
  public static LogCapture attach() {
    return new LogCapture();
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    event.prepareForDeferredProcessing();
    events.add(event);
  }

  /** The events so far. */
  public synchronized List<ILoggingEvent> events() {
    return List.copyOf(events);
  }

  /** Every captured line with its stack trace, as a log file would hold them. */
  public synchronized String text() {
    StringBuilder text = new StringBuilder();
    for (ILoggingEvent event : events) {
      text.append(event.getLevel())
          .append(' ')
          .append(event.getLoggerName())
          .append(' ')
          .append(event.getFormattedMessage())
          .append('\n');
      if (event.getThrowableProxy() != null) {
        text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
      }
    }
    return text.toString();
  }

  /**
   * The first event that matches, waiting up to {@code timeout} for it; fails the test, naming
   * {@code what}, when none comes.
   */
  public ILoggingEvent await(String what, Predicate<ILoggingEvent> match, Duration timeout) {
    return Awaitility.await(what)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> first(match), Optional::isPresent)
        .orElseThrow();
  }

  private synchronized Optional<ILoggingEvent> first(Predicate<ILoggingEvent> match) {
    return events.stream().filter(match).findFirst();
  }

  @Override
  public void close() {
    root.setLevel(level);
    root.detachAppender(this);
    stop();
  }
}
