package io.agentmetrics.a2a.store.postgres;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The databases the PostgreSQL store tests run on. */
final class PostgresStores {

  private PostgresStores() {}

  /** The local server's settings, or the test is skipped, saying why, without PostgreSQL. */
  static DatabaseSettings local() throws Exception {
    assumeTrue(
        LocalPostgres.unavailableReason().isEmpty(),
        () -> "skipped: " + LocalPostgres.unavailableReason().orElse(""));
    return LocalPostgres.shared().settings();
  }

  /** Empties the store's tables, if they exist yet. */
  static void truncate(DatabaseSettings settings) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        Statement statement = connection.createStatement()) {
      statement.execute(
          "DO $$ BEGIN IF to_regclass('a2a_task') IS NOT NULL THEN"
              + " TRUNCATE a2a_task, a2a_context; END IF; END $$");
    }
  }
}
