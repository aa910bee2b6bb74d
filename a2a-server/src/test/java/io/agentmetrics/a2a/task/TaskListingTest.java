package io.agentmetrics.a2a.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.a2a.agent.AgentReply;
import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.dto.JsonMappers;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.a2a.telex.NormalizedMessage;
import io.agentmetrics.testing.FakeTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ListTasks over the task store: order, cursor pages, filters and history (A2A 1.0 §3.1.4). */
class TaskListingTest {

  private final FakeTimeSource clock = new FakeTimeSource(Instant.EPOCH);
  private final TaskService tasks =
      new TaskService(
          new TaskSettings(
              100,
              1 << 20,
              10,
              Duration.ofMinutes(5),
              1,
              4,
              Duration.ofSeconds(30),
              1,
              100,
              10,
              QuickPushSettings.of()),
          request ->
              request.message().texts().get(0).startsWith("wait")
                  ? new AgentReply(
                      "more?",
                      new AgentStageTimings(0, 0, 0, 0),
                      TaskState.INPUT_REQUIRED,
                      List.of(),
                      false)
                  : new AgentReply("ok", new AgentStageTimings(0, 0, 0, 0)),
          JsonMappers.create(16, 1000, 1 << 20, 100_000),
          clock);

  @AfterEach
  void close() {
    tasks.close();
  }

  @Test
  void tasksAreListedNewestStatusChangeFirst() {
    String first = send("a", "ctx");
    String second = send("b", "ctx");
    String third = send("c", "ctx");

    assertThat(ids(tasks.list(query("ctx", null, 10, null), null)))
        .containsExactly(third, second, first);
  }

  @Test
  void pagesFollowTheCursorAndTheLastPageHasAnEmptyToken() {
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sent.add(0, send("q" + i, "ctx"));
    }

    TaskPage first = tasks.list(query("ctx", null, 2, null), null);
    TaskPage second = tasks.list(query("ctx", null, 2, first.nextPageToken()), null);
    TaskPage last = tasks.list(query("ctx", null, 2, second.nextPageToken()), null);

    assertThat(ids(first)).containsExactlyElementsOf(sent.subList(0, 2));
    assertThat(ids(second)).containsExactlyElementsOf(sent.subList(2, 4));
    assertThat(ids(last)).containsExactlyElementsOf(sent.subList(4, 5));
    assertThat(last.nextPageToken()).isEmpty();
    assertThat(first.totalSize()).isEqualTo(5);
  }

  @Test
  void aPageStartsAfterItsCursorEvenWhenATaskBeforeItIsAdded() {
    send("a", "ctx");
    send("b", "ctx");
    send("c", "ctx");
    TaskPage first = tasks.list(query("ctx", null, 2, null), null);

    send("newer", "ctx");
    TaskPage second = tasks.list(query("ctx", null, 2, first.nextPageToken()), null);

    assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
  }

  @Test
  void contextStateAndTimeFilterTheListing() {
    String other = send("x", "other");
    String waiting = send("wait here", "ctx");
    String done = send("done", "ctx");

    assertThat(ids(tasks.list(query("other", null, 10, null), null))).containsExactly(other);
    assertThat(ids(tasks.list(query(null, TaskState.INPUT_REQUIRED, 10, null), null)))
        .containsExactly(waiting);
    assertThat(
            ids(
                tasks.list(
                    new TaskQuery(null, null, Instant.EPOCH.plusSeconds(2), 10, null), null)))
        .containsExactly(done);
  }

  @Test
  void historyLengthTrimsEachListedTask() {
    send("a", "ctx");

    Task listed = tasks.list(query("ctx", null, 10, null), 1).tasks().get(0);

    assertThat(listed.history()).hasSize(1);
    assertThat(listed.history().get(0).role()).isEqualTo(Message.ROLE_AGENT);
  }

  @Test
  void aTokenThisServerDidNotIssueIsInvalidParams() {
    assertThatThrownBy(() -> tasks.list(query(null, null, 10, "not-a-token"), null))
        .isInstanceOfSatisfying(
            TaskException.class,
            e -> assertThat(e.reason()).isEqualTo(TaskException.Reason.INVALID_PARAMS));
  }

  private String send(String text, String context) {
    clock.advance(Duration.ofSeconds(1));
    Message message =
        new Message("user", List.of(Part.text(text)), "m-" + text, context, null, null, null, null);
    return tasks
        .sendBlocking(
            message,
            new NormalizedMessage(List.of(text), List.of()),
            null,
            new CompletableFuture<>())
        .submitted()
        .id();
  }

  private static TaskQuery query(String context, TaskState state, int size, String token) {
    return new TaskQuery(context, state, null, size, token);
  }

  private static List<String> ids(TaskPage page) {
    return page.tasks().stream().map(Task::id).toList();
  }
}
