package io.agentmetrics.a2a.store.postgres;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.dto.JsonMappers;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.store.StoreStatistics;
import io.agentmetrics.a2a.store.StoredPushConfig;
import io.agentmetrics.a2a.store.StoredTask;
import io.agentmetrics.a2a.store.TaskFilter;
import io.agentmetrics.a2a.store.TaskRepository;
import io.agentmetrics.a2a.store.TaskSlice;
import io.agentmetrics.api.TimeSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Tasks in PostgreSQL, shared by every replica on the database. Each task is one row: its snapshot
 * and push configs as JSON, with the columns listings filter and order by. A write names the
 * version it read, and the row changes only if that is still its version and the write does not
 * move it out of a final state, so racing replicas never lose a transition.
 *
 * <p>The bounds of the in-memory store hold in SQL: rows unread for the time-to-live are invisible
 * at once and deleted by the next sweep; after a new task (at most once a second) the least
 * recently used rows beyond the count or beyond the weight (bounded as {@link StoreLimits} bounds
 * the in-memory weight) are deleted, and whenever statistics are read. Times come from the writing
 * replica's clock.
 *
 * <p>Each replica has an id of its own. A change of state leases the task to the replica that made
 * it, for the lease duration, renewed by {@link #renewLeases()}; a submitted or working task whose
 * lease ran out is {@linkplain #expiredLeases() expired}. Every new version is announced (a trigger
 * notifies channel {@code a2a_task}), which {@link #listen} receives.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class PostgresTaskRepository implements TaskRepository {

  /**
   * Writes and reads the JSON columns, without the request limits: see {@link
   * JsonMappers#forStoredJson}.
   */
  private static final ObjectMapper JSON = JsonMappers.forStoredJson();

  private static final TypeReference<List<StoredPushConfig>> PUSH_CONFIGS =
      new TypeReference<>() {};

  /** The channel the schema's trigger announces each new task version on. */
  private static final String CHANNEL = "a2a_task";

  private static final String RUNNING_STATES =
      "('" + TaskState.SUBMITTED.wireName() + "', '" + TaskState.WORKING.wireName() + "')";
  private static final String COLUMNS = "task, updated_ns, push_configs, version";
  private static final String FINAL_STATES =
      "('"
          + TaskState.CANCELED.wireName()
          + "', '"
          + TaskState.FAILED.wireName()
          + "', '"
          + TaskState.REJECTED.wireName()
          + "')";

  private final PostgresDatabase database;
  private final TimeSource time;
  private final TableBounds bounds;
  private final Duration lease;
  private final String replica = UUID.randomUUID().toString();

  /**
   * A store on {@code database}.
   *
   * @param database the migrated database
   * @param limits the most tasks and retained bytes kept
   * @param ttl how long a task is kept after it was last read or written
   * @param time the clock of this replica
   * @param lease how long a submitted or working task stays leased to this replica without a
   *     renewal: how soon other replicas fail the tasks of a replica that died
   * @since 0.1.0
   */
  public PostgresTaskRepository(
      PostgresDatabase database,
      StoreLimits limits,
      Duration ttl,
      TimeSource time,
      Duration lease) {
    if (lease.toMillis() < 1) {
      throw new IllegalArgumentException("lease must be positive, got " + lease);
    }
    this.lease = lease;
    this.database = requireNonNull(database, "database");
    this.bounds =
        new TableBounds(
            "a2a_task", "id", requireNonNull(limits, "limits"), requireNonNull(ttl, "ttl"));
    this.time = requireNonNull(time, "time");
  }

  @Override
  public StoredTask create(StoredTask task) {
    long now = nowMillis();
    String sql =
        "INSERT INTO a2a_task (id, context_id, state, updated_ns, accessed_ms, version, weight,"
            + " task, push_configs, owner, lease_ms) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO NOTHING";
    int inserted =
        database.call(
            "store task " + task.id(),
            connection -> {
              try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setString(1, task.id());
                insert.setString(2, task.task().contextId());
                insert.setString(3, task.state().wireName());
                insert.setLong(4, nanos(task.updated()));
                insert.setLong(5, now);
                insert.setLong(6, task.retainedBytes());
                insert.setString(7, json(task.task()));
                insert.setString(8, json(task.pushConfigs()));
                insert.setString(9, replica);
                insert.setLong(10, now + lease.toMillis());
                int rows = insert.executeUpdate();
                bounds.sweepAfterWrite(connection, now);
                return rows;
              }
            });
    if (inserted == 0) {
      throw new IllegalArgumentException("task " + task.id() + " is stored already");
    }
    return task.withVersion(1);
  }

  @Override
  public Optional<StoredTask> find(String id) {
    long now = nowMillis();
    String sql =
        "UPDATE a2a_task SET accessed_ms = GREATEST(accessed_ms, ?) WHERE id = ? AND accessed_ms > ?"
            + " RETURNING "
            + COLUMNS;
    return database.call(
        "read task " + id,
        connection -> {
          try (PreparedStatement read = connection.prepareStatement(sql)) {
            read.setLong(1, now);
            read.setString(2, id);
            read.setLong(3, bounds.expiry(now));
            try (ResultSet row = read.executeQuery()) {
              return row.next() ? Optional.of(task(row)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public Optional<StoredTask> update(StoredTask current, StoredTask next) {
    long now = nowMillis();
    String sql =
        "UPDATE a2a_task SET state = ?, updated_ns = ?, accessed_ms = GREATEST(accessed_ms, ?),"
            + " version = version + 1, weight = ?, task = ?, push_configs = ?,"
            // A change of state is this replica's doing: a turn it runs, or one it ended.
            + " owner = CASE WHEN state = ? THEN owner ELSE ? END,"
            + " lease_ms = CASE WHEN state = ? THEN lease_ms ELSE ? END"
            + " WHERE id = ? AND version = ? AND accessed_ms > ?"
            + " AND (state NOT IN "
            + FINAL_STATES
            + " OR state = ?)";
    int updated =
        database.call(
            "update task " + current.id(),
            connection -> {
              try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setString(1, next.state().wireName());
                update.setLong(2, nanos(next.updated()));
                update.setLong(3, now);
                update.setLong(4, next.retainedBytes());
                update.setString(5, json(next.task()));
                update.setString(6, json(next.pushConfigs()));
                update.setString(7, next.state().wireName());
                update.setString(8, replica);
                update.setString(9, next.state().wireName());
                update.setLong(10, now + lease.toMillis());
                update.setString(11, current.id());
                update.setLong(12, current.version());
                update.setLong(13, bounds.expiry(now));
                update.setString(14, next.state().wireName());
                return update.executeUpdate();
              }
            });
    return updated == 0 ? Optional.empty() : Optional.of(next.withVersion(current.version() + 1));
  }

  @Override
  public TaskSlice list(TaskFilter filter) {
    long now = nowMillis();
    List<Object> arguments = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE accessed_ms > ?");
    arguments.add(bounds.expiry(now));
    if (filter.contextId() != null) {
      where.append(" AND context_id = ?");
      arguments.add(filter.contextId());
    }
    if (filter.state() != null) {
      where.append(" AND state = ?");
      arguments.add(filter.state().wireName());
    }
    if (filter.updatedAfter() != null) {
      where.append(" AND updated_ns > ?");
      arguments.add(nanos(filter.updatedAfter()));
    }
    String count = "SELECT count(*) FROM a2a_task" + where;
    List<Object> pageArguments = new ArrayList<>(arguments);
    TaskFilter.Position after = filter.after();
    if (after != null) {
      where.append(" AND (updated_ns < ? OR (updated_ns = ? AND id > ?))");
      pageArguments.add(nanos(after.updated()));
      pageArguments.add(nanos(after.updated()));
      pageArguments.add(after.id());
    }
    String page =
        "SELECT " + COLUMNS + " FROM a2a_task" + where + " ORDER BY updated_ns DESC, id LIMIT ?";
    pageArguments.add(filter.limit() + 1);
    return database.call(
        "list tasks",
        connection -> {
          List<StoredTask> tasks = new ArrayList<>();
          try (PreparedStatement select = prepare(connection, page, pageArguments);
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              tasks.add(task(rows));
            }
          }
          long total;
          try (PreparedStatement select = prepare(connection, count, arguments);
              ResultSet rows = select.executeQuery()) {
            rows.next();
            total = rows.getLong(1);
          }
          boolean more = tasks.size() > filter.limit();
          return new TaskSlice(more ? tasks.subList(0, filter.limit()) : tasks, total, more);
        });
  }

  @Override
  public boolean delete(String id) {
    return database.call(
        "delete task " + id,
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM a2a_task WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() > 0;
          }
        });
  }

  @Override
  public StoreStatistics statistics() {
    long now = nowMillis();
    return database.call(
        "count tasks",
        connection -> {
          return bounds.statistics(connection, now);
        });
  }

  @Override
  public AutoCloseable listen(Consumer<String> changed, Runnable missed) {
    return database.listen(CHANNEL, changed, missed);
  }

  @Override
  public Optional<Duration> lease() {
    return Optional.of(lease);
  }

  @Override
  public void renewLeases() {
    long now = nowMillis();
    database.call(
        "renew task leases",
        connection -> {
          try (PreparedStatement renew =
              connection.prepareStatement(
                  "UPDATE a2a_task SET lease_ms = ? WHERE owner = ? AND state IN "
                      + RUNNING_STATES)) {
            renew.setLong(1, now + lease.toMillis());
            renew.setString(2, replica);
            return renew.executeUpdate();
          }
        });
  }

  @Override
  public List<String> expiredLeases() {
    long now = nowMillis();
    return database.call(
        "find expired task leases",
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id FROM a2a_task WHERE state IN "
                      + RUNNING_STATES
                      + " AND lease_ms < ? AND accessed_ms > ? AND owner IS DISTINCT FROM ?"
                      + " LIMIT 100")) {
            select.setLong(1, now);
            select.setLong(2, bounds.expiry(now));
            // This replica's own turns are alive while it is: a lease it could not renew (the
            // database was down) lapsed, but the turn did not stop.
            select.setString(3, replica);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                ids.add(rows.getString(1));
              }
            }
            return ids;
          }
        });
  }

  /** Nothing to release: the database is closed by its owner. */
  @Override
  public void close() {}

  private StoredTask task(ResultSet row) throws SQLException {
    try {
      return new StoredTask(
          JSON.readValue(row.getString(1), Task.class),
          instant(row.getLong(2)),
          JSON.readValue(row.getString(3), PUSH_CONFIGS),
          row.getLong(4));
    } catch (JsonProcessingException e) {
      throw new SQLException("a stored task could not be read: " + e.getOriginalMessage(), e);
    }
  }

  private String json(Object value) throws SQLException {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new SQLException("a task could not be written: " + e.getOriginalMessage(), e);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, List<Object> values)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(i + 1, values.get(i));
    }
    return statement;
  }

  private long nowMillis() {
    return time.now().toEpochMilli();
  }

  static long nanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
