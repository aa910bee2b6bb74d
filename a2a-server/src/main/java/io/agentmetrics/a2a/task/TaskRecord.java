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
import io.agentmetrics.a2a.store.RetainedSize;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The mutable state of one task. Every change happens under the record's lock, and events are
 * handed to subscribers under the same lock so each subscriber sees them in order; subscribers only
 * enqueue, so holding the lock is brief.
 *
 * <p>A finished task stays in the store until it is evicted, so it holds only what a later read or
 * turn needs: the push configs and subscribers are created on first use, and the turn's completion
 * is let go once completed. Its history keeps the newest {@code maxHistory} messages, and as many
 * artifacts. It knows its own weight, the bytes it retains, and reports each change of it to the
 * store, which weighs tasks by it.
 */
final class TaskRecord {

  /** The record, its lists, ids and timestamp, and its entry in the store. */
  static final long BASE_WEIGHT = 512;

  private final String id;
  private final String contextId;
  private final int maxHistory;
  private final Consumer<TaskRecord> resized;
  private volatile long weight = BASE_WEIGHT;
  private final List<Message> history = new ArrayList<>();
  private final List<Artifact> artifacts = new ArrayList<>();
  private @Nullable Map<String, PushTarget> pushConfigs;
  private @Nullable List<Consumer<Object>> subscribers;
  private TaskState state = TaskState.SUBMITTED;
  private @Nullable Message statusMessage;
  private Instant updated;
  private @Nullable Future<?> work;
  private @Nullable CompletableFuture<RunResult> completion;

  /**
   * A submitted task.
   *
   * @param maxHistory the most messages kept, and the most artifacts
   * @param resized told, under this record's lock, after each change of its weight
   */
  TaskRecord(
      String id, String contextId, Instant now, int maxHistory, Consumer<TaskRecord> resized) {
    this.id = id;
    this.contextId = contextId;
    this.maxHistory = maxHistory;
    this.resized = resized;
    this.updated = now;
  }

  String id() {
    return id;
  }

  String contextId() {
    return contextId;
  }

  /** The bytes this task retains, as last changed; read without the lock, by the store. */
  long weight() {
    return weight;
  }

  /** When the task's status last changed: the order of ListTasks. */
  synchronized Instant updated() {
    return updated;
  }

  synchronized TaskState state() {
    return state;
  }

  synchronized Task snapshot() {
    return new Task(id, contextId, status(), history, artifacts);
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
    if (state == TaskState.SUBMITTED || state == TaskState.WORKING) {
      throw new TaskException(
          TaskException.Reason.INVALID_PARAMS,
          "task " + id + " is still " + state.wireName() + "; wait for it or cancel it first");
    }
    if (state == TaskState.CANCELED || state == TaskState.FAILED || state == TaskState.REJECTED) {
      throw new TaskException(
          TaskException.Reason.UNSUPPORTED,
          "task "
              + id
              + " is "
              + state.wireName()
              + " and cannot be continued; send without taskId (same contextId) to go on");
    }
    if (push != null) {
      checkRoomFor(push.config(), maxPushConfigs);
    }
    if (subscriber != null) {
      checkRoomForSubscriber(maxSubscribers);
    }
    if (push != null) {
      putPushConfig(push, maxPushConfigs);
    }
    beginTurn(message, now, turn);
    if (subscriber != null) {
      subscribe(subscriber, maxSubscribers);
    }
  }

  /** Records the first message of a new task. */
  synchronized void firstTurn(Message message, Instant now, CompletableFuture<RunResult> turn) {
    beginTurn(message, now, turn);
  }

  private void beginTurn(Message message, Instant now, CompletableFuture<RunResult> turn) {
    long change = append(history, message, RetainedSize.of(message), RetainedSize::of);
    state = TaskState.SUBMITTED;
    change -= bytes(statusMessage);
    statusMessage = null;
    updated = now;
    completion = turn;
    resize(change);
  }

  synchronized void attachWork(Future<?> future) {
    this.work = future;
  }

  /** Moves to working unless cancelled while queued; returns whether the turn should run. */
  synchronized boolean markWorking(Instant now) {
    if (state != TaskState.SUBMITTED) {
      return false;
    }
    state = TaskState.WORKING;
    updated = now;
    publish(new TaskStatusUpdateEvent(id, contextId, status(), false));
    return true;
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
    if (state != TaskState.WORKING) {
      return false;
    }
    long change = append(history, reply, RetainedSize.of(reply), RetainedSize::of);
    for (Artifact artifact : produced) {
      change += append(artifacts, artifact, RetainedSize.of(artifact), RetainedSize::of);
    }
    resize(change);
    for (Artifact artifact : produced) {
      publish(new TaskArtifactUpdateEvent(id, contextId, artifact));
    }
    finish(end, reply, now, stages, queueWaitMs, asMessage);
    return true;
  }

  synchronized boolean fail(Message reason, Instant now, double queueWaitMs) {
    if (state.isTerminal()) {
      return false;
    }
    finish(TaskState.FAILED, reason, now, null, queueWaitMs, false);
    return true;
  }

  /** Cancels the task, interrupting its work; returns the cancelled snapshot. */
  synchronized Task cancel(Instant now) {
    if (state.isTerminal()) {
      throw new TaskException(
          TaskException.Reason.NOT_CANCELABLE,
          "task " + id + " is already " + state.wireName() + " and cannot be canceled");
    }
    Future<?> running = work;
    finish(TaskState.CANCELED, null, now, null, 0, false);
    if (running != null) {
      running.cancel(true);
    }
    return snapshot();
  }

  /**
   * Cancels the task if {@code turn} is still its running turn, as when the client waiting for that
   * turn has gone; returns the cancelled snapshot, or empty if that turn already ended.
   */
  synchronized Optional<Task> cancelTurn(CompletableFuture<RunResult> turn, Instant now) {
    return completion == turn && !state.isTerminal() ? Optional.of(cancel(now)) : Optional.empty();
  }

  private void finish(
      TaskState end,
      @Nullable Message message,
      Instant now,
      @Nullable AgentStageTimings stages,
      double queueWaitMs,
      boolean asMessage) {
    state = end;
    resize(bytes(message) - bytes(statusMessage));
    statusMessage = message;
    updated = now;
    publish(new TaskStatusUpdateEvent(id, contextId, status(), true));
    work = null;
    if (completion != null) {
      completion.complete(new RunResult(snapshot(), stages, queueWaitMs, asMessage));
      completion = null;
    }
  }

  /**
   * Subscribes to this task's events; the first event delivered is the current snapshot. Returns
   * false (without subscribing) if the task already ended.
   *
   * @throws TaskException with reason {@code OVERLOADED} if the task has {@code max} subscribers
   */
  synchronized boolean subscribe(Consumer<Object> subscriber, int max) {
    if (state.isTerminal()) {
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
    PushNotificationConfig config = target.config();
    checkRoomFor(config, max);
    if (pushConfigs == null) {
      pushConfigs = new LinkedHashMap<>();
    }
    PushTarget replaced = pushConfigs.put(config.id(), target);
    resize(RetainedSize.of(config) - (replaced == null ? 0 : RetainedSize.of(replaced.config())));
    return config;
  }

  private void checkRoomFor(PushNotificationConfig config, int max) {
    if (pushConfigs != null && pushConfigs.size() >= max && !pushConfigs.containsKey(config.id())) {
      throw new TaskException(
          TaskException.Reason.INVALID_PARAMS,
          "task "
              + id
              + " already has "
              + pushConfigs.size()
              + " push notification configs, the most one task may have"
              + " (A2A_PUSH_MAX_CONFIGS_PER_TASK); delete one or reuse its id");
    }
  }

  synchronized List<PushNotificationConfig> pushConfigs() {
    return pushConfigs == null
        ? List.of()
        : pushConfigs.values().stream().map(PushTarget::config).toList();
  }

  /** The configs with the payload each was registered with. */
  synchronized List<PushTarget> pushTargets() {
    return pushConfigs == null ? List.of() : List.copyOf(pushConfigs.values());
  }

  synchronized boolean removePushConfig(String configId) {
    PushTarget removed = pushConfigs == null ? null : pushConfigs.remove(configId);
    if (removed == null) {
      return false;
    }
    resize(-RetainedSize.of(removed.config()));
    return true;
  }

  /**
   * Appends {@code item} to {@code list}, dropping the oldest beyond {@code maxHistory}; returns
   * the change in bytes.
   */
  private <T> long append(List<T> list, T item, long itemBytes, ToLongFunction<T> bytes) {
    list.add(item);
    long change = itemBytes;
    while (list.size() > maxHistory) {
      change -= bytes.applyAsLong(list.remove(0));
    }
    return change;
  }

  private static long bytes(@Nullable Message message) {
    return message == null ? 0 : RetainedSize.of(message);
  }

  private void resize(long change) {
    if (change != 0) {
      weight += change;
      resized.accept(this);
    }
  }

  private TaskStatus status() {
    return new TaskStatus(state, statusMessage, updated.toString());
  }

  private void publish(Object event) {
    if (subscribers == null) {
      return;
    }
    for (Consumer<Object> subscriber : subscribers) {
      subscriber.accept(event);
    }
  }
}
