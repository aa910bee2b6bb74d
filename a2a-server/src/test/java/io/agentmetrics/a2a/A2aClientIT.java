package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.a2a.A2A;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.spec.AgentCard;
import io.a2a.spec.DeleteTaskPushNotificationConfigParams;
import io.a2a.spec.EventKind;
import io.a2a.spec.GetTaskPushNotificationConfigParams;
import io.a2a.spec.JSONRPCError;
import io.a2a.spec.ListTaskPushNotificationConfigParams;
import io.a2a.spec.Message;
import io.a2a.spec.MessageSendConfiguration;
import io.a2a.spec.MessageSendParams;
import io.a2a.spec.PushNotificationConfig;
import io.a2a.spec.StreamingEventKind;
import io.a2a.spec.Task;
import io.a2a.spec.TaskArtifactUpdateEvent;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskPushNotificationConfig;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The server driven by the official A2A Java client (v0.3, JSON-RPC transport). */
class A2aClientIT {

  @Test
  void officialClientReadsTheCardAndGetsACompletedTask() throws Exception {
    try (TestServer server = TestServer.start()) {
      AgentCard card = A2A.getAgentCard(server.url());
      List<ClientEvent> events = new CopyOnWriteArrayList<>();
      CountDownLatch done = new CountDownLatch(1);
      BiConsumer<ClientEvent, AgentCard> consumer =
          (event, c) -> {
            events.add(event);
            done.countDown();
          };
      Client client =
          Client.builder(card)
              .clientConfig(new ClientConfig.Builder().setStreaming(false).build())
              .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
              .addConsumer(consumer)
              .build();

      client.sendMessage(userMessage("What is a derivative?", null), null);

      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
      Task task = ((TaskEvent) events.get(0)).getTask();
      assertThat(task.getStatus().state()).isEqualTo(TaskState.COMPLETED);
      assertThat(((TextPart) task.getArtifacts().get(0).parts().get(0)).getText())
          .contains("derivative");
      assertThat(card.protocolVersion()).isEqualTo("0.3.0");
      client.close();
    }
  }

  @Test
  void getHonoursHistoryLengthAndASendWithTaskIdContinuesTheTask() throws Exception {
    try (TestServer server = TestServer.start()) {
      JSONRPCTransport transport = new JSONRPCTransport(server.url());
      Task first = (Task) transport.sendMessage(params(userMessage("Define force", null)), null);

      Task second =
          (Task) transport.sendMessage(params(userMessage("And mass?", first.getId())), null);

      assertThat(second.getId()).isEqualTo(first.getId());
      assertThat(second.getContextId()).isEqualTo(first.getContextId());
      assertThat(second.getHistory()).hasSize(4);
      Task latest = transport.getTask(new TaskQueryParams(first.getId(), 1), null);
      assertThat(latest.getHistory()).hasSize(1);
      assertThat(latest.getArtifacts()).hasSize(2);
    }
  }

  @Test
  void cancelStopsTheRunningAgentAndASecondCancelIsRefused() throws Exception {
    GatedProcessor agent = new GatedProcessor();
    try (TestServer server = TestServer.start(c -> c, agent)) {
      JSONRPCTransport transport = new JSONRPCTransport(server.url());
      EventKind submitted =
          transport.sendMessage(nonBlocking(userMessage("Long essay", null)), null);
      String id = ((Task) submitted).getId();
      agent.awaitStarted();
      assertThat(transport.getTask(new TaskQueryParams(id), null).getStatus().state())
          .isEqualTo(TaskState.WORKING);

      Task canceled = transport.cancelTask(new TaskIdParams(id), null);

      assertThat(canceled.getStatus().state()).isEqualTo(TaskState.CANCELED);
      assertThat(agent.interrupted.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(agent.finished).isFalse();
      assertThat(transport.getTask(new TaskQueryParams(id), null).getStatus().state())
          .isEqualTo(TaskState.CANCELED);
      assertThatThrownBy(() -> transport.cancelTask(new TaskIdParams(id), null))
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo(-32002));
    }
  }

  @Test
  void streamSendsTaskWorkingArtifactAndFinalStatusInOrder() throws Exception {
    try (TestServer server = TestServer.start()) {
      JSONRPCTransport transport = new JSONRPCTransport(server.url());
      List<StreamingEventKind> events = new CopyOnWriteArrayList<>();
      CountDownLatch finished = new CountDownLatch(1);

      transport.sendMessageStreaming(
          params(userMessage("Explain vectors", null)),
          event -> {
            events.add(event);
            if (event instanceof TaskStatusUpdateEvent update && update.isFinal()) {
              finished.countDown();
            }
          },
          error -> {},
          null);

      assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(events).hasSize(4);
      assertThat(events.get(0)).isInstanceOf(Task.class);
      assertThat(((TaskStatusUpdateEvent) events.get(1)).getStatus().state())
          .isEqualTo(TaskState.WORKING);
      assertThat(events.get(2)).isInstanceOf(TaskArtifactUpdateEvent.class);
      TaskStatusUpdateEvent last = (TaskStatusUpdateEvent) events.get(3);
      assertThat(last.getStatus().state()).isEqualTo(TaskState.COMPLETED);
      assertThat(last.isFinal()).isTrue();
    }
  }

  @Test
  void resubscribeStreamsTheRestOfARunningTask() throws Exception {
    GatedProcessor agent = new GatedProcessor();
    try (TestServer server = TestServer.start(c -> c, agent)) {
      JSONRPCTransport transport = new JSONRPCTransport(server.url());
      String id =
          ((Task) transport.sendMessage(nonBlocking(userMessage("Slow one", null)), null)).getId();
      agent.awaitStarted();
      List<StreamingEventKind> events = new CopyOnWriteArrayList<>();
      CountDownLatch finished = new CountDownLatch(1);
      CountDownLatch first = new CountDownLatch(1);

      transport.resubscribe(
          new TaskIdParams(id),
          event -> {
            events.add(event);
            first.countDown();
            if (event instanceof TaskStatusUpdateEvent update && update.isFinal()) {
              finished.countDown();
            }
          },
          error -> {},
          null);
      assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();
      agent.release.countDown();

      assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(events.get(0)).isInstanceOf(Task.class);
      assertThat(events).anyMatch(TaskArtifactUpdateEvent.class::isInstance);
      List<Throwable> errors = new CopyOnWriteArrayList<>();
      CountDownLatch refused = new CountDownLatch(1);
      transport.resubscribe(
          new TaskIdParams(id),
          e -> {},
          e -> {
            errors.add(e);
            refused.countDown();
          },
          null);
      assertThat(refused.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(errorCode(errors.get(0))).isEqualTo(-32004);
    }
  }

  @Test
  void pushNotificationConfigsCanBeSetReadListedAndDeleted() throws Exception {
    try (TestServer server = TestServer.start()) {
      JSONRPCTransport transport = new JSONRPCTransport(server.url());
      String id = ((Task) transport.sendMessage(params(userMessage("Hi", null)), null)).getId();
      PushNotificationConfig push =
          new PushNotificationConfig("https://hooks.example.com/a2a", "tok", null, "cfg-1");

      TaskPushNotificationConfig set =
          transport.setTaskPushNotificationConfiguration(
              new TaskPushNotificationConfig(id, push), null);
      TaskPushNotificationConfig got =
          transport.getTaskPushNotificationConfiguration(
              new GetTaskPushNotificationConfigParams(id, "cfg-1"), null);
      List<TaskPushNotificationConfig> listed =
          transport.listTaskPushNotificationConfigurations(
              new ListTaskPushNotificationConfigParams(id), null);
      transport.deleteTaskPushNotificationConfigurations(
          new DeleteTaskPushNotificationConfigParams(id, "cfg-1"), null);

      assertThat(set.pushNotificationConfig().url()).isEqualTo("https://hooks.example.com/a2a");
      assertThat(got.pushNotificationConfig().id()).isEqualTo("cfg-1");
      assertThat(listed).hasSize(1);
      assertThat(
              transport.listTaskPushNotificationConfigurations(
                  new ListTaskPushNotificationConfigParams(id), null))
          .isEmpty();
    }
  }

  @Test
  void errorsReachTheClientWithTheSpecCodes() throws Exception {
    try (TestServer server = TestServer.start()) {
      JSONRPCTransport transport = new JSONRPCTransport(server.url());

      assertThatThrownBy(() -> transport.getTask(new TaskQueryParams("no-such-task"), null))
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo(-32001));
      assertThatThrownBy(() -> transport.cancelTask(new TaskIdParams("no-such-task"), null))
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo(-32001));
      assertThatThrownBy(
              () -> transport.sendMessage(params(userMessage("x", "no-such-task")), null))
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo(-32001));
    }
  }

  private static Message userMessage(String text, String taskId) {
    Message.Builder builder =
        new Message.Builder()
            .role(Message.Role.USER)
            .parts(new TextPart(text))
            .messageId(UUID.randomUUID().toString());
    if (taskId != null) {
      builder.taskId(taskId);
    }
    return builder.build();
  }

  private static MessageSendParams params(Message message) {
    return new MessageSendParams.Builder().message(message).build();
  }

  private static MessageSendParams nonBlocking(Message message) {
    return new MessageSendParams.Builder()
        .message(message)
        .configuration(new MessageSendConfiguration.Builder().blocking(false).build())
        .build();
  }

  /** The JSON-RPC error code somewhere in the client's exception chain. */
  private static int errorCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JSONRPCError error) {
        return error.getCode();
      }
    }
    throw new AssertionError("no JSON-RPC error in " + e, e);
  }
}
