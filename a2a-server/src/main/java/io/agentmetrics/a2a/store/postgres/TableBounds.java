package io.agentmetrics.a2a.store.postgres;

import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.store.StoreStatistics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bounds of one store table, kept in SQL: rows whose {@code accessed_ms} is older than the
 * time-to-live, then the least recently used rows beyond the count or beyond the weight (each row
 * weighing at least {@link StoreLimits#floor()}, as in memory), are deleted and counted as
 * evictions. The sweep reads every row, so after writes it runs at most once a second of this
 * replica's clock; between sweeps the table may exceed its bounds by what was written since.
 *
 * <p>Thread-safe.
 */
final class TableBounds {

  /** The least time between two sweeps after writes, in milliseconds. */
  static final long SWEEP_INTERVAL_MS = 1000;

  private final String table;
  private final String key;
  private final StoreLimits limits;
  private final Duration ttl;
  private final LongAdder evictions = new LongAdder();
  private final AtomicLong lastSwept = new AtomicLong(Long.MIN_VALUE);

  /**
   * The bounds of {@code table}, whose rows {@code key} names.
   *
   * @param table a store table with {@code accessed_ms} and {@code weight} columns
   * @param key its primary key column
   */
  TableBounds(String table, String key, StoreLimits limits, Duration ttl) {
    this.table = table;
    this.key = key;
    this.limits = limits;
    this.ttl = ttl;
  }

  /** The oldest {@code accessed_ms} a live row may have at {@code now}, exclusive. */
  long expiry(long now) {
    return now - ttl.toMillis();
  }

  /** Sweeps unless this replica swept within the last {@link #SWEEP_INTERVAL_MS}. */
  void sweepAfterWrite(Connection connection, long now) throws SQLException {
    long last = lastSwept.get();
    if (now - last >= SWEEP_INTERVAL_MS && lastSwept.compareAndSet(last, now)) {
      sweep(connection, now);
    }
  }

  /** Sweeps, then counts the rows and their weight. */
  StoreStatistics statistics(Connection connection, long now) throws SQLException {
    sweep(connection, now);
    try (PreparedStatement select =
            connection.prepareStatement("SELECT count(*), COALESCE(sum(weight), 0) FROM " + table);
        ResultSet row = select.executeQuery()) {
      row.next();
      return new StoreStatistics(row.getLong(1), row.getLong(2), evictions.sum());
    }
  }

  private void sweep(Connection connection, long now) throws SQLException {
    long floor = limits.floor();
    String sql =
        "DELETE FROM "
            + table
            + " WHERE accessed_ms <= ? OR "
            + key
            + " IN (SELECT "
            + key
            + " FROM (SELECT "
            + key
            + ", row_number() OVER recent AS n, sum(GREATEST(weight, ?)) OVER recent AS total FROM "
            + table
            + " WHERE accessed_ms > ? WINDOW recent AS (ORDER BY accessed_ms DESC, "
            + key
            + " DESC)) ranked WHERE n > ? OR total > ?)";
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      long expiry = expiry(now);
      delete.setLong(1, expiry);
      delete.setLong(2, floor);
      delete.setLong(3, expiry);
      delete.setLong(4, limits.maxEntries());
      delete.setLong(5, limits.maxEntries() * floor);
      evictions.add(delete.executeUpdate());
    }
  }
}
