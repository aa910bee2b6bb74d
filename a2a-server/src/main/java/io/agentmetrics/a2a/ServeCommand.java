package io.agentmetrics.a2a;

import ch.qos.logback.classic.LoggerContext;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.agentmetrics.a2a.otel.OpenTelemetrySetup;
import io.agentmetrics.a2a.otel.ServerTelemetry;
import io.agentmetrics.a2a.trace.TraceLogAppender;
import io.agentmetrics.a2a.v1.CardSettings;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: starts the server and runs until SIGTERM/SIGINT, then shuts down gracefully
 * (in-flight requests get the grace period, OpenTelemetry exporters are flushed) and exits 0.
 *
 * @since 0.1.0
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve the A2A agent. Settings come from the environment: see docs/a2a-server.md.")
final class ServeCommand implements Callable<Integer> {

  private static final Logger logger = LoggerFactory.getLogger(ServeCommand.class);

  @Spec private CommandSpec spec;

  @Option(
      names = "--host",
      description = "Interface to bind (default: env HOST, else " + HttpConfig.DEFAULT_HOST + ").")
  private @Nullable String host;

  @Option(
      names = "--port",
      description =
          "Port to bind, 0 for any free port (default: env PORT, else "
              + HttpConfig.DEFAULT_PORT
              + ").")
  private @Nullable Integer port;

  private final EnvironmentConfig environment;

  /** Serves with the settings of the process's environment. */
  ServeCommand() {
    this(EnvironmentConfig.system());
  }

  /** Serves with the settings of {@code environment}, for tests. */
  ServeCommand(EnvironmentConfig environment) {
    this.environment = environment;
    this.spec = CommandSpec.create();
  }

  @Override
  public Integer call() throws Exception {
    Settings settings = settings();
    // Installed before anything starts, so a SIGTERM at any moment, even during start-up, takes the
    // graceful path and exits 0 rather than the JVM's default 143.
    Shutdown shutdown = new Shutdown();
    Thread hook = new Thread(shutdown::run, "a2a-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return serve(settings, shutdown);
    } catch (Exception | Error e) {
      // A start-up failure keeps its non-zero exit code: the hook would turn it into 0.
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDownAlready) {
        // a SIGTERM arrived during start-up; the hook's graceful stop decides the exit code
      }
      OpenTelemetrySdk otel = shutdown.openTelemetry;
      if (otel != null) {
        otel.close();
      }
      throw e;
    }
  }

  /**
   * Everything the environment and options say, read before anything starts; a bad value is a usage
   * error (status 2) whose message names the variable.
   */
  private Settings settings() throws IOException {
    try {
      ServerConfig.Builder config = environment.server();
      if (host != null) {
        config.host(host);
      }
      if (port != null) {
        config.port(port);
      }
      return new Settings(config.build(), environment.cards(), environment.conformanceAgent());
    } catch (IllegalArgumentException e) {
      // agent-runtime's ConfigException, which every reader and config record throws
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private int serve(Settings settings, Shutdown shutdown) throws Exception {
    ServerConfig config = settings.config();
    TraceLogAppender.install(config.trace());
    ServerTelemetry telemetry = OpenTelemetrySetup.create();
    shutdown.openTelemetry = telemetry.sdk();
    Module serving =
        binder -> {
          binder.bind(OpenTelemetry.class).toInstance(telemetry.instrumentation());
          binder.bind(CardSettings.class).toInstance(settings.cards());
        };
    A2aServer server =
        A2aServer.start(
            Modules.override(new A2aServerModule(config))
                .with(
                    settings.conformanceAgent()
                        ? List.of(serving, new ConformanceAgentModule())
                        : List.of(serving)));
    shutdown.server = server;
    logger.info(
        "A2A server ready at {} (tracing {})",
        server.baseUri(),
        config.trace().enabled() ? "on" : "off");
    server.join();
    return 0;
  }

  /** What {@code serve} was told. */
  private record Settings(ServerConfig config, CardSettings cards, boolean conformanceAgent) {}

  /**
   * The shutdown hook's work: stop the server gracefully (in-flight requests get the grace period),
   * flush and close OpenTelemetry, stop logging, then end the process with 0. The JVM would report
   * 143 for SIGTERM, but a clean, requested stop is a success. Whatever fails on the way is logged,
   * and the process still exits 0 only when every step succeeded, 1 otherwise.
   */
  private static final class Shutdown {
    volatile @Nullable A2aServer server;
    volatile @Nullable OpenTelemetrySdk openTelemetry;

    void run() {
      int status = 0;
      try {
        logger.info("shutting down: finishing in-flight requests");
        A2aServer s = server;
        if (s != null) {
          s.close();
        }
        OpenTelemetrySdk otel = openTelemetry;
        if (otel != null && !otel.shutdown().join(10, TimeUnit.SECONDS).isSuccess()) {
          logger.warn("OpenTelemetry did not flush within 10 s; some telemetry may be lost");
        }
        logger.info("stopped");
      } catch (RuntimeException | Error e) {
        logger.error("shutdown failed", e);
        status = 1;
      } finally {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
          logback.stop();
        }
        Runtime.getRuntime().halt(status);
      }
    }
  }
}
