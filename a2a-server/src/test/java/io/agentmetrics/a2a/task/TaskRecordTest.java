package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.dto.Artifact;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.dto.TaskArtifactUpdateEvent;
import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.a2a.dto.TaskStatusUpdateEvent;
import io.agentmetrics.a2a.store.InMemoryTaskRepository;
import io.agentmetrics.a2a.store.StoreLimits;
import io.agentmetrics.a2a.store.TaskRepository;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TaskRecordTest {

  private static final Instant NOW = Instant.EPOCH;
  private static final AgentStageTimings STAGES = new AgentStageTimings(1, 2, 3, 4);
  private static final PushPayloads PAYLOADS = new PushPayloads(Map.of());

  private final TaskRepository repository =
      new InMemoryTaskRepository(new StoreLimits(100, 1 << 20), Duration.ofMinutes(5), () -> 0L);
  private TaskStore store = new TaskStore(repository, PAYLOADS, 10);

  @Test
  void aFinishedTaskNoLongerHoldsItsTurnsResult() throws InterruptedException {
    TaskRecord record = created(10);
    WeakReference<RunResult> result = completeTurnAndDropTheCaller(record);

    await("the turn's result collected once the caller let go of it")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              System.gc(); // a hint: only a collection clears the weak reference
              return result.get() == null;
            });

    assertThat(record.snapshot().status().state()).isEqualTo(TaskState.COMPLETED);
  }

  @Test
  void aTaskWithoutPushConfigsListsNoneAndRemovesNone() {
    TaskRecord record = created(10);
    PushNotificationConfig config =
        new PushNotificationConfig("config-1", "https://hooks.example/a2a", null, null);

    assertThat(record.pushConfigs()).isEmpty();
    assertThat(record.removePushConfig("config-1")).isFalse();

    record.putPushConfig(new PushTarget(config, null), 10);
    assertThat(record.pushConfigs()).containsExactly(config);
    assertThat(record.removePushConfig("config-1")).isTrue();
    assertThat(record.pushConfigs()).isEmpty();
  }

  @Test
  void aTaskHoldsAtMostTheCappedNumberOfPushConfigsButMayReplaceOne() {
    TaskRecord record = created(10);
    record.putPushConfig(new PushTarget(push("a"), null), 2);
    record.putPushConfig(new PushTarget(push("b"), null), 2);

    assertThatThrownBy(() -> record.putPushConfig(new PushTarget(push("c"), null), 2))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("already has 2 push notification configs")
        .hasMessageContaining("A2A_PUSH_MAX_CONFIGS_PER_TASK");
    PushNotificationConfig replacement =
        new PushNotificationConfig("b", "https://other.example/x", null, null);
    record.putPushConfig(new PushTarget(replacement, null), 2);
    assertThat(record.pushConfigs()).containsExactly(push("a"), replacement);
  }

  @Test
  void aTurnRefusedForItsPushConfigLeavesTheTaskAsItWas() {
    TaskRecord record = created(10);
    finishTurn(record);
    record.putPushConfig(new PushTarget(push("a"), null), 1);
    Task before = record.snapshot();

    assertThatThrownBy(() -> nextTurn(record, new PushTarget(push("b"), null), 1, null, 10))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("A2A_PUSH_MAX_CONFIGS_PER_TASK");
    assertThat(record.snapshot()).isEqualTo(before);
    assertThat(record.pushConfigs()).containsExactly(push("a"));
  }

  @Test
  void aTurnRefusedForItsPushConfigSubscribesNotItsStream() {
    TaskRecord record = endedTask();
    record.putPushConfig(new PushTarget(push("a"), null), 1);
    List<Object> events = new ArrayList<>();

    assertThatThrownBy(() -> nextTurn(record, new PushTarget(push("b"), null), 1, events::add, 1))
        .hasMessageContaining("A2A_PUSH_MAX_CONFIGS_PER_TASK");

    assertThat(events).isEmpty();
    // The stream's place is still free.
    nextTurn(record, null, 1, event -> {}, 1);
  }

  @Test
  void aTurnRefusedForItsStreamAddsNotItsPushConfig() {
    TaskRecord record = created(10);
    // Still subscribed after the turn: nobody unsubscribed.
    record.subscribe(event -> {}, 1);
    finishTurn(record);

    assertThatThrownBy(() -> nextTurn(record, new PushTarget(push("b"), null), 10, event -> {}, 1))
        .hasMessageContaining("A2A_MAX_STREAMS_PER_TASK");

    assertThat(record.pushConfigs()).isEmpty();
  }

  @Test
  void aSubscriberGetsTheSnapshotThenEveryEventInOrderUntilItUnsubscribes() {
    TaskRecord record = created(10);
    List<Object> events = new ArrayList<>();
    Consumer<Object> subscriber = events::add;

    assertThat(record.subscribe(subscriber, 10)).isTrue();
    finishTurn(record);
    record.unsubscribe(subscriber);
    nextTurn(record, null, 10, null, 10);
    record.markWorking(NOW);

    assertThat(events)
        .map(Object::getClass)
        .containsExactly(
            Task.class,
            TaskStatusUpdateEvent.class,
            TaskArtifactUpdateEvent.class,
            TaskStatusUpdateEvent.class);
    assertThat(TaskEventStream.isFinal(events.get(3))).isTrue();
  }

  @Test
  void unsubscribingBeforeAnySubscriptionLeavesLaterSubscriptionsWorking() {
    TaskRecord record = created(10);
    List<Object> events = new ArrayList<>();

    record.unsubscribe(events::add);
    record.subscribe(events::add, 10);
    record.markWorking(NOW);

    assertThat(events)
        .map(Object::getClass)
        .containsExactly(Task.class, TaskStatusUpdateEvent.class);
  }

  @Test
  void anEndedTaskTakesNoNewSubscriber() {
    TaskRecord record = created(10);
    finishTurn(record);
    List<Object> events = new ArrayList<>();

    assertThat(record.subscribe(events::add, 10)).isFalse();

    assertThat(events).isEmpty();
  }

  @Test
  void aSubscriberBeyondTheTasksCapIsRefusedUntilOneLeaves() {
    TaskRecord record = created(10);
    Consumer<Object> first = event -> {};
    record.subscribe(first, 2);
    record.subscribe(event -> {}, 2);

    assertThatThrownBy(() -> record.subscribe(event -> {}, 2))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("A2A_MAX_STREAMS_PER_TASK")
        .extracting(e -> ((TaskException) e).reason())
        .isEqualTo(TaskException.Reason.OVERLOADED);
    record.unsubscribe(first);
    assertThat(record.subscribe(event -> {}, 2)).isTrue();
  }

  @Test
  void aTurnThatBringsAStreamTheTaskHasNoRoomForIsRefusedAndLeavesTheTaskAsItWas() {
    TaskRecord record = created(10);
    finishTurn(record);
    nextTurn(record, null, 10, event -> {}, 1);
    finishTurn(record);
    Task before = record.snapshot();

    // The first turn's subscriber is still subscribed: the task ended, but nobody unsubscribed.
    assertThatThrownBy(() -> nextTurn(record, null, 10, event -> {}, 1))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("A2A_MAX_STREAMS_PER_TASK");

    assertThat(record.snapshot()).isEqualTo(before);
  }

  @Test
  void cancellingATurnCancelsOnlyThatTurnWhileItRuns() {
    TaskRecord record = created(10);
    CompletableFuture<RunResult> first = new CompletableFuture<>();
    record.firstTurn(first);
    finishTurn(record);
    CompletableFuture<RunResult> second = new CompletableFuture<>();
    record.startTurn(userMessage(), NOW, second, null, 10, null, 10);

    assertThat(record.cancelTurn(first, NOW)).isEmpty();
    assertThat(record.snapshot().status().state()).isEqualTo(TaskState.SUBMITTED);
    assertThat(record.cancelTurn(second, NOW))
        .hasValueSatisfying(
            task -> assertThat(task.status().state()).isEqualTo(TaskState.CANCELED));
    assertThat(second.join().task().status().state()).isEqualTo(TaskState.CANCELED);
  }

  @Test
  void aTaskKeepsItsNewestMessagesAndAsManyArtifacts() {
    TaskRecord record = created(2);

    for (int turn = 1; turn <= 3; turn++) {
      runTurn(record, turn);
    }

    Task task = record.snapshot();
    assertThat(task.history())
        .extracting(Message::messageId)
        .containsExactly("question-3", "answer-3");
    assertThat(task.artifacts()).extracting(Artifact::artifactId).containsExactly("a-2", "a-3");
  }

  @Test
  void aChangeRacingAnotherReplicaIsMadeAgainOnTheNewerTask() {
    TaskRecord here = created(10);
    TaskRecord there = replica().get("task-1");

    there.putPushConfig(new PushTarget(push("b"), null), 10);
    here.putPushConfig(new PushTarget(push("a"), null), 10);

    assertThat(replica().get("task-1").pushConfigs()).containsExactly(push("b"), push("a"));
  }

  @Test
  void aTaskCanceledOnAnotherReplicaEndsItsTurnAndItsSubscribersHere() {
    TaskRecord here = created(10);
    List<Object> events = new ArrayList<>();
    CompletableFuture<RunResult> turn = workingWithSubscriber(here, events);

    replica().get("task-1").cancel(NOW);
    boolean completed = complete(here);

    assertThat(completed).isFalse();
    assertThat(turn).isCompleted();
    assertThat(turn.join().task().status().state()).isEqualTo(TaskState.CANCELED);
    assertThat(events).last().matches(TaskEventStream::isFinal);
    assertThat(replica().get("task-1").snapshot().status().state()).isEqualTo(TaskState.CANCELED);
  }

  @Test
  void aTaskEvictedWhileItsTurnRunsStillEndsThatTurnForItsCallerAndSubscribers() {
    TaskRecord record = created(10);
    List<Object> events = new ArrayList<>();
    CompletableFuture<RunResult> turn = workingWithSubscriber(record, events);

    repository.delete("task-1");
    boolean completed = complete(record);

    assertThat(completed).isTrue();
    assertThat(turn.join().task().status().state()).isEqualTo(TaskState.COMPLETED);
    assertThat(events).last().matches(TaskEventStream::isFinal);
    assertThat(repository.find("task-1")).isEmpty();
  }

  @Test
  void aTurnEndedOnAnotherReplicaStaysEndedWhenItsCallerLeavesHere() {
    TaskRecord here = created(10);
    CompletableFuture<RunResult> turn = new CompletableFuture<>();
    here.firstTurn(turn);
    here.markWorking(NOW);

    complete(replica().get("task-1"));

    assertThat(here.cancelTurn(turn, NOW)).isEmpty();
    assertThat(turn.join().task().status().state()).isEqualTo(TaskState.COMPLETED);
    assertThat(replica().get("task-1").snapshot().status().state()).isEqualTo(TaskState.COMPLETED);
  }

  @Test
  void theArtifactsAndStatusOfAnotherReplicasTurnReachSubscribersHereInOrder() {
    created(10);
    TaskRecord there = replica().get("task-1");
    List<Object> events = new ArrayList<>();
    store.get("task-1").subscribe(events::add, 10);

    there.markWorking(NOW);
    store.changedElsewhere("task-1");
    complete(there);
    store.changedElsewhere("task-1");

    assertThat(events)
        .map(Object::getClass)
        .containsExactly(
            Task.class,
            TaskStatusUpdateEvent.class,
            TaskArtifactUpdateEvent.class,
            TaskStatusUpdateEvent.class);
    assertThat(TaskEventStream.isFinal(events.get(3))).isTrue();
  }

  @Test
  void changesNoOneWasToldOfReachTheSubscribersHereWhenTheStoreCatchesUp() {
    created(10);
    List<Object> events = new ArrayList<>();
    store.get("task-1").subscribe(events::add, 10);

    replica().get("task-1").cancel(NOW);
    store.changedUnseen();

    assertThat(events).last().matches(TaskEventStream::isFinal);
    assertThat(((TaskStatusUpdateEvent) events.get(events.size() - 1)).status().state())
        .isEqualTo(TaskState.CANCELED);
  }

  @Test
  void theEndOfATurnAbandonedHereIsStoredLaterAsItsCallerSawIt() {
    TaskRecord record = created(10);
    CompletableFuture<RunResult> turn = new CompletableFuture<>();
    record.firstTurn(turn);
    record.markWorking(NOW);
    Message reason = Message.agentText("store down", "note-1", "context-1", "task-1");

    record.abandon(reason, NOW.plusSeconds(1), 0);
    assertThat(turn.join().task().status().state()).isEqualTo(TaskState.FAILED);
    assertThat(repository.find("task-1").orElseThrow().state()).isEqualTo(TaskState.WORKING);
    record.storeEnd();

    Task stored = repository.find("task-1").orElseThrow().task();
    assertThat(stored.status()).isEqualTo(turn.join().task().status());
  }

  @Test
  void theEndOfATurnAbandonedHereLeavesATaskEndedElsewhereAsItIs() {
    TaskRecord record = created(10);
    record.firstTurn(new CompletableFuture<>());
    record.markWorking(NOW);
    record.abandon(Message.agentText("store down", "note-1", "context-1", "task-1"), NOW, 0);

    replica().get("task-1").cancel(NOW);
    record.storeEnd();

    assertThat(repository.find("task-1").orElseThrow().state()).isEqualTo(TaskState.CANCELED);
  }

  /** A task created on this process's store, holding {@link #userMessage()}. */
  private TaskRecord created(int maxHistory) {
    store = new TaskStore(repository, PAYLOADS, maxHistory);
    return store.create(
        "task-1", "context-1", userMessage().withIds("context-1", "task-1"), NOW, null);
  }

  /** Another process's view of the same repository. */
  private TaskStore replica() {
    return new TaskStore(repository, PAYLOADS, 10);
  }

  /** One completed turn: {@code question-n}, {@code answer-n} and artifact {@code a-n}. */
  private void runTurn(TaskRecord record, int turn) {
    Message question =
        new Message(
            Message.ROLE_USER,
            List.of(Part.text("question " + turn)),
            "question-" + turn,
            null,
            null,
            null,
            null,
            null);
    if (turn == 1) {
      record.firstTurn(new CompletableFuture<>());
    } else {
      record.startTurn(question, NOW, new CompletableFuture<>(), null, 10, null, 10);
    }
    record.markWorking(NOW);
    record.complete(
        Message.agentText("answer " + turn, "answer-" + turn, "context-1", "task-1"),
        List.of(new Artifact("a-" + turn, "answer", List.of(Part.text("answer " + turn)))),
        TaskState.COMPLETED,
        NOW,
        STAGES,
        0,
        false);
  }

  /** Runs one turn to completion; the caller's future and result go out of scope on return. */
  private WeakReference<RunResult> completeTurnAndDropTheCaller(TaskRecord record) {
    CompletableFuture<RunResult> turn = new CompletableFuture<>();
    record.firstTurn(turn);
    finishTurn(record);
    return new WeakReference<>(turn.join());
  }

  private static Message userMessage() {
    return new Message(
        Message.ROLE_USER, List.of(Part.text("hello")), "message-1", null, null, null, null, null);
  }

  private static Message agentReply() {
    return Message.agentText("hi", "message-2", "context-1", "task-1");
  }

  private static Artifact artifact() {
    return new Artifact("artifact-1", "answer", List.of(Part.text("hi")));
  }

  /** A task whose first turn has completed. */
  private TaskRecord endedTask() {
    TaskRecord record = created(10);
    finishTurn(record);
    return record;
  }

  /** Marks the turn working and completes it with {@link #agentReply()} and {@link #artifact()}. */
  private static void finishTurn(TaskRecord record) {
    record.markWorking(NOW);
    complete(record);
  }

  private static boolean complete(TaskRecord record) {
    return record.complete(
        agentReply(), List.of(artifact()), TaskState.COMPLETED, NOW, STAGES, 0, false);
  }

  /** Starts the first turn, subscribes {@code events} and marks the turn working. */
  private static CompletableFuture<RunResult> workingWithSubscriber(
      TaskRecord record, List<Object> events) {
    CompletableFuture<RunResult> turn = new CompletableFuture<>();
    record.firstTurn(turn);
    record.subscribe(events::add, 10);
    record.markWorking(NOW);
    return turn;
  }

  /** Starts another turn with {@link #userMessage()}. */
  private static void nextTurn(
      TaskRecord record,
      @Nullable PushTarget push,
      int maxPushConfigs,
      @Nullable Consumer<Object> subscriber,
      int maxSubscribers) {
    record.startTurn(
        userMessage(),
        NOW,
        new CompletableFuture<>(),
        push,
        maxPushConfigs,
        subscriber,
        maxSubscribers);
  }

  private static PushNotificationConfig push(String id) {
    return new PushNotificationConfig(id, "https://hooks.example/" + id, null, null);
  }
}
