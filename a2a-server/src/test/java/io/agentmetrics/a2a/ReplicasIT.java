package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.lf.a2a.v1.ListTasksRequest;
import com.google.lf.a2a.v1.Message;
import com.google.lf.a2a.v1.Part;
import com.google.lf.a2a.v1.Role;
import com.google.lf.a2a.v1.SendMessageConfiguration;
import com.google.lf.a2a.v1.SendMessageRequest;
import com.google.lf.a2a.v1.StreamResponse;
import com.google.lf.a2a.v1.Task;
import com.google.lf.a2a.v1.TaskPushNotificationConfig;
import com.google.lf.a2a.v1.TaskState;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.spec.StreamingEventKind;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;
import io.agentmetrics.a2a.profile.A2aV1Client;
import io.agentmetrics.a2a.profile.A2aV1Exception;
import io.agentmetrics.a2a.store.postgres.LocalPostgres;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replicas behind one load balancer: server processes of the shaded jar on one PostgreSQL
 * (Debian's, started by {@link LocalPostgres}; skipped, saying why, without it) behave as one. A
 * runs the study agent with a 30 s simulated LLM, one agent thread and one stream per task, B with
 * 1 s, so a turn on A runs until something stops it.
 */
class ReplicasIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String LEASE_SECONDS = "2";
  private static final int STREAMS_PER_TASK_ON_A = 1;

  private static LocalPostgres database;
  private static ServerProcess a;
  private static ServerProcess b;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        LocalPostgres.unavailableReason().isEmpty(),
        () -> "skipped: " + LocalPostgres.unavailableReason().orElse(""));
    database = LocalPostgres.startNew();
    a =
        replica(
            "30000",
            Map.of(
                "A2A_AGENT_THREADS",
                "1",
                "A2A_AGENT_QUEUE",
                "4",
                "A2A_MAX_STREAMS_PER_TASK",
                String.valueOf(STREAMS_PER_TASK_ON_A)));
    b = replica("1000", Map.of());
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {a, b, database}) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception e) {
          // Best effort: the next resource still closes.
        }
      }
    }
  }

  private static ServerProcess replica(String llmLatencyMs, Map<String, String> extra)
      throws Exception {
    Map<String, String> env = new java.util.HashMap<>(extra);
    env.put("A2A_TASK_STORE", "postgres");
    env.put("A2A_DATABASE_URL", database.jdbcUrl());
    env.put("A2A_DATABASE_USER", LocalPostgres.USER);
    env.put("A2A_DATABASE_PASSWORD", "never-logged-pw");
    env.put("A2A_TASK_LEASE_SECONDS", LEASE_SECONDS);
    env.put("A2A_PUSH_ALLOW_PRIVATE", "true");
    env.put("SIMULATED_LLM_LATENCY_MS", llmLatencyMs);
    return ServerProcess.start(env);
  }

  private static A2aV1Client client(ServerProcess server) {
    return new A2aV1Client(
        HTTP, server.url(), A2aV1Client.Binding.JSON_RPC, null, Duration.ofSeconds(60));
  }

  private static Task startOn(ServerProcess server, String context) throws Exception {
    return client(server)
        .sendMessage(
            SendMessageRequest.newBuilder()
                .setMessage(
                    Message.newBuilder()
                        .setRole(Role.ROLE_USER)
                        .setMessageId(UUID.randomUUID().toString())
                        .setContextId(context)
                        .addParts(Part.newBuilder().setText("what is a p99?")))
                .setConfiguration(SendMessageConfiguration.newBuilder().setReturnImmediately(true))
                .build())
        .getTask();
  }

  private static TaskState stateOn(ServerProcess server, String id) throws Exception {
    return client(server).getTask(id, null).getStatus().getState();
  }

  @Test
  void aTaskStartedOnOneReplicaIsReadListedAndCompletedOnTheOther() throws Exception {
    String context = "ctx-" + UUID.randomUUID();
    Task started = startOn(b, context);

    Task read = client(a).getTask(started.getId(), null);
    List<Task> listed =
        client(a)
            .listTasks(ListTasksRequest.newBuilder().setContextId(context).setPageSize(10).build())
            .getTasksList();

    assertThat(read.getId()).isEqualTo(started.getId());
    assertThat(read.getContextId()).isEqualTo(context);
    assertThat(listed).extracting(Task::getId).containsExactly(started.getId());
    await().atMost(WAIT).until(() -> stateOn(a, started.getId()) == TaskState.TASK_STATE_COMPLETED);
  }

  @Test
  void aCancelOnOneReplicaStopsTheTurnRunningOnTheOtherAndEndsItsStreamThere() throws Exception {
    Task running = startOn(a, "ctx-" + UUID.randomUUID());
    await().atMost(WAIT).until(() -> stateOn(a, running.getId()) == TaskState.TASK_STATE_WORKING);
    Task waiting = startOn(a, "ctx-" + UUID.randomUUID());
    List<StreamResponse> streamedOnA = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> stream = subscribeAsync(a, running.getId(), streamedOnA);
    await().atMost(WAIT).until(() -> !streamedOnA.isEmpty());

    Task canceled = client(b).cancelTask(running.getId());

    assertThat(canceled.getStatus().getState()).isEqualTo(TaskState.TASK_STATE_CANCELED);
    stream.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(streamedOnA.get(streamedOnA.size() - 1).getStatusUpdate().getStatus().getState())
        .isEqualTo(TaskState.TASK_STATE_CANCELED);
    // A's only agent thread is free again well before the canceled turn's 30 s would have ended.
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> stateOn(b, waiting.getId()) == TaskState.TASK_STATE_WORKING);
    client(b).cancelTask(waiting.getId());
  }

  @Test
  void statusEventsOfATaskRunningOnOneReplicaReachASubscriberOnTheOther() throws Exception {
    Task running = startOn(a, "ctx-" + UUID.randomUUID());
    List<StreamResponse> streamedOnB = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> stream = subscribeAsync(b, running.getId(), streamedOnB);
    await().atMost(WAIT).until(() -> !streamedOnB.isEmpty());

    client(a).cancelTask(running.getId());

    stream.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(streamedOnB.get(0).getTask().getId()).isEqualTo(running.getId());
    assertThat(streamedOnB.get(streamedOnB.size() - 1).getStatusUpdate().getStatus().getState())
        .isEqualTo(TaskState.TASK_STATE_CANCELED);
  }

  @Test
  void aPushConfigSetOnOneReplicaIsListedOnTheOther() throws Exception {
    Task task = startOn(b, "ctx-" + UUID.randomUUID());

    TaskPushNotificationConfig created =
        client(a)
            .createPushConfig(
                TaskPushNotificationConfig.newBuilder()
                    .setTaskId(task.getId())
                    .setUrl("http://127.0.0.1:9/hook")
                    .build());

    assertThat(client(b).listPushConfigs(task.getId()).getConfigsList())
        .extracting(TaskPushNotificationConfig::getUrl, TaskPushNotificationConfig::getId)
        .containsExactly(tuple("http://127.0.0.1:9/hook", created.getId()));
  }

  @Test
  void aReplicaKilledMidTurnLeavesItsTaskFailedOnTheOthersAndANewReplicaFindsEveryTask()
      throws Exception {
    List<String> ids = new ArrayList<>();
    ServerProcess doomed = replica("30000", Map.of());
    String orphan;
    try {
      orphan = startOn(doomed, "ctx-" + UUID.randomUUID()).getId();
      await().atMost(WAIT).until(() -> stateOn(b, orphan) == TaskState.TASK_STATE_WORKING);
      ids.add(startOn(b, "ctx-" + UUID.randomUUID()).getId());
    } finally {
      doomed.process.destroyForcibly().waitFor();
    }

    await().atMost(WAIT).until(() -> stateOn(a, orphan) == TaskState.TASK_STATE_FAILED);
    assertThat(client(b).getTask(orphan, null).getStatus().getState())
        .isEqualTo(TaskState.TASK_STATE_FAILED);
    ids.add(orphan);
    try (ServerProcess fresh = replica("1000", Map.of())) {
      for (String id : ids) {
        assertThat(client(fresh).getTask(id, null).getId()).isEqualTo(id);
      }
    }
  }

  @Test
  void artifactEventsOfATurnOnOneReplicaReachSubscribersOnTheOtherInBothProtocols()
      throws Exception {
    try (ServerProcess conformance = replica("0", Map.of("A2A_AGENT", "conformance"))) {
      String context = "ctx-" + UUID.randomUUID();
      Task waiting =
          client(conformance)
              .sendMessage(conformanceTurn(context, null, "tck-input-required"))
              .getTask();
      String id = waiting.getId();
      assertThat(waiting.getStatus().getState()).isEqualTo(TaskState.TASK_STATE_INPUT_REQUIRED);
      List<StreamResponse> v1Events = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> v1Stream = subscribeAsync(b, id, v1Events);
      List<StreamingEventKind> v03Events = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> v03Stream = new CompletableFuture<>();
      new JSONRPCTransport(b.url().toString())
          .resubscribe(
              new TaskIdParams(id),
              event -> {
                v03Events.add(event);
                if (event instanceof TaskStatusUpdateEvent update && update.isFinal()) {
                  v03Stream.complete(null);
                }
              },
              v03Stream::completeExceptionally,
              null);
      await().atMost(WAIT).until(() -> !v1Events.isEmpty() && !v03Events.isEmpty());

      client(conformance).sendMessage(conformanceTurn(context, id, "tck-artifact-text"));

      v1Stream.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      v03Stream.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(v1Events)
          .filteredOn(StreamResponse::hasArtifactUpdate)
          .extracting(e -> e.getArtifactUpdate().getArtifact().getParts(0).getText())
          .containsExactly("Generated text content");
      assertThat(v1Events.get(v1Events.size() - 1).getStatusUpdate().getStatus().getState())
          .isEqualTo(TaskState.TASK_STATE_COMPLETED);
      assertThat(v03Events)
          .filteredOn(io.a2a.spec.TaskArtifactUpdateEvent.class::isInstance)
          .extracting(e -> ((io.a2a.spec.TaskArtifactUpdateEvent) e).getArtifact().parts().get(0))
          .extracting(part -> ((TextPart) part).getText())
          .containsExactly("Generated text content");
    }
  }

  @Test
  void theStreamCapPerTaskHoldsPerReplica() throws Exception {
    Task running = startOn(a, "ctx-" + UUID.randomUUID());
    List<StreamResponse> firstOnA = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> first = subscribeAsync(a, running.getId(), firstOnA);
    await().atMost(WAIT).until(() -> !firstOnA.isEmpty());

    assertThatThrownBy(() -> client(a).subscribe(running.getId()))
        .isInstanceOf(A2aV1Exception.class)
        .hasMessageContaining("A2A_MAX_STREAMS_PER_TASK");
    List<StreamResponse> onB = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> second = subscribeAsync(b, running.getId(), onB);
    await().atMost(WAIT).until(() -> !onB.isEmpty());

    client(b).cancelTask(running.getId());
    first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    second.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(onB.get(onB.size() - 1).getStatusUpdate().getStatus().getState())
        .isEqualTo(TaskState.TASK_STATE_CANCELED);
  }

  @Test
  void eventsMissedWhileTheListenerReconnectsStillReachTheSubscribers() throws Exception {
    Task running = startOn(a, "ctx-" + UUID.randomUUID());
    List<StreamResponse> onB = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> stream = subscribeAsync(b, running.getId(), onB);
    await().atMost(WAIT).until(() -> !onB.isEmpty());

    // Every replica's LISTEN connection is gone, and they connect again only a second later:
    // the cancel's notification reaches no replica.
    assertThat(database.terminateListeners()).isPositive();
    client(a).cancelTask(running.getId());

    stream.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(onB.get(onB.size() - 1).getStatusUpdate().getStatus().getState())
        .isEqualTo(TaskState.TASK_STATE_CANCELED);
  }

  private static CompletableFuture<Void> subscribeAsync(
      ServerProcess server, String id, List<StreamResponse> events) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            client(server).subscribe(id, events::add);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** A message the conformance agent answers as the scenario {@code scenario} says. */
  private static SendMessageRequest conformanceTurn(
      String context, @Nullable String taskId, String scenario) {
    Message.Builder message =
        Message.newBuilder()
            .setRole(Role.ROLE_USER)
            .setMessageId(scenario + "-" + UUID.randomUUID())
            .setContextId(context)
            .addParts(Part.newBuilder().setText("go"));
    if (taskId != null) {
      message.setTaskId(taskId);
    }
    return SendMessageRequest.newBuilder().setMessage(message).build();
  }

  @Test
  void theDatabasePasswordIsNeverLogged() {
    assertThat(String.join("\n", a.lines)).doesNotContain("never-logged-pw");
  }
}
