package io.agentmetrics.a2a.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.dto.AgentCard;
import io.agentmetrics.a2a.dto.ServerStatus;
import io.agentmetrics.a2a.jsonrpc.InFlightBudget;
import io.agentmetrics.a2a.jsonrpc.JsonRpcEndpoint;
import io.agentmetrics.a2a.trace.RequestObserver;
import io.agentmetrics.a2a.v1.ProtocolVersion;
import io.agentmetrics.a2a.v1.V1Binding;
import io.agentmetrics.api.TimeSource;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * The Jetty server: a bounded worker pool, the routes, and graceful shutdown ({@link
 * GracefulHandler} stops taking requests and waits up to the grace period for in-flight ones). Slow
 * or idle clients hold no worker thread: bodies are read as they arrive, with a minimum data rate
 * ({@link MinimumDataRateHandler}) and an idle timeout, and event streams are written
 * asynchronously. Every response carries {@code X-Content-Type-Options: nosniff}; on a loopback
 * bind, foreign {@code Host} and {@code Origin} headers are refused ({@link LoopbackHostGuard}).
 *
 * <p>Thread-safe for {@link #start()} and {@link #stop()}.
 *
 * @since 0.1.0
 */
public final class HttpServer {

  private final Server server;
  private final ServerConnector connector;
  private volatile @Nullable AgentCard card;
  private volatile @Nullable URI boundUri;
  private final Function<URI, AgentCard> cardFactory;

  /**
   * A server, not yet started.
   *
   * @param settings address, pool, limits and security
   * @param mapper the server's mapper
   * @param dispatcher the A2A 0.3 JSON-RPC endpoint
   * @param v1 the A2A 1.0 bindings and card
   * @param inFlight the budget of bytes held for requests in flight, of every binding
   * @param observer receives request timings
   * @param status the body of {@code GET /} and {@code /health}
   * @param cardFactory builds the agent card from the bound base URL
   * @param summary the sections of {@code /metrics/summary}
   * @param openTelemetry opens the server spans
   * @param time the clock for request stages
   * @since 0.1.0
   */
  public HttpServer(
      HttpSettings settings,
      ObjectMapper mapper,
      JsonRpcEndpoint dispatcher,
      V1Binding v1,
      InFlightBudget inFlight,
      RequestObserver observer,
      ServerStatus status,
      Function<URI, AgentCard> cardFactory,
      List<MetricsSummaryContributor> summary,
      OpenTelemetry openTelemetry,
      TimeSource time) {
    requireNonNull(settings, "settings");
    this.cardFactory = requireNonNull(cardFactory, "cardFactory");
    // Bounded by maxThreads; Jetty advises against bounding the job queue itself.
    QueuedThreadPool pool =
        new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()), 60_000);
    pool.setName("a2a-http");
    server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    connector.setIdleTimeout(settings.idleTimeout().toMillis());
    server.addConnector(connector);

    CallerTurnWatches callerTurns = new CallerTurnWatches(server.getScheduler(), time);
    server.addBean(callerTurns);
    RequestGate gate =
        new RequestGate(
            new BearerTokenCheck(settings.authToken()),
            requireNonNull(inFlight, "inFlight"),
            settings.maxBodyBytes(),
            settings.traceSampleRate(),
            time,
            observer,
            settings.idleTimeout(),
            callerTurns);
    Route jsonRpc = new JsonRpcRoute(mapper, dispatcher, v1, gate);
    Route statusRoute = new StatusRoute(mapper, status);
    Route cardRoute = new AgentCardRoute(mapper, this::card, v1);
    Route rest = new RestRoute(v1.rest(), gate);
    Map<String, Route> routes = new LinkedHashMap<>();
    // GET / is the status page; POST / is JSON-RPC (the standard A2A endpoint).
    routes.put(
        "/",
        (request, response, callback) -> {
          if ("GET".equals(request.getMethod())) {
            statusRoute.handle(request, response, callback);
          } else {
            jsonRpc.handle(request, response, callback);
          }
        });
    routes.put("/tasks/send", jsonRpc);
    routes.put("/health", statusRoute);
    routes.put("/.well-known/agent-card.json", cardRoute);
    routes.put("/.well-known/agent.json", cardRoute);
    routes.put("/metrics/summary", new MetricsSummaryRoute(mapper, summary));
    routes.put("/dashboard", new DashboardRoute(mapper));

    Handler app = new Routes(routes, rest, mapper);
    if (settings.minRequestDataRate() > 0) {
      app = new MinimumDataRateHandler(app, settings.minRequestDataRate(), 0);
    }
    app = new ServerSpanHandler(openTelemetry, routes.keySet(), app);
    if (!settings.corsOrigins().isEmpty()) {
      app = crossOrigin(settings.corsOrigins(), app);
    }
    if (LoopbackHostGuard.isLoopback(settings.host())) {
      app = new LoopbackHostGuard(mapper, settings.allowedHosts(), settings.corsOrigins(), app);
    }
    server.setHandler(new GracefulHandler(new SecurityHeadersHandler(app)));
    server.setErrorHandler(new JsonErrorHandler(mapper));
    server.setStopTimeout(settings.shutdownGrace().toMillis());
    server.setStopAtShutdown(false);
  }

  /**
   * Binds and starts serving.
   *
   * @throws Exception if the port cannot be bound
   * @since 0.1.0
   */
  public void start() throws Exception {
    server.start();
    // Kept, so the address stays known after the connector closes during shutdown.
    String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
    String shown = host.contains(":") ? "[" + host + "]" : host;
    boundUri = URI.create("http://" + shown + ":" + connector.getLocalPort());
  }

  /**
   * The base URL the server is reachable at, with the actual port.
   *
   * @return for example {@code http://127.0.0.1:5000}
   * @since 0.1.0
   */
  public URI baseUri() {
    URI uri = boundUri;
    if (uri == null) {
      throw new IllegalStateException("the server has not been started");
    }
    return uri;
  }

  /**
   * Stops taking requests and waits up to the grace period for in-flight ones.
   *
   * @throws Exception if Jetty fails to stop
   * @since 0.1.0
   */
  public void stop() throws Exception {
    server.stop();
  }

  /**
   * Blocks until the server has stopped.
   *
   * @throws InterruptedException if interrupted while waiting
   * @since 0.1.0
   */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Jetty's CORS handler for exactly {@code origins} ({@code *} for any). */
  private static Handler crossOrigin(List<String> origins, Handler next) {
    CrossOriginHandler cors = new CrossOriginHandler();
    cors.setAllowedOriginPatterns(
        origins.contains("*")
            ? Set.of("*")
            : origins.stream().map(Pattern::quote).collect(Collectors.toSet()));
    cors.setAllowedMethods(Set.of("GET", "POST", "DELETE"));
    cors.setAllowedHeaders(
        Set.of("Authorization", "Content-Type", ProtocolVersion.HEADER, "A2A-Extensions"));
    cors.setAllowCredentials(false);
    cors.setPreflightMaxAge(Duration.ofMinutes(10));
    cors.setHandler(next);
    return cors;
  }

  private AgentCard card() {
    AgentCard current = card;
    if (current == null) {
      current = cardFactory.apply(baseUri());
      card = current;
    }
    return current;
  }

  /**
   * The HTTP-level settings.
   *
   * @param host the interface
   * @param port the port, 0 for any
   * @param maxThreads the worker pool size
   * @param maxBodyBytes the body limit
   * @param shutdownGrace the grace period
   * @param authToken the bearer token, or null
   * @param corsOrigins the CORS origins, empty for none
   * @param traceSampleRate the fraction of requests traced
   * @param allowedHosts on a loopback bind, the host names besides the local ones that {@code Host}
   *     and {@code Origin} may name
   * @param idleTimeout how long a connection may be silent
   * @param minRequestDataRate the slowest a body may arrive, in bytes per second, 0 for no minimum
   * @since 0.1.0
   */
  public record HttpSettings(
      String host,
      int port,
      int maxThreads,
      int maxBodyBytes,
      Duration shutdownGrace,
      @Nullable String authToken,
      List<String> corsOrigins,
      double traceSampleRate,
      List<String> allowedHosts,
      Duration idleTimeout,
      long minRequestDataRate) {

    /** Checks the fields. */
    public HttpSettings {
      requireNonNull(host, "host");
      requireNonNull(shutdownGrace, "shutdownGrace");
      corsOrigins = List.copyOf(corsOrigins);
      allowedHosts = List.copyOf(allowedHosts);
      requireNonNull(idleTimeout, "idleTimeout");
    }
  }
}
