package io.agentmetrics.a2a;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import io.agentmetrics.a2a.http.HttpServer;
import io.agentmetrics.a2a.task.TaskService;
import io.agentmetrics.a2a.trace.StageMetrics;
import io.agentmetrics.agent.llm.LlmClient;
import io.agentmetrics.aggregator.MetricsAggregator;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The A2A server, running: stores, agent, task service, JSON-RPC dispatcher, tracing and HTTP, as
 * {@link A2aServerModule} wires them. Start one with {@link #start(ServerConfig)}, or with {@link
 * #start(Module)} and the module with some bindings overridden; {@link #close()} shuts it down
 * gracefully.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class A2aServer implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(A2aServer.class);

  /** The OpenTelemetry instrumentation scope of the agent spans and GenAI metrics. */
  public static final String INSTRUMENTATION_SCOPE = "io.agentmetrics.a2a";

  private final ServerConfig config;
  private final HttpServer http;
  private final TaskService tasks;
  private final TaskStores stores;
  private final StageMetrics stages;
  private final MetricsAggregator aggregator;
  private final LlmClient llm;

  A2aServer(
      ServerConfig config,
      HttpServer http,
      TaskService tasks,
      TaskStores stores,
      StageMetrics stages,
      MetricsAggregator aggregator,
      LlmClient llm) {
    this.config = config;
    this.http = http;
    this.tasks = tasks;
    this.stores = stores;
    this.stages = stages;
    this.aggregator = aggregator;
    this.llm = llm;
  }

  /**
   * Starts a server wired by {@link A2aServerModule} with {@code config}.
   *
   * @param config the configuration
   * @return the running server
   * @throws Exception if the port cannot be bound or a store cannot be opened
   * @since 0.1.0
   */
  public static A2aServer start(ServerConfig config) throws Exception {
    return start(new A2aServerModule(config));
  }

  /**
   * Starts the server that {@code module} wires: an {@link A2aServerModule}, usually with some
   * bindings replaced by {@link com.google.inject.util.Modules#override}.
   *
   * @param module the wiring
   * @return the running server
   * @throws Exception if the port cannot be bound or a store cannot be opened; a bad setting's
   *     {@link io.agentmetrics.agent.config.ConfigException} (or another {@link RuntimeException})
   *     is thrown as it is, not wrapped in Guice's
   * @since 0.1.0
   */
  public static A2aServer start(Module module) throws Exception {
    A2aServer server;
    try {
      server = Guice.createInjector(module).getInstance(A2aServer.class);
    } catch (ProvisionException e) {
      throw unwrap(e.getErrorMessages(), e);
    } catch (CreationException e) {
      throw unwrap(e.getErrorMessages(), e);
    }
    try {
      server.http.start();
    } catch (Exception e) {
      server.tasks.close();
      server.stores.close();
      server.llm.close();
      throw e;
    }
    return server;
  }

  /** The one failure behind Guice's report, such as a setting that names its variable. */
  private static RuntimeException unwrap(Collection<Message> messages, RuntimeException guice) {
    if (messages.size() == 1
        && messages.iterator().next().getCause() instanceof RuntimeException cause) {
      return cause;
    }
    return guice;
  }

  /**
   * The base URL the server listens on, with the bound port.
   *
   * @return for example {@code http://127.0.0.1:5000}
   * @since 0.1.0
   */
  public URI baseUri() {
    return http.baseUri();
  }

  /**
   * The per-stage window statistics behind the {@code stages} and {@code bottlenecks} sections of
   * {@code /metrics/summary}.
   *
   * @return the statistics
   * @since 0.1.0
   */
  public StageMetrics stageMetrics() {
    return stages;
  }

  /**
   * The server's own aggregator of agent executions: every execution's breakdown, by metric type,
   * behind the {@code agent} section of {@code /metrics/summary}. It keeps histograms only: its
   * {@link MetricsAggregator#exportMetrics} returns at most the newest metric of each type.
   *
   * @return the aggregator
   * @since 0.1.0
   */
  public MetricsAggregator aggregator() {
    return aggregator;
  }

  /**
   * Blocks until the server stops.
   *
   * @throws InterruptedException if interrupted
   * @since 0.1.0
   */
  public void join() throws InterruptedException {
    http.join();
  }

  /**
   * Stops gracefully, within one grace period: turns that an event stream follows end at once
   * (failed, "The server stopped before answering."), so their streams close with that final
   * status; then no new requests are taken, in-flight ones get the grace period, and the turns no
   * request waits for get what is left of it before the agent threads are interrupted.
   *
   * @since 0.1.0
   */
  @Override
  public void close() {
    Duration grace = config.http().shutdownGrace();
    long deadline = System.nanoTime() + grace.toNanos();
    tasks.stopStreamedTurns();
    try {
      http.stop();
    } catch (Exception e) {
      logger.warn("HTTP server did not stop cleanly", e);
    }
    tasks.shutdown(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    stores.close();
    try {
      llm.close();
    } catch (Exception e) {
      logger.warn("LLM client did not close cleanly", e);
    }
  }

  /** The version in the jar's manifest. */
  static String version() {
    String version = A2aServer.class.getPackage().getImplementationVersion();
    return version == null ? "0.1.0-SNAPSHOT" : version;
  }
}
