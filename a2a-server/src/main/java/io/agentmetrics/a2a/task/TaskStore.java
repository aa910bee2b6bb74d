package io.agentmetrics.a2a.task;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.store.StoreStatistics;
import io.agentmetrics.a2a.store.StoredTask;
import io.agentmetrics.a2a.store.TaskFilter;
import io.agentmetrics.a2a.store.TaskRepository;
import io.agentmetrics.a2a.store.TaskSlice;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The tasks of the service: stored in a {@link TaskRepository}, shared with other replicas when the
 * repository is, and worked on through {@link TaskRecord}s. A task has at most one record in this
 * process while anything holds it (a running turn, a subscriber, a request), so a cancel reaches
 * the turn it stops and events reach every subscriber here; a record nothing holds is let go
 * (weakly held), and the next request reads the task afresh.
 *
 * <p>Thread-safe.
 */
final class TaskStore {

  private final TaskRepository repository;
  private final PushPayloads payloads;
  private final int maxHistory;
  // Maintenance on the writing thread: the default, the common pool, wakes a thread per write.
  private final Cache<String, TaskRecord> records =
      Caffeine.newBuilder().weakValues().executor(Runnable::run).build();

  TaskStore(TaskRepository repository, PushPayloads payloads, int maxHistory) {
    this.repository = repository;
    this.payloads = payloads;
    this.maxHistory = maxHistory;
  }

  /** Stores a new submitted task holding {@code first}, with {@code push} if given. */
  TaskRecord create(
      String id, String contextId, Message first, Instant now, @Nullable PushTarget push) {
    StoredTask stored =
        repository.create(TaskRecord.submitted(id, contextId, first, now, push, payloads));
    TaskRecord record = new TaskRecord(stored, maxHistory, repository, payloads);
    records.put(id, record);
    return record;
  }

  /** The record of task {@code id}, holding the task as stored now. */
  TaskRecord get(String id) {
    StoredTask stored = repository.find(id).orElseThrow(() -> notFound(id));
    TaskRecord record =
        records.get(id, unused -> new TaskRecord(stored, maxHistory, repository, payloads));
    record.refresh(stored);
    return record;
  }

  /**
   * Catches up the record of task {@code id}, if this process holds one, with a change another
   * process made: its subscribers get the events, and a turn canceled elsewhere stops.
   */
  void changedElsewhere(String id) {
    TaskRecord record = records.getIfPresent(id);
    if (record != null) {
      repository.find(id).ifPresent(record::refresh);
    }
  }

  /**
   * Catches up every record this process holds, after a time in which changes made elsewhere were
   * not told (the store's connection broke): their subscribers get the events they missed.
   */
  void changedUnseen() {
    for (String id : records.asMap().keySet()) {
      changedElsewhere(id);
    }
  }

  /**
   * Fails task {@code id}, whose replica stopped without ending it; false if it ended meanwhile.
   */
  boolean failOrphan(String id, String reason, Instant now) {
    TaskRecord record = get(id);
    return record.fail(
        Message.agentText(reason, UUID.randomUUID().toString(), record.contextId(), id), now, 0);
  }

  /** The records this process holds now: of running turns, subscribed tasks, requests. */
  List<TaskRecord> held() {
    return List.copyOf(records.asMap().values());
  }

  TaskSlice list(TaskFilter filter) {
    return repository.list(filter);
  }

  void remove(String id) {
    repository.delete(id);
    records.invalidate(id);
  }

  StoreStatistics statistics() {
    return repository.statistics();
  }

  static TaskException notFound(String id) {
    return new TaskException(
        TaskException.Reason.NOT_FOUND,
        "task " + id + " was not found; it may never have existed or has expired");
  }
}
