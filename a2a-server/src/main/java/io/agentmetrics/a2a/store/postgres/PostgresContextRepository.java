package io.agentmetrics.a2a.store.postgres;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.dto.JsonMappers;
import io.agentmetrics.a2a.store.ContextRepository;
import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.store.StoreStatistics;
import io.agentmetrics.api.TimeSource;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversation history in PostgreSQL, one row per context, shared by every replica on the database.
 * An append adds the turns and keeps the newest {@code maxTurns} in one statement, so concurrent
 * appends to a context lose no turn. Contexts unused for the time-to-live are invisible at once and
 * deleted by the next sweep; after an append (at most once a second) and whenever statistics are
 * read, the least recently used beyond the count or the weight are deleted, as in memory.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class PostgresContextRepository implements ContextRepository {

  /**
   * Writes and reads the JSON columns, without the request limits: see {@link
   * JsonMappers#forStoredJson}.
   */
  private static final ObjectMapper JSON = JsonMappers.forStoredJson();

  private static final TypeReference<List<String>> TURNS = new TypeReference<>() {};

  /** A context's key and row, besides its turns: as the in-memory store counts it. */
  private static final long ENTRY_BYTES = 128;

  /** A turn's string and list slot, besides its characters, counted as UTF-8 bytes. */
  private static final long TURN_BYTES = 40;

  private final PostgresDatabase database;
  private final int maxTurns;
  private final TimeSource time;
  private final TableBounds bounds;

  /**
   * A store on {@code database}.
   *
   * @param database the migrated database
   * @param limits the most contexts and retained bytes kept
   * @param ttl how long an unused context is kept
   * @param maxTurns the most turns kept per context
   * @param time the clock of this replica
   * @since 0.1.0
   */
  public PostgresContextRepository(
      PostgresDatabase database, StoreLimits limits, Duration ttl, int maxTurns, TimeSource time) {
    if (maxTurns < 0) {
      throw new IllegalArgumentException("maxTurns must not be negative, got " + maxTurns);
    }
    this.database = requireNonNull(database, "database");
    this.bounds =
        new TableBounds(
            "a2a_context",
            "context_id",
            requireNonNull(limits, "limits"),
            requireNonNull(ttl, "ttl"));
    this.maxTurns = maxTurns;
    this.time = requireNonNull(time, "time");
  }

  @Override
  public List<String> history(String contextId) {
    long now = time.now().toEpochMilli();
    String sql =
        "UPDATE a2a_context SET accessed_ms = GREATEST(accessed_ms, ?)"
            + " WHERE context_id = ? AND accessed_ms > ? RETURNING turns::text";
    return database.call(
        "read context " + contextId,
        connection -> {
          try (PreparedStatement read = connection.prepareStatement(sql)) {
            read.setLong(1, now);
            read.setString(2, contextId);
            read.setLong(3, bounds.expiry(now));
            try (ResultSet row = read.executeQuery()) {
              return row.next() ? turns(row.getString(1)) : List.of();
            }
          }
        });
  }

  @Override
  public void append(String contextId, List<String> newTurns) {
    long now = time.now().toEpochMilli();
    List<String> kept =
        storable(newTurns.subList(Math.max(0, newTurns.size() - maxTurns), newTurns.size()));
    // The turns already stored count only if they have not expired; the newest maxTurns stay.
    String sql =
        "INSERT INTO a2a_context AS c (context_id, turns, weight, accessed_ms)"
            + " VALUES (?, ?::jsonb, ?, ?) ON CONFLICT (context_id) DO UPDATE SET"
            + " (turns, weight) = (SELECT COALESCE(jsonb_agg(turn ORDER BY i), '[]'::jsonb),"
            + " ? + COALESCE(sum(? + octet_length(turn #>> '{}')), 0) FROM (SELECT turn, i FROM"
            + " jsonb_array_elements((CASE WHEN c.accessed_ms > ? THEN c.turns ELSE '[]'::jsonb END)"
            + " || EXCLUDED.turns) WITH ORDINALITY AS e(turn, i) ORDER BY i DESC LIMIT ?) newest),"
            + " accessed_ms = EXCLUDED.accessed_ms";
    database.call(
        "append to context " + contextId,
        connection -> {
          int appended;
          try (PreparedStatement append = connection.prepareStatement(sql)) {
            String json = json(kept);
            append.setString(1, contextId);
            append.setString(2, json);
            append.setLong(3, weight(kept));
            append.setLong(4, now);
            append.setLong(5, ENTRY_BYTES);
            append.setLong(6, TURN_BYTES);
            append.setLong(7, bounds.expiry(now));
            append.setInt(8, maxTurns);
            appended = append.executeUpdate();
          }
          bounds.sweepAfterWrite(connection, now);
          return appended;
        });
  }

  @Override
  public StoreStatistics statistics() {
    long now = time.now().toEpochMilli();
    return database.call(
        "count contexts",
        connection -> {
          return bounds.statistics(connection, now);
        });
  }

  /** The weight of a context holding {@code turns}, as the append statement computes it. */
  private static long weight(List<String> turns) {
    long bytes = ENTRY_BYTES;
    for (String turn : turns) {
      bytes += TURN_BYTES + turn.getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }

  private List<String> turns(String json) throws SQLException {
    try {
      return List.copyOf(JSON.readValue(json, TURNS));
    } catch (JsonProcessingException e) {
      throw new SQLException("a stored context could not be read: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The turns, each U+0000 in them replaced by U+FFFD: {@code jsonb} cannot hold it. (The task,
   * stored as JSON text, keeps the message as sent; only the history the agent reads differs.)
   */
  private static List<String> storable(List<String> turns) {
    List<String> storable = new ArrayList<>(turns.size());
    for (String turn : turns) {
      storable.add(turn.replace('\0', '\uFFFD'));
    }
    return storable;
  }

  private String json(List<String> turns) throws SQLException {
    try {
      return JSON.writeValueAsString(turns);
    } catch (JsonProcessingException e) {
      throw new SQLException("a context could not be written: " + e.getOriginalMessage(), e);
    }
  }
}
