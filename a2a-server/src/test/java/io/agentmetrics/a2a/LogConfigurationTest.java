package io.agentmetrics.a2a;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped logback.xml keeps every server log event on one line. */
class LogConfigurationTest {

  @Test
  void lineBreaksInLoggedValuesCannotForgeLogLines() throws Exception {
    LoggerContext context = production();
    try {
      Logger logger = context.getLogger("io.agentmetrics.a2a.Example");
      LoggingEvent event =
          new LoggingEvent(
              Logger.class.getName(),
              logger,
              Level.INFO,
              "request {} failed",
              null,
              new Object[] {"r1\n2026-11-22T00:00:00.000Z ERROR [main] forged - admin\r\nx"});

      String line = new String(stdout(context).getEncoder().encode(event), UTF_8);

      assertThat(line.lines()).hasSize(1);
      assertThat(line)
          .contains("request r1 2026-11-22T00:00:00.000Z ERROR [main] forged - admin x");
    } finally {
      context.stop();
    }
  }

  /**
   * An exception's message may quote a client's value; its line breaks must not start a line that
   * reads as a log event. Every line after the first is a stack trace line.
   */
  @Test
  void lineBreaksInAnExceptionMessageCannotForgeLogLines() throws Exception {
    LoggerContext context = production();
    try {
      Logger logger = context.getLogger("io.agentmetrics.a2a.Example");
      IllegalStateException cause =
          new IllegalStateException("inner\r\n2026-11-22T00:00:00.000Z WARN [main] forged - b");
      LoggingEvent event =
          new LoggingEvent(
              Logger.class.getName(),
              logger,
              Level.ERROR,
              "request {} failed",
              new IllegalArgumentException(
                  "bad value\n2026-11-22T00:00:00.000Z ERROR [main] forged - admin", cause),
              new Object[] {"r1"});

      String written = new String(stdout(context).getEncoder().encode(event), UTF_8);

      List<String> lines = written.lines().toList();
      assertThat(lines.get(0)).contains("request r1 failed");
      assertThat(lines.get(1))
          .startsWith("java.lang.IllegalArgumentException: bad value")
          .contains("2026-11-22T00:00:00.000Z ERROR [main] forged - admin");
      assertThat(lines.subList(2, lines.size()))
          .isNotEmpty()
          .allSatisfy(line -> assertThat(line).matches("(\\t|Caused by: ).*"));
      assertThat(written).contains("Caused by: java.lang.IllegalStateException: inner");
      assertThat(written.split("IllegalArgumentException: bad value", -1))
          .as("the stack trace is written once")
          .hasSize(2);
      assertThat(written.split("\\R", -1)).noneMatch(line -> line.startsWith("2026-11-22"));
    } finally {
      context.stop();
    }
  }

  private static LoggerContext production() throws Exception {
    URL config = LogConfigurationTest.class.getResource("/logback.xml");
    assertThat(config).as("the production logback.xml is on the classpath").isNotNull();
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);
    return context;
  }

  @SuppressWarnings("unchecked")
  private static OutputStreamAppender<ILoggingEvent> stdout(LoggerContext context) {
    return (OutputStreamAppender<ILoggingEvent>)
        context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
  }
}
