package io.agentmetrics.a2a.store.postgres;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's database on the {@link LocalPostgres} server: opened before its tests (skipped,
 * saying why, where PostgreSQL is not installed), emptied for each store a test opens, closed
 * after.
 */
final class LocalDatabase implements BeforeAllCallback, AfterAllCallback {

  private @Nullable DatabaseSettings settings;
  private @Nullable PostgresDatabase database;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    settings = PostgresStores.local();
    database = PostgresDatabase.open(settings);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (database != null) {
      database.close();
    }
  }

  /** The database with every table emptied, for a store a test is about to open. */
  PostgresDatabase emptied() {
    if (settings == null || database == null) {
      throw new IllegalStateException("the database is opened before the class's tests run");
    }
    try {
      PostgresStores.truncate(settings);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not empty the test database: " + e.getMessage(), e);
    }
    return database;
  }
}
