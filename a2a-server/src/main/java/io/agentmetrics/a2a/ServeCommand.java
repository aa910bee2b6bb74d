package io.agentmetrics.a2a;

import ch.qos.logback.classic.LoggerContext;
import io.agentmetrics.a2a.otel.OpenTelemetrySetup;
import io.agentmetrics.a2a.trace.TraceLogAppender;
import io.agentmetrics.a2a.trace.TraceSettings;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.LlmClients;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

  @Option(
      names = "--host",
      defaultValue = "${env:HOST:-" + ServerConfig.DEFAULT_HOST + "}",
      description = "Interface to bind (env HOST, default ${DEFAULT-VALUE}).")
  private String host = ServerConfig.DEFAULT_HOST;

  @Option(
      names = "--port",
      defaultValue = "${env:PORT:-" + ServerConfig.DEFAULT_PORT + "}",
      description = "Port to bind, 0 for any free port (env PORT, default ${DEFAULT-VALUE}).")
  private int port = ServerConfig.DEFAULT_PORT;

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = System.getenv();
    ServerConfig config = EnvironmentConfig.read(env).host(host).port(port).build();
    TraceSettings trace = TraceSettings.fromEnvironment(env);
    TraceLogAppender.install(trace);
    LlmClient llm = llm(env, config);
    OpenTelemetrySdk openTelemetry = OpenTelemetrySetup.create();
    A2aServer server;
    try {
      server = A2aServer.builder(config).trace(trace).openTelemetry(openTelemetry).llm(llm).start();
    } catch (Exception e) {
      openTelemetry.close();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> shutdown(server, openTelemetry), "a2a-shutdown"));
    logger.info(
        "A2A server ready at {} (tracing {})", server.baseUri(), trace.enabled() ? "on" : "off");
    server.join();
    return 0;
  }

  /**
   * The LLM {@code LLM_PROVIDER} asks for; the simulated one (with {@code
   * SIMULATED_LLM_LATENCY_MS}, default 800 ms) when it is unset or {@code simulated}.
   */
  private static LlmClient llm(Map<String, String> env, ServerConfig config) {
    String provider = env.get(LlmClients.LLM_PROVIDER);
    if (provider == null
        || provider.isBlank()
        || A2aServer.SIMULATED_LLM.equalsIgnoreCase(provider.trim())) {
      return A2aServer.simulatedLlm(config.simulatedLlmLatency());
    }
    return LlmClients.fromEnvironment(env);
  }

  /**
   * Runs in the shutdown hook. The JVM would report 143 for SIGTERM; a clean, graceful stop is a
   * success, so the hook ends the process with 0 once everything is flushed, and with 1 if the stop
   * itself failed. The exit status is set in a {@code finally}, so that no failure while stopping
   * can leave the JVM to report the signal instead.
   */
  private static void shutdown(A2aServer server, OpenTelemetrySdk openTelemetry) {
    int status = 0;
    try {
      logger.info("shutting down: finishing in-flight requests");
      server.close();
      openTelemetry.shutdown().join(10, TimeUnit.SECONDS);
      logger.info("stopped");
    } catch (RuntimeException e) {
      status = 1;
      logger.error("the server did not stop cleanly", e);
    } finally {
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
        logback.stop();
      }
      Runtime.getRuntime().halt(status);
    }
  }
}
