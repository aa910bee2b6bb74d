package io.agentmetrics.a2a;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.store.postgres.DatabaseSettings;
import io.agentmetrics.agent.config.ConfigException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where the server keeps tasks, push configs and conversation history: in memory (the default, one
 * process), or in a PostgreSQL database that replicas behind one load balancer share. Read by
 * {@link EnvironmentConfig} from {@code A2A_TASK_STORE} ({@code memory} or {@code postgres}) and,
 * for PostgreSQL, {@code A2A_DATABASE_URL}, {@code A2A_DATABASE_USER} and {@code
 * A2A_DATABASE_PASSWORD}. The password never appears in {@link #toString()}.
 *
 * @param database the shared database, or {@code null} to keep everything in memory
 * @param lease how long a submitted or working task stays leased to the replica running it without
 *     a renewal ({@code A2A_TASK_LEASE_SECONDS}); a replica that dies leaves its tasks running at
 *     most this long (and half as long again, the sweep's period) before another fails them
 * @since 0.1.0
 */
public record StoreSettings(@Nullable DatabaseSettings database, Duration lease) {

  /** How long a running task stays leased to its replica without a renewal, by default. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);

  /** Checks the lease. */
  public StoreSettings {
    requireNonNull(lease, "lease");
    if (lease.toMillis() < 1000) {
      throw new ConfigException(
          "A2A_TASK_LEASE_SECONDS", "at least 1 second", lease.toMillis() + " ms");
    }
  }

  /**
   * Everything in this process.
   *
   * @return the in-memory settings
   * @since 0.1.0
   */
  public static StoreSettings inMemory() {
    return new StoreSettings(null, DEFAULT_LEASE);
  }

  /**
   * Everything in {@code database}.
   *
   * @param database where the database is
   * @return the settings
   * @since 0.1.0
   */
  public static StoreSettings postgres(DatabaseSettings database) {
    return new StoreSettings(requireNonNull(database, "database"), DEFAULT_LEASE);
  }
}
