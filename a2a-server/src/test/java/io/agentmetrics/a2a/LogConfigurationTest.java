package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shipped logback.xml keeps every server log event on one line. */
class LogConfigurationTest {

  @Test
  void lineBreaksInLoggedValuesCannotForgeLogLines() throws Exception {
    URL config = getClass().getResource("/logback.xml");
    assertThat(config).as("the production logback.xml is on the classpath").isNotNull();
    LoggerContext context = new LoggerContext();
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(config);
      Logger logger = context.getLogger("io.agentmetrics.a2a.Example");
      OutputStreamAppender<ILoggingEvent> stdout =
          (OutputStreamAppender<ILoggingEvent>)
              context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
      LoggingEvent event =
          new LoggingEvent(
              Logger.class.getName(),
              logger,
              Level.INFO,
              "request {} failed",
              null,
              new Object[] {"r1\n2026-11-22T00:00:00.000Z ERROR [main] forged - admin\r\nx"});

      String line = new String(stdout.getEncoder().encode(event), StandardCharsets.UTF_8);

      assertThat(line.lines()).hasSize(1);
      assertThat(line)
          .contains("request r1 2026-11-22T00:00:00.000Z ERROR [main] forged - admin x");
    } finally {
      context.stop();
    }
  }
}
