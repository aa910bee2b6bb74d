package io.agentmetrics.a2a.store.postgres;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.Preconditions;
import java.time.Duration;

/**
 * How to reach the PostgreSQL database the replicas share, and how long to wait for it. The
 * password never appears in {@link #toString()}.
 *
 * @param url a JDBC URL, {@code jdbc:postgresql://host:port/database}
 * @param user the database user
 * @param password the user's password; may be empty where the server trusts the connection
 * @param maxConnections the most connections this replica opens
 * @param connectionTimeout how long a request waits for a connection before it fails as unavailable
 * @param statementTimeout how long one statement may run before it fails as unavailable
 * @since 0.1.0
 */
public record DatabaseSettings(
    String url,
    String user,
    String password,
    int maxConnections,
    Duration connectionTimeout,
    Duration statementTimeout) {

  /** The connections a replica opens by default. */
  public static final int DEFAULT_MAX_CONNECTIONS = 10;

  /** How long a request waits for a connection by default: short, so a dead database fails fast. */
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

  /** How long one statement may run by default. */
  public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);

  /** Checks the fields. */
  public DatabaseSettings {
    requireNonNull(url, "url");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "the database URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database),"
              + " got one starting "
              + url.substring(0, Math.min(url.length(), 16)));
    }
    Preconditions.atLeast(maxConnections, 1, "maxConnections");
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException(
          "connectionTimeout must be at least 250ms, got " + connectionTimeout);
    }
    if (statementTimeout.toMillis() < 1) {
      throw new IllegalArgumentException(
          "statementTimeout must be positive, got " + statementTimeout);
    }
  }

  /**
   * Settings with the default pool size and timeouts.
   *
   * @param url a JDBC URL
   * @param user the database user
   * @param password the user's password
   * @return the settings
   * @since 0.1.0
   */
  public static DatabaseSettings of(String url, String user, String password) {
    return new DatabaseSettings(
        url,
        user,
        password,
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_CONNECTION_TIMEOUT,
        DEFAULT_STATEMENT_TIMEOUT);
  }

  /** The settings without the password. */
  @Override
  public String toString() {
    return "DatabaseSettings[url="
        + url
        + ", user="
        + user
        + ", password=<redacted>, maxConnections="
        + maxConnections
        + ", connectionTimeout="
        + connectionTimeout
        + ", statementTimeout="
        + statementTimeout
        + "]";
  }
}
