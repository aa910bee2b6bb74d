package io.agentmetrics.a2a;

import ch.qos.logback.classic.LoggerContext;
import io.agentmetrics.a2a.agent.ConformanceAgent;
import io.agentmetrics.a2a.otel.OpenTelemetrySetup;
import io.agentmetrics.a2a.otel.ServerTelemetry;
import io.agentmetrics.a2a.trace.TraceLogAppender;
import io.agentmetrics.a2a.trace.TraceSettings;
import io.agentmetrics.a2a.v1.CardSettings;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.agent.llm.LlmClients;
import io.agentmetrics.agent.llm.PriceTable;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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

  /** The variable choosing the agent: {@code study} (default) or {@code conformance}. */
  static final String A2A_AGENT = "A2A_AGENT";

  @Override
  public Integer call() throws Exception {
    // Installed before anything starts, so a SIGTERM at any moment, even during start-up, takes the
    // graceful path and exits 0 rather than the JVM's default 143.
    Shutdown shutdown = new Shutdown();
    Thread hook = new Thread(shutdown::run, "a2a-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return serve(shutdown);
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

  private int serve(Shutdown shutdown) throws Exception {
    Map<String, String> env = System.getenv();
    ServerConfig config = EnvironmentConfig.read(env).host(host).port(port).build();
    TraceSettings trace = TraceSettings.fromEnvironment(env);
    TraceLogAppender.install(trace);
    LlmClient llm = llm(env, config);
    ServerTelemetry telemetry = OpenTelemetrySetup.create();
    shutdown.openTelemetry = telemetry.sdk();
    A2aServer.Builder builder =
        A2aServer.builder(config)
            .trace(trace)
            .openTelemetry(telemetry.instrumentation())
            .llm(llm)
            .prices(PriceTable.fromEnvironment(env))
            .cards(CardSettings.fromEnvironment(env))
            .stores(StoreSettings.read(env));
    if (conformanceAgent(env)) {
      builder.processor(conversations -> new ConformanceAgent(), ConformanceAgent.LABEL);
    }
    A2aServer server = builder.start();
    shutdown.server = server;
    logger.info(
        "A2A server ready at {} (tracing {})", server.baseUri(), trace.enabled() ? "on" : "off");
    server.join();
    return 0;
  }

  /**
   * Whether {@code A2A_AGENT} picks the conformance agent (the TCK's scenarios) over the study
   * agent.
   */
  private static boolean conformanceAgent(Map<String, String> env) {
    String agent = env.getOrDefault(A2A_AGENT, "study").trim();
    if (agent.isEmpty() || agent.equalsIgnoreCase("study")) {
      return false;
    }
    if (agent.equalsIgnoreCase("conformance")) {
      return true;
    }
    throw new IllegalArgumentException(
        A2A_AGENT
            + " must be 'study' or 'conformance', got '"
            + agent.replaceAll("\\p{Cntrl}", "?")
            + "'");
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
