package io.agentmetrics.a2a.store.postgres;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.agentmetrics.a2a.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared database: a HikariCP pool, its schema migrated by Flyway when opened. A request waits
 * at most the connection timeout for a connection and a statement runs at most the statement
 * timeout, so with the database down calls fail fast with {@link StoreUnavailableException}; the
 * pool reconnects once it is back, without a restart.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class PostgresDatabase implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(PostgresDatabase.class);

  /** Flyway's history table; the schema's own tables are prefixed alike. */
  private static final String HISTORY_TABLE = "a2a_schema_history";

  /** The SQLState class of a value the database cannot take, such as text holding U+0000. */
  private static final String DATA_EXCEPTION = "22";

  /** How long the listener waits for notifications before it checks whether to stop. */
  private static final int LISTEN_POLL_MS = 1000;

  private final HikariDataSource pool;

  private PostgresDatabase(HikariDataSource pool) {
    this.pool = pool;
  }

  /**
   * Connects and migrates the schema to the newest version; replicas starting together migrate it
   * once between them (Flyway locks the database while it migrates).
   *
   * @param settings where the database is
   * @return the open database
   * @throws StoreUnavailableException if the database cannot be reached or migrated
   * @since 0.1.0
   */
  public static PostgresDatabase open(DatabaseSettings settings) {
    requireNonNull(settings, "settings");
    HikariConfig config = new HikariConfig();
    config.setPoolName("a2a-store");
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxConnections());
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    config.setValidationTimeout(Math.min(1000, settings.connectionTimeout().toMillis()));
    config.setInitializationFailTimeout(settings.connectionTimeout().toMillis());
    long seconds = Math.max(1, settings.connectionTimeout().toSeconds());
    config.addDataSourceProperty("connectTimeout", seconds);
    config.addDataSourceProperty("loginTimeout", seconds);
    // A statement that outlives the server's timeout fails on the server; the socket timeout
    // ends a wait on a database that stopped answering altogether.
    config.addDataSourceProperty(
        "options", "-c statement_timeout=" + settings.statementTimeout().toMillis());
    config.addDataSourceProperty(
        "socketTimeout", Math.max(1, settings.statementTimeout().multipliedBy(2).toSeconds()));
    config.addDataSourceProperty("tcpKeepAlive", true);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreUnavailableException(
          "cannot connect to the task database at "
              + settings.url()
              + " as "
              + settings.user()
              + "; check A2A_DATABASE_URL, A2A_DATABASE_USER and A2A_DATABASE_PASSWORD",
          e);
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/a2a")
          .table(HISTORY_TABLE)
          .baselineOnMigrate(true)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreUnavailableException(
          "cannot migrate the task database at " + settings.url() + ": " + e.getMessage(), e);
    }
    logger.info(
        "task store: PostgreSQL at {} as {}, schema migrated", settings.url(), settings.user());
    return new PostgresDatabase(pool);
  }

  /**
   * Runs {@code work} on a pooled connection in autocommit mode.
   *
   * @param what what the work does, for the error message
   * @param work the statements
   * @param <T> the result type
   * @return what {@code work} returns
   * @throws StoreUnavailableException if the database cannot be reached, or failed the work
   * @throws IllegalArgumentException if the database cannot hold a value of the work's
   */
  <T> T call(String what, Work<T> work) {
    try (Connection connection = pool.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith(DATA_EXCEPTION)) {
        throw new IllegalArgumentException(
            "the task store cannot hold a value of this request (SQLState "
                + e.getSQLState()
                + ") while trying to "
                + what,
            e);
      }
      throw unavailable(what, e);
    }
  }

  /**
   * The exception for a failed call. Every SQL failure but a data exception is reported as
   * unavailable: the statements are fixed, so a failure means the database, not the request, is at
   * fault.
   */
  private static StoreUnavailableException unavailable(String what, SQLException e) {
    String kind = e instanceof SQLTransientException ? "timed out" : "failed";
    logger.debug("task store: {} {} (SQLState {})", what, kind, e.getSQLState(), e);
    return new StoreUnavailableException(
        "the task store " + kind + " while trying to " + what + "; retry shortly", e);
  }

  /**
   * Hands {@code payloads} the payload of each notification on {@code channel}, on a daemon thread
   * holding one pooled connection, until the returned handle is closed. Notifications sent while
   * the thread was not listening (the connection broke, the database was unreachable) are lost: the
   * thread connects again every second meanwhile, and runs {@code listening} each time it listens
   * again, so that the caller reads afresh what it may have missed.
   *
   * @param channel the channel
   * @param payloads told each payload; must not block
   * @param listening run on the thread after each {@code LISTEN}, the first included
   * @return the subscription
   */
  AutoCloseable listen(String channel, Consumer<String> payloads, Runnable listening) {
    AtomicBoolean open = new AtomicBoolean(true);
    Thread listener =
        new Thread(
            () -> {
              while (open.get()) {
                try (Connection connection = pool.getConnection()) {
                  try {
                    listenOn(connection, channel, payloads, listening, open);
                  } catch (SQLException | RuntimeException e) {
                    // Notifications are read past the pool's proxy, so the pool cannot tell that
                    // the connection broke: it would lend it to the next request.
                    pool.evictConnection(connection);
                    throw e;
                  }
                } catch (SQLException | RuntimeException e) {
                  logger.debug("task store: listening on {} failed; connecting again", channel, e);
                  pause();
                }
              }
            },
            "a2a-store-listen-" + channel);
    listener.setDaemon(true);
    listener.start();
    return () -> {
      open.set(false);
      listener.interrupt();
    };
  }

  private static void listenOn(
      Connection connection,
      String channel,
      Consumer<String> payloads,
      Runnable listening,
      AtomicBoolean open)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + channel);
    }
    listening.run();
    PGConnection notifications = connection.unwrap(PGConnection.class);
    while (open.get()) {
      PGNotification[] received = notifications.getNotifications(LISTEN_POLL_MS);
      if (received != null) {
        for (PGNotification notification : received) {
          payloads.accept(notification.getParameter());
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(LISTEN_POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the pool. */
  @Override
  public void close() {
    pool.close();
  }

  /** Statements on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }
}
