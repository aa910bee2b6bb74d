package io.agentmetrics.a2a.store.postgres;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's PostgreSQL database: opened before its tests, emptied for each store a test opens,
 * closed after them.
 */
final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

  /** Where the database is; asked before the class's tests, once its server runs. */
  interface Location {
    DatabaseSettings settings() throws Exception;
  }

  private final Location location;
  private @Nullable DatabaseSettings settings;
  private @Nullable PostgresDatabase database;

  private TestDatabase(Location location) {
    this.location = location;
  }

  /**
   * The database on the {@link LocalPostgres} server; the class is skipped, saying why, where
   * PostgreSQL is not installed.
   */
  static TestDatabase local() {
    return new TestDatabase(PostgresStores::local);
  }

  /** The database at {@code location}, such as a container's. */
  static TestDatabase at(Location location) {
    return new TestDatabase(location);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    settings = location.settings();
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
