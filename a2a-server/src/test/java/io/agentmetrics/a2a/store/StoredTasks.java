package io.agentmetrics.a2a.store;

import io.agentmetrics.a2a.dto.Artifact;
import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.PushNotificationAuthenticationInfo;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.RawJson;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.dto.TaskState;
import io.agentmetrics.a2a.dto.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Stored tasks for the store tests. */
public final class StoredTasks {

  private StoredTasks() {}

  public static StoredTask submitted(String id, String contextId, Instant updated) {
    Message first =
        new Message(
            Message.ROLE_USER,
            List.of(Part.text("hello " + id)),
            "m-" + id,
            contextId,
            id,
            null,
            null,
            null);
    return new StoredTask(
        new Task(
            id,
            contextId,
            new TaskStatus(TaskState.SUBMITTED, null, updated.toString()),
            List.of(first),
            List.of()),
        updated,
        List.of(),
        0);
  }

  /** {@code task} moved to {@code state} at {@code at}, with an optional status message. */
  static StoredTask moved(
      StoredTask task, TaskState state, Instant at, @Nullable Message statusMessage) {
    Task t = task.task();
    return new StoredTask(
        new Task(
            t.id(),
            t.contextId(),
            new TaskStatus(state, statusMessage, at.toString()),
            t.history(),
            t.artifacts()),
        at,
        task.pushConfigs(),
        task.version());
  }

  /** {@code task} with one more agent message in its history. */
  static StoredTask withMessage(StoredTask task, String text) {
    Task t = task.task();
    List<Message> history = new ArrayList<>(t.history());
    history.add(Message.agentText(text, "m-" + history.size(), t.contextId(), t.id()));
    return new StoredTask(
        new Task(t.id(), t.contextId(), t.status(), history, t.artifacts()),
        task.updated(),
        task.pushConfigs(),
        task.version());
  }

  /** {@code task} with one more push config. */
  static StoredTask withPush(StoredTask task, String configId, String protocol) {
    List<StoredPushConfig> configs = new ArrayList<>(task.pushConfigs());
    configs.add(
        new StoredPushConfig(
            new PushNotificationConfig(
                configId,
                "https://hooks.example.com/" + configId,
                "token-" + configId,
                new PushNotificationAuthenticationInfo(List.of("Bearer"), "secret")),
            protocol));
    return new StoredTask(task.task(), task.updated(), configs, task.version());
  }

  /** A completed task with rich content: data, file and metadata parts, and an artifact. */
  static StoredTask rich(String id, Instant updated) {
    StoredTask base = submitted(id, "ctx-rich", updated);
    Task t = base.task();
    Message reply =
        new Message(
            Message.ROLE_AGENT,
            List.of(
                Part.text("résumé ✓ 日本"),
                new Part(Part.DATA, null, new RawJson("{\"n\":1.50,\"list\":[1,2]}"), null, null)),
            "m-reply",
            t.contextId(),
            id,
            List.of("other-task"),
            new RawJson("{\"trace\":\"abc\"}"),
            null);
    Artifact artifact = new Artifact("a-1", "summary", List.of(Part.text("the summary")));
    return withPush(
        new StoredTask(
            new Task(
                id,
                t.contextId(),
                new TaskStatus(TaskState.COMPLETED, reply, updated.toString()),
                List.of(t.history().get(0), reply),
                List.of(artifact)),
            updated,
            List.of(),
            0),
        "cfg-1",
        "1.0");
  }

  /** A submitted task whose first message carries {@code bytes} characters. */
  static StoredTask heavy(String id, Instant updated, int bytes) {
    StoredTask base = submitted(id, "ctx-heavy", updated);
    return withMessage(base, "x".repeat(bytes));
  }
}
