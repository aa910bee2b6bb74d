package io.agentmetrics.a2a.task;

import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.dto.Artifact;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.dto.TaskArtifactUpdateEvent;
import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.a2a.dto.TaskStatus;
import io.agentmetrics.a2a.dto.TaskStatusUpdateEvent;
import io.agentmetrics.a2a.store.StoredPushConfig;
import io.agentmetrics.a2a.store.StoredTask;
import io.agentmetrics.a2a.store.TaskRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One task as this process works with it: its stored value, and what only this process holds, the
 * running turn's work and completion and the subscribers of its events. Every change is computed
 * from the value last read and written to the {@link TaskRepository} at that value's version; when
 * another writer (another replica) changed the task first, the record reads it again and computes
 * the change anew, so no transition is lost and a final state stays final. A task another writer
 * ended is ended here too: its subscribers get the final status and its turn is stopped.
 *
 * <p>Changes happen under the record's lock, and events are handed to subscribers under the same
 * lock, so each subscriber sees them in order; subscribers only enqueue, so holding the lock is
 * brief. The task keeps the newest {@code maxHistory} messages, and as many artifacts.
 */
final class TaskRecord {

  private final String id;
  private final String contextId;
  private final int maxHistory;
  private final TaskRepository repository;
  private final PushPayloads payloads;
  private volatile StoredTask current;
  private @Nullable List<Consumer<Object>> subscribers;
  private @Nullable Future<?> work;
  private @Nullable CompletableFuture<RunResult> completion;
  private @Nullable UnstoredEnd unstoredEnd;

  /**
   * The record of {@code stored}.
   *
   * @param maxHistory the most messages kept, and the most artifacts
   */
  TaskRecord(StoredTask stored, int maxHistory, TaskRepository repository, PushPayloads payloads) {
    this.id = stored.id();
    this.contextId = stored.task().contextId();
    this.maxHistory = maxHistory;
    this.repository = repository;
    this.payloads = payloads;
    this.current = stored;
  }

  /** A submitted task holding {@code first}, not stored yet. */
  static StoredTask submitted(
      String id,
      String contextId,
      Message first,
      Instant now,
      @Nullable PushTarget push,
      PushPayloads payloads) {
    return new StoredTask(
        new Task(id, contextId, status(TaskState.SUBMITTED, null, now), List.of(first), List.of()),
        now,
        push == null ? List.of() : List.of(payloads.stored(push)),
        0);
  }

  String id() {
    return id;
  }

  String contextId() {
    return contextId;
  }

  synchronized Task snapshot() {
    return current.task();
  }

  /**
   * Takes {@code stored} if it is newer than what this record holds: another process changed the
   * task, and its subscribers here get the events of that change.
   */
  synchronized void refresh(StoredTask stored) {
    if (stored.version() > current.version()) {
      StoredTask before = current;
      current = stored;
      caughtUp(before);
    }
  }

  /** Sets the completion of the first turn of a task just created. */
  synchronized void firstTurn(CompletableFuture<RunResult> turn) {
    completion = turn;
  }

  /**
   * Starts a new turn with {@code message}, adding {@code push} and subscribing {@code subscriber}
   * if given; refuses, changing nothing, if a turn is running, the task ended, or the task has no
   * room for another push config (it holds {@code maxPushConfigs}) or subscriber (it has {@code
   * maxSubscribers}).
   */
  synchronized void startTurn(
      Message message,
      Instant now,
      CompletableFuture<RunResult> turn,
      @Nullable PushTarget push,
      int maxPushConfigs,
      @Nullable Consumer<Object> subscriber,
      int maxSubscribers) {
    write(
        task -> {
          TaskState state = task.state();
          if (state == TaskState.SUBMITTED || state == TaskState.WORKING) {
            throw new TaskException(
                TaskException.Reason.INVALID_PARAMS,
                "task "
                    + id
                    + " is still "
                    + state.wireName()
                    + "; wait for it or cancel it first");
          }
          if (StoredTask.isFinal(state)) {
            throw new TaskException(
                TaskException.Reason.UNSUPPORTED,
                "task "
                    + id
                    + " is "
                    + state.wireName()
                    + " and cannot be continued; send without taskId (same contextId) to go on");
          }
          List<StoredPushConfig> configs =
              push == null ? task.pushConfigs() : withConfig(task, push, maxPushConfigs);
          if (subscriber != null) {
            checkRoomForSubscriber(maxSubscribers);
          }
          Task t = task.task();
          return new StoredTask(
              new Task(
                  id,
                  contextId,
                  status(TaskState.SUBMITTED, null, now),
                  appended(t.history(), List.of(message)),
                  t.artifacts()),
              now,
              configs,
              task.version());
        });
    completion = turn;
    if (subscriber != null) {
      subscribe(subscriber, maxSubscribers);
    }
  }

  synchronized void attachWork(Future<?> future) {
    this.work = future;
  }

  /** Moves to working unless cancelled while queued; returns whether the turn should run. */
  synchronized boolean markWorking(Instant now) {
    boolean moved =
        write(
                task ->
                    task.state() != TaskState.SUBMITTED
                        ? null
                        : moved(task, TaskState.WORKING, null, now))
            .isPresent();
    if (moved) {
      publish(new TaskStatusUpdateEvent(id, contextId, current.task().status(), false));
    }
    return moved;
  }

  /**
   * Ends the turn with the agent's reply in {@code end} (completed, input-required or rejected);
   * ignored if the task was cancelled meanwhile. Each artifact is published before the final
   * status.
   */
  synchronized boolean complete(
      Message reply,
      List<Artifact> produced,
      TaskState end,
      Instant now,
      AgentStageTimings stages,
      double queueWaitMs,
      boolean asMessage) {
    Optional<StoredTask> written =
        write(
            task -> {
              if (task.state() != TaskState.WORKING) {
                return null;
              }
              Task t = task.task();
              return new StoredTask(
                  new Task(
                      id,
                      contextId,
                      status(end, reply, now),
                      appended(t.history(), List.of(reply)),
                      appended(t.artifacts(), produced)),
                  now,
                  task.pushConfigs(),
                  task.version());
            });
    if (written.isEmpty()) {
      return false;
    }
    for (Artifact artifact : produced) {
      publish(new TaskArtifactUpdateEvent(id, contextId, artifact));
    }
    finished(stages, queueWaitMs, asMessage);
    return true;
  }

  synchronized boolean fail(Message reason, Instant now, double queueWaitMs) {
    boolean failed =
        write(task -> task.state().isTerminal() ? null : moved(task, TaskState.FAILED, reason, now))
            .isPresent();
    if (failed) {
      finished(null, queueWaitMs, false);
    }
    return failed;
  }

  /** Cancels the task, interrupting its work; returns the cancelled snapshot. */
  synchronized Task cancel(Instant now) {
    write(
        task -> {
          if (task.state().isTerminal()) {
            throw new TaskException(
                TaskException.Reason.NOT_CANCELABLE,
                "task "
                    + id
                    + " is already "
                    + task.state().wireName()
                    + " and cannot be canceled");
          }
          return moved(task, TaskState.CANCELED, null, now);
        });
    Future<?> running = work;
    finished(null, 0, false);
    if (running != null) {
      running.cancel(true);
    }
    return snapshot();
  }

  /**
   * Fails the task for {@code reason} and interrupts its turn, as when the server stops; false if
   * the task had already ended.
   */
  synchronized boolean stop(Message reason, Instant now) {
    Future<?> running = work;
    if (!fail(reason, now, 0)) {
      return false;
    }
    if (running != null) {
      running.cancel(true);
    }
    return true;
  }

  /**
   * Cancels the task if {@code turn} is still its running turn, as when the client waiting for that
   * turn has gone; returns the cancelled snapshot, or empty if that turn already ended (here or on
   * another replica).
   */
  synchronized Optional<Task> cancelTurn(CompletableFuture<RunResult> turn, Instant now) {
    if (completion != turn || current.state().isTerminal()) {
      return Optional.empty();
    }
    try {
      return Optional.of(cancel(now));
    } catch (TaskException e) {
      if (e.reason() == TaskException.Reason.NOT_CANCELABLE) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Subscribes to this task's events; the first event delivered is the current snapshot. Returns
   * false (without subscribing) if the task already ended.
   *
   * @throws TaskException with reason {@code OVERLOADED} if the task has {@code max} subscribers
   */
  synchronized boolean subscribe(Consumer<Object> subscriber, int max) {
    if (current.state().isTerminal()) {
      return false;
    }
    checkRoomForSubscriber(max);
    subscriber.accept(snapshot());
    if (subscribers == null) {
      subscribers = new CopyOnWriteArrayList<>();
    }
    subscribers.add(subscriber);
    return true;
  }

  private void checkRoomForSubscriber(int max) {
    if (subscribers != null && subscribers.size() >= max) {
      throw TaskException.tooManyTaskStreams(id, max);
    }
  }

  /** Whether an event stream follows this task. */
  synchronized boolean followed() {
    return subscribers != null && !subscribers.isEmpty();
  }

  synchronized void unsubscribe(Consumer<Object> subscriber) {
    if (subscribers != null) {
      subscribers.remove(subscriber);
    }
  }

  /**
   * Adds {@code config}, or replaces the config with its id; refuses a new one when the task holds
   * {@code max} already.
   */
  synchronized PushNotificationConfig putPushConfig(PushTarget target, int max) {
    write(
        task ->
            new StoredTask(
                task.task(), task.updated(), withConfig(task, target, max), task.version()));
    return target.config();
  }

  private List<StoredPushConfig> withConfig(StoredTask task, PushTarget target, int max) {
    PushNotificationConfig config = target.config();
    List<StoredPushConfig> configs = new ArrayList<>(task.pushConfigs());
    for (int i = 0; i < configs.size(); i++) {
      if (Objects.equals(configs.get(i).config().id(), config.id())) {
        configs.set(i, payloads.stored(target));
        return configs;
      }
    }
    if (configs.size() >= max) {
      throw new TaskException(
          TaskException.Reason.INVALID_PARAMS,
          "task "
              + id
              + " already has "
              + configs.size()
              + " push notification configs, the most one task may have"
              + " (A2A_PUSH_MAX_CONFIGS_PER_TASK); delete one or reuse its id");
    }
    configs.add(payloads.stored(target));
    return configs;
  }

  synchronized List<PushNotificationConfig> pushConfigs() {
    return current.pushConfigs().stream().map(StoredPushConfig::config).toList();
  }

  /** The configs with the payload each was registered with. */
  synchronized List<PushTarget> pushTargets() {
    return current.pushConfigs().stream().map(payloads::target).toList();
  }

  synchronized boolean removePushConfig(String configId) {
    return write(
            task -> {
              List<StoredPushConfig> configs = new ArrayList<>(task.pushConfigs());
              return configs.removeIf(c -> configId.equals(c.config().id()))
                  ? new StoredTask(task.task(), task.updated(), configs, task.version())
                  : null;
            })
        .isPresent();
  }

  /**
   * Writes {@code change} of the value last read; reads again and recomputes the change while
   * another writer got there first. Returns the value written, or empty if {@code change} returned
   * {@code null} (nothing to do). Its exceptions propagate, nothing written. A task no longer in
   * the store (evicted for the store's bounds, or expired) takes the change in this record only.
   */
  private Optional<StoredTask> write(Function<StoredTask, @Nullable StoredTask> change) {
    while (true) {
      StoredTask read = current;
      StoredTask next = change.apply(read);
      if (next == null) {
        return Optional.empty();
      }
      Optional<StoredTask> written = repository.update(read, next);
      if (written.isPresent()) {
        current = written.get();
        return written;
      }
      Optional<StoredTask> stored = repository.find(id);
      if (stored.isEmpty()) {
        // Evicted or expired while this process works on it: the change holds here only, so the
        // turn still ends for its caller and subscribers; later reads find no task, as for any
        // evicted one.
        current = next;
        return Optional.of(next);
      }
      current = stored.get();
      caughtUp(read);
    }
  }

  /**
   * Ends the turn in this process only, failed with {@code reason}, when the store cannot take the
   * turn's end: the caller and the subscribers here get a final event. The stored task is left as
   * it was until {@link #storeEnd()} stores that failure.
   */
  synchronized void abandon(Message reason, Instant now, double queueWaitMs) {
    unstoredEnd = new UnstoredEnd(reason, now);
    Task t = current.task();
    Task failed =
        new Task(id, contextId, status(TaskState.FAILED, reason, now), t.history(), t.artifacts());
    publish(new TaskStatusUpdateEvent(id, contextId, failed.status(), true));
    work = null;
    if (completion != null) {
      completion.complete(new RunResult(failed, null, queueWaitMs, false));
      completion = null;
    }
  }

  /**
   * Stores the failed end of the turn {@linkplain #abandon abandoned} here, as its caller saw it,
   * unless the task has ended meanwhile (on another replica) or nothing was abandoned.
   *
   * @throws TaskException with reason {@code OVERLOADED} while the store still cannot take it
   */
  synchronized void storeEnd() {
    UnstoredEnd end = unstoredEnd;
    if (end != null) {
      write(
          task ->
              task.state().isTerminal()
                  ? null
                  : moved(task, TaskState.FAILED, end.reason(), end.at()));
      unstoredEnd = null;
    }
  }

  /**
   * Publishes what another writer changed since {@code before}: its new artifacts, then its new
   * state. If it ended the task, ends it here too: the final event, the turn completed and stopped.
   */
  private void caughtUp(StoredTask before) {
    List<Artifact> known = before.task().artifacts();
    for (Artifact artifact : current.task().artifacts()) {
      if (!known.contains(artifact)) {
        publish(new TaskArtifactUpdateEvent(id, contextId, artifact));
      }
    }
    if (before.state() == current.state()) {
      return;
    }
    if (!current.state().isTerminal()) {
      publish(new TaskStatusUpdateEvent(id, contextId, current.task().status(), false));
      return;
    }
    Future<?> running = work;
    finished(null, 0, false);
    if (running != null) {
      running.cancel(true);
    }
  }

  /** Publishes the final status, completes the turn and lets go of it. */
  private void finished(@Nullable AgentStageTimings stages, double queueWaitMs, boolean asMessage) {
    publish(new TaskStatusUpdateEvent(id, contextId, current.task().status(), true));
    work = null;
    if (completion != null) {
      completion.complete(new RunResult(snapshot(), stages, queueWaitMs, asMessage));
      completion = null;
    }
  }

  private StoredTask moved(
      StoredTask task, TaskState state, @Nullable Message message, Instant now) {
    Task t = task.task();
    return new StoredTask(
        new Task(id, contextId, status(state, message, now), t.history(), t.artifacts()),
        now,
        task.pushConfigs(),
        task.version());
  }

  /** {@code list} and then {@code items}, the newest {@code maxHistory} of them. */
  private <T> List<T> appended(List<T> list, List<T> items) {
    List<T> all = new ArrayList<>(list);
    all.addAll(items);
    return all.size() <= maxHistory ? all : all.subList(all.size() - maxHistory, all.size());
  }

  private static TaskStatus status(TaskState state, @Nullable Message message, Instant now) {
    return new TaskStatus(state, message, StatusTimestamps.format(now));
  }

  /** The failed end of a turn that the store could not take when the turn ended. */
  private record UnstoredEnd(Message reason, Instant at) {}

  private void publish(Object event) {
    if (subscribers == null) {
      return;
    }
    for (Consumer<Object> subscriber : subscribers) {
      subscriber.accept(event);
    }
  }
}
