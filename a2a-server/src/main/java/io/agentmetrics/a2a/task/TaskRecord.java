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
import org.jspecify.annotations.Nullable;

/**
 * The mutable state of one task. Every change happens under the record's lock, and events are
 * handed to subscribers under the same lock so each subscriber sees them in order; subscribers only
 * enqueue, so holding the lock is brief.
 *
 * <p>A finished task stays in the store until it is evicted, so it holds only what a later read or
 * turn needs: the push configs and subscribers are created on first use, and the turn's completion
 * is let go once completed.
 */
final class TaskRecord {

  private final String id;
  private final String contextId;
  private final List<Message> history = new ArrayList<>();
  private final List<Artifact> artifacts = new ArrayList<>();
  private @Nullable Map<String, PushNotificationConfig> pushConfigs;
  private @Nullable List<Consumer<Object>> subscribers;
  private TaskState state = TaskState.SUBMITTED;
  private @Nullable Message statusMessage;
  private String timestamp;
  private @Nullable Future<?> work;
  private @Nullable CompletableFuture<RunResult> completion;

  TaskRecord(String id, String contextId, Instant now) {
    this.id = id;
    this.contextId = contextId;
    this.timestamp = now.toString();
  }

  String id() {
    return id;
  }

  String contextId() {
    return contextId;
  }

  synchronized TaskState state() {
    return state;
  }

  synchronized Task snapshot() {
    return new Task(id, contextId, status(), history, artifacts);
  }

  /**
   * Starts a new turn with {@code message}; refuses if a turn is running or the task ended. A
   * {@code subscriber}, if any, is subscribed with the turn, or the turn is refused when the task
   * already has {@code maxSubscribers}.
   */
  synchronized void startTurn(
      Message message,
      Instant now,
      CompletableFuture<RunResult> turn,
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
    if (subscriber != null) {
      checkRoomForSubscriber(maxSubscribers);
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
    history.add(message);
    state = TaskState.SUBMITTED;
    statusMessage = null;
    timestamp = now.toString();
    completion = turn;
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
    timestamp = now.toString();
    publish(new TaskStatusUpdateEvent(id, contextId, status(), false));
    return true;
  }

  /** Completes the turn with the agent's reply; ignored if the task was cancelled meanwhile. */
  synchronized boolean complete(
      Message reply, Artifact artifact, Instant now, AgentStageTimings stages, double queueWaitMs) {
    if (state != TaskState.WORKING) {
      return false;
    }
    history.add(reply);
    artifacts.add(artifact);
    publish(new TaskArtifactUpdateEvent(id, contextId, artifact));
    finish(TaskState.COMPLETED, reply, now, stages, queueWaitMs);
    return true;
  }

  synchronized boolean fail(Message reason, Instant now, double queueWaitMs) {
    if (state.isTerminal()) {
      return false;
    }
    finish(TaskState.FAILED, reason, now, null, queueWaitMs);
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
    finish(TaskState.CANCELED, null, now, null, 0);
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
      double queueWaitMs) {
    state = end;
    statusMessage = message;
    timestamp = now.toString();
    publish(new TaskStatusUpdateEvent(id, contextId, status(), true));
    work = null;
    if (completion != null) {
      completion.complete(new RunResult(snapshot(), stages, queueWaitMs));
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

  synchronized PushNotificationConfig putPushConfig(PushNotificationConfig config) {
    if (pushConfigs == null) {
      pushConfigs = new LinkedHashMap<>();
    }
    pushConfigs.put(config.id(), config);
    return config;
  }

  synchronized List<PushNotificationConfig> pushConfigs() {
    return pushConfigs == null ? List.of() : List.copyOf(pushConfigs.values());
  }

  synchronized boolean removePushConfig(String configId) {
    return pushConfigs != null && pushConfigs.remove(configId) != null;
  }

  private TaskStatus status() {
    return new TaskStatus(state, statusMessage, timestamp);
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
