package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.lf.a2a.v1.AuthenticationInfo;
import com.google.lf.a2a.v1.ListTasksRequest;
import com.google.lf.a2a.v1.ListTasksResponse;
import com.google.lf.a2a.v1.Message;
import com.google.lf.a2a.v1.Part;
import com.google.lf.a2a.v1.Role;
import com.google.lf.a2a.v1.SendMessageConfiguration;
import com.google.lf.a2a.v1.SendMessageRequest;
import com.google.lf.a2a.v1.SendMessageResponse;
import com.google.lf.a2a.v1.StreamResponse;
import com.google.lf.a2a.v1.Task;
import com.google.lf.a2a.v1.TaskPushNotificationConfig;
import com.google.lf.a2a.v1.TaskState;
import io.agentmetrics.a2a.agent.ConformanceAgent;
import io.agentmetrics.a2a.profile.A2aV1Client;
import io.agentmetrics.a2a.profile.A2aV1Client.Binding;
import io.agentmetrics.a2a.profile.A2aV1Exception;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The A2A 1.0 operations as the official TCK (a2a-tck, branch 1.0-dev, {@code --level must}) checks
 * them, over both bindings the card declares, against the real server on a free port with the TCK's
 * scenario agent ({@link ConformanceAgent}). Each test is named by the TCK requirement it ports;
 * the TCK itself needs a network CI does not have, so these keep its checks in the build.
 */
class A2aV1ConformanceIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    // The push-delivery checks post to a receiver on 127.0.0.1, an address push refuses unless
    // private addresses are allowed (A2A_PUSH_ALLOW_PRIVATE), as for the official TCK's receiver.
    server = TestServer.start(c -> c.pushAllowPrivate(true), new ConformanceAgent());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static A2aV1Client client(Binding binding) {
    URI url = binding == Binding.JSON_RPC ? URI.create(server.url()) : server.uri("/");
    return new A2aV1Client(HTTP, url, binding, null, Duration.ofSeconds(30));
  }

  static SendMessageRequest send(String scenario) {
    return SendMessageRequest.newBuilder().setMessage(message(scenario, null, null)).build();
  }

  static Message message(String scenario, String taskId, String contextId) {
    Message.Builder message =
        Message.newBuilder()
            .setRole(Role.ROLE_USER)
            .setMessageId("tck-" + scenario + "-" + UUID.randomUUID())
            .addParts(Part.newBuilder().setText("TCK conformance test"));
    if (taskId != null) {
      message.setTaskId(taskId);
    }
    if (contextId != null) {
      message.setContextId(contextId);
    }
    return message.build();
  }

  static Task task(A2aV1Client client, String scenario) throws Exception {
    SendMessageResponse response = client.sendMessage(send(scenario));
    assertThat(response.hasTask()).as("a task, not a message").isTrue();
    return response.getTask();
  }

  @DisplayName(
      "CORE-SEND-001: SendMessage returns a Task, or a Message when the agent answers directly")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void sendMessageReturnsATaskOrAMessage(Binding binding) throws Exception {
    A2aV1Client client = client(binding);

    Task task = task(client, "complete-task");
    SendMessageResponse direct = client.sendMessage(send("message-response"));

    assertThat(task.getStatus().getState()).isEqualTo(TaskState.TASK_STATE_COMPLETED);
    assertThat(task.getId()).isNotEmpty();
    assertThat(direct.hasMessage()).isTrue();
    assertThat(direct.getMessage().getRole()).isEqualTo(Role.ROLE_AGENT);
    assertThat(direct.getMessage().getParts(0).getText()).isEqualTo("Direct message response");
  }

  @DisplayName("CORE-SEND-002: SendMessage to a task that has ended is UnsupportedOperationError")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void sendMessageToAnEndedTaskIsUnsupported(Binding binding) throws Exception {
    A2aV1Client client = client(binding);
    Task done = task(client, "complete-task");

    assertThatThrownBy(
            () ->
                client.sendMessage(
                    SendMessageRequest.newBuilder()
                        .setMessage(message("complete-task", done.getId(), null))
                        .build()))
        .isInstanceOfSatisfying(
            A2aV1Exception.class,
            e -> {
              assertThat(e.reason()).isEqualTo("UNSUPPORTED_OPERATION");
              assertThat(e.code()).isEqualTo(binding == Binding.JSON_RPC ? -32004 : 400);
            });
  }

  @DisplayName(
      "CORE-SEND-003: a part of a media type the agent does not read is still accepted (the TCK expects success)")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void partOfAnUnreadMediaTypeIsAccepted(Binding binding) throws Exception {
    SendMessageRequest request =
        SendMessageRequest.newBuilder()
            .setMessage(
                Message.newBuilder()
                    .setRole(Role.ROLE_USER)
                    .setMessageId("tck-send-003-" + UUID.randomUUID())
                    .addParts(
                        Part.newBuilder()
                            .setRaw(com.google.protobuf.ByteString.copyFromUtf8("tck"))
                            .setMediaType("application/x-unsupported-tck-type")))
            .build();

    SendMessageResponse response = client(binding).sendMessage(request);

    assertThat(response.getTask().getStatus().getState()).isEqualTo(TaskState.TASK_STATE_COMPLETED);
  }

  @DisplayName(
      "CORE-EXECUTION-MODE-001/002: a blocking send waits for the end of the turn; returnImmediately does not")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void blockingSendWaitsAndReturnImmediatelyDoesNot(Binding binding) throws Exception {
    A2aV1Client client = client(binding);
    Task waiting = task(client, "input-required");
    Task immediate =
        client
            .sendMessage(
                send("complete-task").toBuilder()
                    .setConfiguration(
                        SendMessageConfiguration.newBuilder().setReturnImmediately(true))
                    .build())
            .getTask();

    assertThat(waiting.getStatus().getState()).isEqualTo(TaskState.TASK_STATE_INPUT_REQUIRED);
    assertThat(immediate.getStatus().getState()).isEqualTo(TaskState.TASK_STATE_SUBMITTED);
  }

  @DisplayName(
      "CORE-GET-001 / CORE-GET-002: GetTask returns the task's current state; an unknown id is TaskNotFoundError")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void getTaskReturnsTheCurrentStateOrTaskNotFound(Binding binding) throws Exception {
    A2aV1Client client = client(binding);
    Task created = task(client, "artifact-text");

    Task read = client.getTask(created.getId(), null);

    assertThat(read.getStatus().getState()).isEqualTo(TaskState.TASK_STATE_COMPLETED);
    assertThat(read.getArtifacts(0).getParts(0).getText()).isEqualTo("Generated text content");
    assertThatThrownBy(() -> client.getTask("tck-nonexistent-" + UUID.randomUUID(), null))
        .isInstanceOfSatisfying(
            A2aV1Exception.class,
            e -> {
              assertThat(e.reason()).isEqualTo("TASK_NOT_FOUND");
              assertThat(e.code()).isEqualTo(binding == Binding.JSON_RPC ? -32001 : 404);
            });
  }

  @DisplayName("CORE-HIST-002: GetTask returns at most historyLength history entries")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void historyLengthBoundsTheHistory(Binding binding) throws Exception {
    A2aV1Client client = client(binding);
    Task task = task(client, "input-required");
    client.sendMessage(
        SendMessageRequest.newBuilder()
            .setMessage(message("complete-task", task.getId(), null))
            .build());

    assertThat(client.getTask(task.getId(), null).getHistoryCount()).isEqualTo(4);
    assertThat(client.getTask(task.getId(), 1).getHistoryList())
        .singleElement()
        .satisfies(m -> assertThat(m.getRole()).isEqualTo(Role.ROLE_AGENT));
    assertThat(client.getTask(task.getId(), 0).getHistoryCount()).isZero();
  }

  @DisplayName(
      "CORE-CANCEL-001 / 002 / 003: CancelTask cancels a waiting task; an ended one is TaskNotCancelable, an unknown one TaskNotFound")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void cancelTask(Binding binding) throws Exception {
    A2aV1Client client = client(binding);
    Task waiting = task(client, "input-required");
    Task done = task(client, "complete-task");

    Task canceled = client.cancelTask(waiting.getId());

    assertThat(canceled.getStatus().getState()).isEqualTo(TaskState.TASK_STATE_CANCELED);
    assertThatThrownBy(() -> client.cancelTask(done.getId()))
        .isInstanceOfSatisfying(
            A2aV1Exception.class,
            e -> {
              assertThat(e.reason()).isEqualTo("TASK_NOT_CANCELABLE");
              assertThat(e.code()).isEqualTo(binding == Binding.JSON_RPC ? -32002 : 409);
            });
    assertThatThrownBy(() -> client.cancelTask("tck-nonexistent-" + UUID.randomUUID()))
        .isInstanceOfSatisfying(
            A2aV1Exception.class, e -> assertThat(e.reason()).isEqualTo("TASK_NOT_FOUND"));
  }

  @DisplayName(
      "CORE-MULTI-001a / 003 / 005: a new task gets a unique id and a generated contextId; a follow-up by taskId inherits the context")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void contextAndTaskIds(Binding binding) throws Exception {
    A2aV1Client client = client(binding);
    Task first = task(client, "input-required");
    Task second = task(client, "complete-task");

    Task followUp =
        client
            .sendMessage(
                SendMessageRequest.newBuilder()
                    .setMessage(message("complete-task", first.getId(), null))
                    .build())
            .getTask();

    assertThat(first.getContextId()).isNotEmpty();
    assertThat(first.getId()).isNotEqualTo(second.getId());
    assertThat(followUp.getId()).isEqualTo(first.getId());
    assertThat(followUp.getContextId()).isEqualTo(first.getContextId());
  }

  @DisplayName(
      "CORE-MULTI-002a / 004 / 006: an unknown taskId is TaskNotFoundError; a contextId that is not the task's is refused")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void mismatchingIdsAreRefused(Binding binding) throws Exception {
    A2aV1Client client = client(binding);
    Task waiting = task(client, "input-required");

    assertThatThrownBy(
            () ->
                client.sendMessage(
                    SendMessageRequest.newBuilder()
                        .setMessage(
                            message("complete-task", "tck-nonexistent-" + UUID.randomUUID(), null))
                        .build()))
        .isInstanceOfSatisfying(
            A2aV1Exception.class, e -> assertThat(e.reason()).isEqualTo("TASK_NOT_FOUND"));
    assertThatThrownBy(
            () ->
                client.sendMessage(
                    SendMessageRequest.newBuilder()
                        .setMessage(message("complete-task", waiting.getId(), "wrong-context"))
                        .build()))
        .isInstanceOfSatisfying(
            A2aV1Exception.class,
            e -> assertThat(e.code()).isEqualTo(binding == Binding.JSON_RPC ? -32602 : 400));
  }

  @DisplayName(
      "DM-ART-001 / DM-PART-001: artifacts hold text, file (raw or url) or data parts, one content each")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void artifactsHoldEachKindOfPart(Binding binding) throws Exception {
    A2aV1Client client = client(binding);

    Part file = task(client, "artifact-file").getArtifacts(0).getParts(0);
    Part url = task(client, "artifact-file-url").getArtifacts(0).getParts(0);
    Part data = task(client, "artifact-data").getArtifacts(0).getParts(0);

    assertThat(file.getContentCase()).isEqualTo(Part.ContentCase.RAW);
    assertThat(file.getFilename()).isEqualTo("output.txt");
    assertThat(file.getMediaType()).isEqualTo("text/plain");
    assertThat(url.getUrl()).isEqualTo("https://example.com/output.txt");
    assertThat(data.getData().getStructValue().getFieldsMap().get("count").getNumberValue())
        .isEqualTo(42);
  }

  @DisplayName(
      "CORE-STREAM-001 / 003, STREAM-ORDER-001: the stream starts with the task, then working, the artifact and the final state, in order")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void streamStartsWithTheTaskAndEndsAtTheFinalState(Binding binding) throws Exception {
    List<StreamResponse> events = client(binding).sendStreamingMessage(send("stream-001"));

    assertThat(events)
        .extracting(StreamResponse::getPayloadCase)
        .containsExactly(
            StreamResponse.PayloadCase.TASK,
            StreamResponse.PayloadCase.STATUS_UPDATE,
            StreamResponse.PayloadCase.ARTIFACT_UPDATE,
            StreamResponse.PayloadCase.STATUS_UPDATE);
    assertThat(events.get(1).getStatusUpdate().getStatus().getState())
        .isEqualTo(TaskState.TASK_STATE_WORKING);
    assertThat(events.get(2).getArtifactUpdate().getArtifact().getParts(0).getText())
        .isEqualTo("Stream hello from TCK");
    assertThat(events.get(3).getStatusUpdate().getStatus().getState())
        .isEqualTo(TaskState.TASK_STATE_COMPLETED);
  }

  @DisplayName(
      "STREAM-SUB-001 / 003 / 004: SubscribeToTask starts with the task; an ended task is UnsupportedOperation, an unknown one TaskNotFound")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void subscribeToTask(Binding binding) throws Exception {
    A2aV1Client client = client(binding);
    Task waiting = task(client, "input-required");
    Task done = task(client, "complete-task");

    assertThatThrownBy(() -> client.subscribe(done.getId()))
        .isInstanceOfSatisfying(
            A2aV1Exception.class, e -> assertThat(e.reason()).isEqualTo("UNSUPPORTED_OPERATION"));
    assertThatThrownBy(() -> client.subscribe("tck-nonexistent-" + UUID.randomUUID()))
        .isInstanceOfSatisfying(
            A2aV1Exception.class, e -> assertThat(e.reason()).isEqualTo("TASK_NOT_FOUND"));
    // A waiting task's stream opens with the task; cancelling it ends the stream (STREAM-SUB-002).
    List<StreamResponse> events = new CopyOnWriteArrayList<>();
    CountDownLatch subscribed = new CountDownLatch(1);
    CompletableFuture<Void> stream =
        CompletableFuture.runAsync(
            () -> {
              try {
                client.subscribe(
                    waiting.getId(),
                    event -> {
                      events.add(event);
                      subscribed.countDown();
                    });
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            });
    assertThat(subscribed.await(30, TimeUnit.SECONDS)).isTrue();
    client.cancelTask(waiting.getId());
    stream.get(30, TimeUnit.SECONDS);
    assertThat(events.get(0).getTask().getId()).isEqualTo(waiting.getId());
    assertThat(events.get(events.size() - 1).getStatusUpdate().getStatus().getState())
        .isEqualTo(TaskState.TASK_STATE_CANCELED);
  }

  @DisplayName(
      "CORE-LIST-001..005: ListTasks filters by context and state, pages by cursor newest first, ends with an empty token, omits artifacts unless asked")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void listTasks(Binding binding) throws Exception {
    A2aV1Client client = client(binding);
    Task first = task(client, "artifact-text");
    String context = first.getContextId();
    Set<String> created = new HashSet<>(List.of(first.getId()));
    for (int i = 0; i < 4; i++) {
      created.add(
          client
              .sendMessage(
                  SendMessageRequest.newBuilder()
                      .setMessage(message("artifact-text", null, context))
                      .build())
              .getTask()
              .getId());
    }

    ListTasksResponse page1 =
        client.listTasks(
            ListTasksRequest.newBuilder().setContextId(context).setPageSize(3).build());
    ListTasksResponse page2 =
        client.listTasks(
            ListTasksRequest.newBuilder()
                .setContextId(context)
                .setPageSize(3)
                .setPageToken(page1.getNextPageToken())
                .build());
    ListTasksResponse withArtifacts =
        client.listTasks(
            ListTasksRequest.newBuilder()
                .setContextId(context)
                .setStatus(TaskState.TASK_STATE_COMPLETED)
                .setIncludeArtifacts(true)
                .build());

    assertThat(page1.getTotalSize()).isEqualTo(5);
    assertThat(page1.getTasksCount()).isEqualTo(3);
    assertThat(page1.getNextPageToken()).isNotEmpty();
    assertThat(page2.getTasksCount()).isEqualTo(2);
    assertThat(page2.getNextPageToken()).isEmpty();
    Set<String> listed = new HashSet<>();
    page1.getTasksList().forEach(t -> listed.add(t.getId()));
    page2.getTasksList().forEach(t -> listed.add(t.getId()));
    assertThat(listed).isEqualTo(created);
    List<Task> all = new java.util.ArrayList<>(page1.getTasksList());
    all.addAll(page2.getTasksList());
    for (int i = 1; i < all.size(); i++) {
      assertThat(
              com.google.protobuf.util.Timestamps.compare(
                  all.get(i - 1).getStatus().getTimestamp(), all.get(i).getStatus().getTimestamp()))
          .as("newest status first")
          .isGreaterThanOrEqualTo(0);
    }
    assertThat(page1.getTasksList()).allSatisfy(t -> assertThat(t.getArtifactsCount()).isZero());
    assertThat(withArtifacts.getTasksList())
        .hasSize(5)
        .allSatisfy(t -> assertThat(t.getArtifactsCount()).isEqualTo(1));
    assertThatThrownBy(
            () -> client.listTasks(ListTasksRequest.newBuilder().setPageSize(101).build()))
        .isInstanceOfSatisfying(
            A2aV1Exception.class,
            e -> assertThat(e.code()).isEqualTo(binding == Binding.JSON_RPC ? -32602 : 400));
  }

  @DisplayName(
      "PUSH-CREATE-001, PUSH-GET-001/002, PUSH-LIST-001, PUSH-DEL-001/002: push configs are created, read, listed and deleted idempotently")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void pushConfigLifecycle(Binding binding) throws Exception {
    A2aV1Client client = client(binding);
    Task task = task(client, "input-required");

    TaskPushNotificationConfig created =
        client.createPushConfig(
            TaskPushNotificationConfig.newBuilder()
                .setTaskId(task.getId())
                .setUrl("https://example.com/hook")
                .setToken("tok")
                .build());

    assertThat(created.getId()).isNotEmpty();
    assertThat(client.getPushConfig(task.getId(), created.getId()).getUrl())
        .isEqualTo("https://example.com/hook");
    assertThat(client.listPushConfigs(task.getId()).getConfigsList())
        .extracting(TaskPushNotificationConfig::getId)
        .containsExactly(created.getId());
    client.deletePushConfig(task.getId(), created.getId());
    client.deletePushConfig(task.getId(), created.getId());
    assertThat(client.listPushConfigs(task.getId()).getConfigsList()).isEmpty();
    assertThatThrownBy(() -> client.getPushConfig(task.getId(), created.getId()))
        .isInstanceOfSatisfying(
            A2aV1Exception.class, e -> assertThat(e.reason()).isEqualTo("TASK_NOT_FOUND"));
  }

  @DisplayName(
      "PUSH-DELIVER-001/002/003: the webhook gets a StreamResponse with the task, once at least, with the configured credentials")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void pushDeliversAStreamResponse(Binding binding) throws Exception {
    try (PushReceiver receiver = new PushReceiver(0)) {
      A2aV1Client client = client(binding);
      Task task = task(client, "input-required");
      client.createPushConfig(
          TaskPushNotificationConfig.newBuilder()
              .setTaskId(task.getId())
              .setUrl(receiver.url())
              .setToken("tck-token")
              .setAuthentication(
                  AuthenticationInfo.newBuilder().setScheme("Bearer").setCredentials("secret"))
              .build());

      client.sendMessage(
          SendMessageRequest.newBuilder()
              .setMessage(message("complete-task", task.getId(), null))
              .build());

      assertThat(receiver.delivered.await(30, TimeUnit.SECONDS)).isTrue();
      PushReceiver.Received push = receiver.received.get(0);
      JsonNode body = JSON.readTree(push.body());
      assertThat(body.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("task");
      assertThat(body.path("task").path("id").asText()).isEqualTo(task.getId());
      assertThat(body.path("task").path("status").path("state").asText())
          .isEqualTo("TASK_STATE_COMPLETED");
      assertThat(push.headers().get("Authorization")).containsExactly("Bearer secret");
      assertThat(push.headers().get("X-a2a-notification-token")).containsExactly("tck-token");
    }
  }

  @DisplayName(
      "CORE-CAP-003: GetExtendedAgentCard is UnsupportedOperationError when the card does not declare it")
  @ParameterizedTest
  @EnumSource(Binding.class)
  void extendedCardIsUnsupported(Binding binding) {
    assertThatThrownBy(() -> client(binding).extendedAgentCard())
        .isInstanceOfSatisfying(
            A2aV1Exception.class,
            e -> {
              assertThat(e.reason()).isEqualTo("UNSUPPORTED_OPERATION");
              assertThat(e.code()).isEqualTo(binding == Binding.JSON_RPC ? -32004 : 400);
            });
  }
}
