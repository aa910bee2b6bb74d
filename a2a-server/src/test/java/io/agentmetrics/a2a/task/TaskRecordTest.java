package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.dto.Artifact;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.dto.TaskArtifactUpdateEvent;
import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.a2a.dto.TaskStatusUpdateEvent;
import io.agentmetrics.a2a.store.RetainedSize;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TaskRecordTest {

  private static final Instant NOW = Instant.EPOCH;
  private static final AgentStageTimings STAGES = new AgentStageTimings(1, 2, 3, 4);

  @Test
  void aFinishedTaskNoLongerHoldsItsTurnsResult() throws InterruptedException {
    TaskRecord record = new TaskRecord("task-1", "context-1", NOW, 10, resized -> {});
    WeakReference<RunResult> result = completeTurnAndDropTheCaller(record);

    for (int attempt = 0; attempt < 50 && result.get() != null; attempt++) {
      System.gc();
      Thread.sleep(10);
    }

    assertThat(result.get()).as("the turn's result once the caller let go of it").isNull();
    assertThat(record.snapshot().status().state()).isEqualTo(TaskState.COMPLETED);
  }

  @Test
  void aTaskWithoutPushConfigsListsNoneAndRemovesNone() {
    TaskRecord record = new TaskRecord("task-1", "context-1", NOW, 10, resized -> {});
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
    TaskRecord record = new TaskRecord("task-1", "context-1", NOW, 10, resized -> {});
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
    TaskRecord record = new TaskRecord("task-1", "context-1", NOW, 10, resized -> {});
    record.firstTurn(userMessage(), NOW, new CompletableFuture<>());
    record.markWorking(NOW);
    record.complete(agentReply(), List.of(artifact()), TaskState.COMPLETED, NOW, STAGES, 0, false);
    record.putPushConfig(new PushTarget(push("a"), null), 1);
    Task before = record.snapshot();

    assertThatThrownBy(
            () ->
                record.startTurn(
                    userMessage(),
                    NOW,
                    new CompletableFuture<>(),
                    new PushTarget(push("b"), null),
                    1,
                    null,
                    10))
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

    assertThatThrownBy(
            () ->
                record.startTurn(
                    userMessage(),
                    NOW,
                    new CompletableFuture<>(),
                    new PushTarget(push("b"), null),
                    1,
                    events::add,
                    1))
        .hasMessageContaining("A2A_PUSH_MAX_CONFIGS_PER_TASK");

    assertThat(events).isEmpty();
    // The stream's place is still free.
    record.startTurn(userMessage(), NOW, new CompletableFuture<>(), null, 1, event -> {}, 1);
  }

  @Test
  void aTurnRefusedForItsStreamAddsNotItsPushConfig() {
    TaskRecord record = new TaskRecord("task-1", "context-1", NOW, 10, resized -> {});
    record.firstTurn(userMessage(), NOW, new CompletableFuture<>());
    // Still subscribed after the turn: nobody unsubscribed.
    record.subscribe(event -> {}, 1);
    record.markWorking(NOW);
    record.complete(agentReply(), List.of(artifact()), TaskState.COMPLETED, NOW, STAGES, 0, false);

    assertThatThrownBy(
            () ->
                record.startTurn(
                    userMessage(),
                    NOW,
                    new CompletableFuture<>(),
                    new PushTarget(push("b"), null),
                    10,
                    event -> {},
                    1))
        .hasMessageContaining("A2A_MAX_STREAMS_PER_TASK");

    assertThat(record.pushConfigs()).isEmpty();
  }

  @Test
  void aSubscriberGetsTheSnapshotThenEveryEventInOrderUntilItUnsubscribes() {
    TaskRecord record = new TaskRecord("task-1", "context-1", NOW, 10, resized -> {});
    record.firstTurn(userMessage(), NOW, new CompletableFuture<>());
    List<Object> events = new ArrayList<>();
    Consumer<Object> subscriber = events::add;

    assertThat(record.subscribe(subscriber, 10)).isTrue();
    record.markWorking(NOW);
    record.complete(agentReply(), List.of(artifact()), TaskState.COMPLETED, NOW, STAGES, 0, false);
    record.unsubscribe(subscriber);
    record.startTurn(userMessage(), NOW, new CompletableFuture<>(), null, 10, null, 10);
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
    TaskRecord record = new TaskRecord("task-1", "context-1", NOW, 10, resized -> {});
    record.firstTurn(userMessage(), NOW, new CompletableFuture<>());
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
    TaskRecord record = new TaskRecord("task-1", "context-1", NOW, 10, resized -> {});
    record.firstTurn(userMessage(), NOW, new CompletableFuture<>());
    record.markWorking(NOW);
    record.complete(agentReply(), List.of(artifact()), TaskState.COMPLETED, NOW, STAGES, 0, false);
    List<Object> events = new ArrayList<>();

    assertThat(record.subscribe(events::add, 10)).isFalse();

    assertThat(events).isEmpty();
  }

  @Test
  void aSubscriberBeyondTheTasksCapIsRefusedUntilOneLeaves() {
    TaskRecord record = new TaskRecord("task-1", "context-1", NOW, 10, resized -> {});
    record.firstTurn(userMessage(), NOW, new CompletableFuture<>());
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
    TaskRecord record = new TaskRecord("task-1", "context-1", NOW, 10, resized -> {});
    record.firstTurn(userMessage(), NOW, new CompletableFuture<>());
    record.markWorking(NOW);
    record.complete(agentReply(), List.of(artifact()), TaskState.COMPLETED, NOW, STAGES, 0, false);
    record.startTurn(userMessage(), NOW, new CompletableFuture<>(), null, 10, event -> {}, 1);
    record.markWorking(NOW);
    record.complete(agentReply(), List.of(artifact()), TaskState.COMPLETED, NOW, STAGES, 0, false);
    Task before = record.snapshot();

    // The first turn's subscriber is still subscribed: the task ended, but nobody unsubscribed.
    assertThatThrownBy(
            () ->
                record.startTurn(
                    userMessage(), NOW, new CompletableFuture<>(), null, 10, event -> {}, 1))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("A2A_MAX_STREAMS_PER_TASK");

    assertThat(record.snapshot()).isEqualTo(before);
  }

  @Test
  void cancellingATurnCancelsOnlyThatTurnWhileItRuns() {
    TaskRecord record = new TaskRecord("task-1", "context-1", NOW, 10, resized -> {});
    CompletableFuture<RunResult> first = new CompletableFuture<>();
    record.firstTurn(userMessage(), NOW, first);
    record.markWorking(NOW);
    record.complete(agentReply(), List.of(artifact()), TaskState.COMPLETED, NOW, STAGES, 0, false);
    CompletableFuture<RunResult> second = new CompletableFuture<>();
    record.startTurn(userMessage(), NOW, second, null, 10, null, 10);

    assertThat(record.cancelTurn(first, NOW)).isEmpty();
    assertThat(record.state()).isEqualTo(TaskState.SUBMITTED);
    assertThat(record.cancelTurn(second, NOW))
        .hasValueSatisfying(
            task -> assertThat(task.status().state()).isEqualTo(TaskState.CANCELED));
    assertThat(second.join().task().status().state()).isEqualTo(TaskState.CANCELED);
  }

  @Test
  void aTaskKeepsItsNewestMessagesAndAsManyArtifacts() {
    TaskRecord record = new TaskRecord("task-1", "context-1", NOW, 2, resized -> {});

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
  void itsWeightIsWhatItKeepsAndEachChangeIsReported() {
    List<Long> reported = new ArrayList<>();
    TaskRecord record =
        new TaskRecord("task-1", "context-1", NOW, 2, resized -> reported.add(resized.weight()));
    PushNotificationConfig push =
        new PushNotificationConfig("config-1", "https://hooks.example/a2a", "token", null);

    for (int turn = 1; turn <= 3; turn++) {
      runTurn(record, turn);
    }
    record.putPushConfig(new PushTarget(push, null), 10);

    Task task = record.snapshot();
    long kept =
        TaskRecord.BASE_WEIGHT
            + task.history().stream().mapToLong(RetainedSize::of).sum()
            + task.artifacts().stream().mapToLong(RetainedSize::of).sum()
            + RetainedSize.of(task.status().message())
            + RetainedSize.of(push);
    assertThat(record.weight()).isEqualTo(kept);
    assertThat(reported).isNotEmpty().endsWith(kept);
    record.removePushConfig("config-1");
    assertThat(record.weight()).isEqualTo(kept - RetainedSize.of(push));
  }

  /** One completed turn: {@code question-n}, {@code answer-n} and artifact {@code a-n}. */
  private static void runTurn(TaskRecord record, int turn) {
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
      record.firstTurn(question, NOW, new CompletableFuture<>());
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
  private static WeakReference<RunResult> completeTurnAndDropTheCaller(TaskRecord record) {
    CompletableFuture<RunResult> turn = new CompletableFuture<>();
    record.firstTurn(userMessage(), NOW, turn);
    record.markWorking(NOW);
    record.complete(agentReply(), List.of(artifact()), TaskState.COMPLETED, NOW, STAGES, 0, false);
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
  private static TaskRecord endedTask() {
    TaskRecord record = new TaskRecord("task-1", "context-1", NOW, 10, resized -> {});
    record.firstTurn(userMessage(), NOW, new CompletableFuture<>());
    record.markWorking(NOW);
    record.complete(agentReply(), List.of(artifact()), TaskState.COMPLETED, NOW, STAGES, 0, false);
    return record;
  }

  private static PushNotificationConfig push(String id) {
    return new PushNotificationConfig(id, "https://hooks.example/" + id, null, null);
  }
}
