package io.agentmetrics.a2a;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.store.postgres.DatabaseSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the server keeps tasks, push configs and conversation history: in memory (the default, one
 * process), or in a PostgreSQL database that replicas behind one load balancer share. Read from
 * {@code A2A_TASK_STORE} ({@code memory} or {@code postgres}) and, for PostgreSQL, {@code
 * A2A_DATABASE_URL}, {@code A2A_DATABASE_USER} and {@code A2A_DATABASE_PASSWORD}. The password
 * never appears in {@link #toString()}.
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
    if (lease.toMillis() < 1000) {
      throw new IllegalArgumentException("lease must be at least 1s, got " + lease);
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

  /**
   * The settings {@code env} asks for.
   *
   * @param env the environment, usually {@link System#getenv()}
   * @return the settings
   * @throws IllegalArgumentException naming the variable that is missing or wrong
   * @since 0.1.0
   */
  public static StoreSettings read(Map<String, String> env) {
    String kind = env.getOrDefault("A2A_TASK_STORE", "").trim().toLowerCase(Locale.ROOT);
    switch (kind) {
      case "", "memory" -> {
        return inMemory();
      }
      case "postgres" -> {
        String url = required(env, "A2A_DATABASE_URL");
        String user = required(env, "A2A_DATABASE_USER");
        DatabaseSettings database;
        try {
          database = DatabaseSettings.of(url, user, env.getOrDefault("A2A_DATABASE_PASSWORD", ""));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("A2A_DATABASE_URL: " + e.getMessage(), e);
        }
        return new StoreSettings(database, lease(env));
      }
      default ->
          throw new IllegalArgumentException(
              "A2A_TASK_STORE must be memory or postgres, got '" + kind + "'");
    }
  }

  private static Duration lease(Map<String, String> env) {
    String value = env.get("A2A_TASK_LEASE_SECONDS");
    if (value == null || value.isBlank()) {
      return DEFAULT_LEASE;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "A2A_TASK_LEASE_SECONDS has an unreadable value '" + value + "'; fix or unset it", e);
    }
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must be set when A2A_TASK_STORE=postgres");
    }
    return value.trim();
  }
}
