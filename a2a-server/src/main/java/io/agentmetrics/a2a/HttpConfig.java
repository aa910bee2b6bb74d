package io.agentmetrics.a2a;

import static io.agentmetrics.a2a.ConfigChecks.inRange;
import static io.agentmetrics.a2a.ConfigChecks.notNegative;
import static io.agentmetrics.a2a.ConfigChecks.positive;
import static java.util.Objects.requireNonNull;

import io.agentmetrics.agent.config.ConfigException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where and how the server listens: address, worker threads, connection timeouts and the
 * browser-facing rules (CORS, allowed hosts).
 *
 * <p>Immutable and thread-safe.
 *
 * @param host the interface to bind ({@code HOST})
 * @param port the port to bind, {@code 0} for any free port ({@code PORT})
 * @param publicUrl the base URL advertised in the agent card, or {@code null} for the bound address
 *     ({@code A2A_PUBLIC_URL})
 * @param maxThreads the HTTP worker pool's size, at least 4; at most a quarter of it runs agent
 *     turns ({@code A2A_HTTP_MAX_THREADS})
 * @param shutdownGrace how long in-flight requests may take to finish on shutdown ({@code
 *     A2A_SHUTDOWN_GRACE_SECONDS})
 * @param corsOrigins origins allowed to call the server from a browser; empty disables CORS ({@code
 *     A2A_CORS_ORIGINS})
 * @param allowedHosts on a loopback bind, host names besides the local ones that the {@code Host}
 *     and {@code Origin} headers may name ({@code A2A_ALLOWED_HOSTS})
 * @param idleTimeout how long a connection may go without sending or receiving a byte ({@code
 *     A2A_IDLE_TIMEOUT_MS})
 * @param minRequestDataRate the slowest a request body may arrive, in bytes per second; {@code 0}
 *     for no minimum ({@code A2A_MIN_REQUEST_DATA_RATE})
 * @since 0.1.0
 */
public record HttpConfig(
    String host,
    int port,
    @Nullable String publicUrl,
    int maxThreads,
    Duration shutdownGrace,
    List<String> corsOrigins,
    List<String> allowedHosts,
    Duration idleTimeout,
    long minRequestDataRate) {

  /** Default interface: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Default port, as in the seed. */
  public static final int DEFAULT_PORT = 5000;

  /** Default HTTP worker threads. */
  public static final int DEFAULT_MAX_THREADS = 64;

  /** Default shutdown grace period. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

  /** Default idle timeout of a connection. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** Default minimum request data rate, in bytes per second. */
  public static final long DEFAULT_MIN_REQUEST_DATA_RATE = 1024;

  /**
   * Checks every field.
   *
   * @throws ConfigException naming the first bad setting and what it allows
   */
  public HttpConfig {
    requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new ConfigException("HOST", "a host name or address", host);
    }
    inRange(port, 0, 65_535, "PORT");
    if (maxThreads < 4) {
      throw new ConfigException("A2A_HTTP_MAX_THREADS", "an integer of at least 4", maxThreads);
    }
    notNegative(shutdownGrace, "A2A_SHUTDOWN_GRACE_SECONDS");
    corsOrigins = List.copyOf(corsOrigins);
    allowedHosts = List.copyOf(allowedHosts);
    positive(idleTimeout, "A2A_IDLE_TIMEOUT_MS");
    notNegative(minRequestDataRate, "A2A_MIN_REQUEST_DATA_RATE");
  }

  /**
   * The defaults: 127.0.0.1:5000 and the other {@code DEFAULT_*} constants.
   *
   * @return the default HTTP settings
   * @since 0.1.0
   */
  public static HttpConfig defaults() {
    return new HttpConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        null,
        DEFAULT_MAX_THREADS,
        DEFAULT_SHUTDOWN_GRACE,
        List.of(),
        List.of(),
        DEFAULT_IDLE_TIMEOUT,
        DEFAULT_MIN_REQUEST_DATA_RATE);
  }
}
