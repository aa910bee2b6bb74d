package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Push notifications against the real server: internal and malformed URLs are refused when set,
 * configs per task are capped, header-breaking secrets are refused, retries follow the receiver's
 * answer, and a push that cannot be delivered is logged once. A2A 1.0 clients, over JSON-RPC and
 * HTTP+JSON, meet the same rules.
 */
class PushSecurityIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PUSH_NOTIFIER = "io.agentmetrics.a2a.task.PushNotifier";
  private static final String V1 = "A2A-Version";
  private static TestServer server;
  private static String taskId;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    taskId = completedTask(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> refusedUrls() {
    return Stream.of(
        Arguments.of("http://127.0.0.1:9/hook", "loopback"),
        Arguments.of("http://127.1.2.3/hook", "loopback"),
        Arguments.of("http://localhost/hook", "loopback"),
        Arguments.of("http://LOCALHOST./hook", "loopback"),
        Arguments.of("http://0.0.0.0/hook", "unspecified"),
        Arguments.of("http://0/hook", "unspecified"),
        Arguments.of("http://[::]/hook", "unspecified"),
        Arguments.of("http://[::1]/hook", "loopback"),
        Arguments.of("http://2130706433/", "loopback"),
        Arguments.of("http://[::ffff:127.0.0.1]/hook", "loopback"),
        Arguments.of("http://[::ffff:7f00:1]/hook", "loopback"),
        Arguments.of("http://[::127.0.0.1]/hook", "loopback"),
        Arguments.of("http://[2002:7f00:1::]/hook", "loopback"),
        Arguments.of("http://[64:ff9b::127.0.0.1]/hook", "loopback"),
        Arguments.of("http://user:pw@127.0.0.1/hook", "user info"),
        Arguments.of("http://user:pw@hooks.example.com/hook", "user info"),
        Arguments.of("HTTP://127.0.0.1/hook", "loopback"),
        Arguments.of("hTTp://localhost/hook", "loopback"),
        Arguments.of("http://169.254.169.254/latest/meta-data/", "link-local"),
        Arguments.of("http://2852039166/latest/meta-data/", "link-local"),
        Arguments.of("http://[::ffff:169.254.169.254]/", "link-local"),
        Arguments.of("http://[::ffff:a9fe:a9fe]/", "link-local"),
        Arguments.of("http://[2002:a9fe:a9fe::1]/", "link-local"),
        Arguments.of("http://10.0.0.1/hook", "private"),
        Arguments.of("http://10.255.255.254/hook", "private"),
        Arguments.of("http://172.16.0.1/hook", "private"),
        Arguments.of("http://172.31.255.254/hook", "private"),
        Arguments.of("http://192.168.1.1/hook", "private"),
        Arguments.of("http://100.64.0.1/hook", "private"),
        Arguments.of("http://[::ffff:10.0.0.1]/hook", "private"),
        Arguments.of("http://[fd00::1]/hook", "private"),
        Arguments.of("http://[fc00::1]/hook", "private"),
        Arguments.of("http://[fe80::1]/hook", "link-local"),
        Arguments.of("http://[febf:ffff::1]/hook", "link-local"),
        Arguments.of("http://224.0.0.1/hook", "multicast"),
        Arguments.of("http://[ff02::1]/hook", "multicast"),
        Arguments.of("http://192.0.2.1/hook", "reserved"),
        Arguments.of("http://198.18.0.1/hook", "reserved"),
        Arguments.of("http://240.0.0.1/hook", "reserved"),
        Arguments.of("http://255.255.255.255/hook", "reserved"),
        Arguments.of("http://[2001:db8::1]/hook", "reserved"),
        Arguments.of("ftp://hooks.example.com/hook", "http or https"),
        Arguments.of("file:///etc/passwd", "http or https"),
        Arguments.of("gopher://127.0.0.1:6379/_INFO", "http or https"));
  }

  /**
   * Set on a completed task, so that nothing is ever sent to these addresses, even by a server that
   * wrongly accepts them: tests reach loopback only.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedUrls")
  void anInternalOrMalformedPushUrlIsRefusedWhenSetNamingTheRule(String url, String rule)
      throws Exception {
    JsonNode response = setConfig(server, taskId, "{\"url\":\"" + url + "\"}");

    assertThat(response.path("error").path("code").asInt())
        .as(response.toString())
        .isEqualTo(-32602);
    assertThat(response.path("error").path("message").asText())
        .contains("pushNotificationConfig.url", rule)
        .doesNotContain("pw@");
  }

  /** Loopback forms only: a server that wrongly accepted one would push to this machine. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "http://127.0.0.1:9/hook, loopback",
    "http://localhost:9/hook, loopback",
    "http://[::1]:9/hook, loopback",
    "http://2130706433:9/, loopback",
    "http://[::ffff:127.0.0.1]:9/hook, loopback",
    "HTTP://127.0.0.1:9/hook, loopback",
    "http://user:pw@127.0.0.1:9/hook, user info"
  })
  void aSendCarryingAnInternalPushUrlIsRefusedNamingTheRule(String url, String rule)
      throws Exception {
    JsonNode response =
        rpc(
            server,
            "message/send",
            "{\"message\":"
                + JsonRpcProtocolIT.message("hi")
                + ",\"configuration\":{\"pushNotificationConfig\":{\"url\":\""
                + url
                + "\"}}}");

    assertThat(response.path("error").path("code").asInt())
        .as(response.toString())
        .isEqualTo(-32602);
    assertThat(response.path("error").path("message").asText())
        .contains("pushNotificationConfig.url", rule);
  }

  @Test
  void aLoopbackReceiverGetsThePushOnlyWhenPrivateAddressesAreAllowed() throws Exception {
    try (PushReceiver receiver = new PushReceiver(0)) {
      JsonNode refused = setConfig(server, taskId, "{\"url\":\"" + receiver.url() + "\"}");
      assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32602);
      assertThat(refused.path("error").path("message").asText())
          .contains("loopback", "A2A_PUSH_ALLOW_PRIVATE");

      try (TestServer local = TestServer.start(PushSecurityIT::allowPrivate)) {
        String id = sendWithPush(local, "{\"url\":\"" + receiver.url() + "\",\"token\":\"tk\"}");

        assertThat(receiver.delivered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(JSON.readTree(receiver.received.get(0).body()).path("id").asText())
            .isEqualTo(id);
      }
    }
  }

  @Test
  void theEleventhPushConfigOfATaskIsRefusedWhileReplacingAndDeletingStillWork() throws Exception {
    try (TestServer local = TestServer.start(PushSecurityIT::allowPrivate)) {
      String id = completedTask(local);
      for (int i = 1; i <= 10; i++) {
        JsonNode set = setConfig(local, id, config("cfg-" + i));
        assertThat(set.has("result")).as(set.toString()).isTrue();
      }

      JsonNode eleventh = setConfig(local, id, config("cfg-11"));
      JsonNode replaced = setConfig(local, id, config("cfg-3"));
      JsonNode continued =
          rpc(
              local,
              "message/send",
              "{\"message\":"
                  + message(id, "again")
                  + ",\"configuration\":{\"pushNotificationConfig\":"
                  + config("cfg-12")
                  + "}}");
      JsonNode continuedWithoutPush =
          rpc(local, "message/send", "{\"message\":" + message(id, "and again") + "}");
      rpc(local, "tasks/pushNotificationConfig/delete", query(id, "cfg-4"));
      JsonNode afterDelete = setConfig(local, id, config("cfg-11"));
      JsonNode list = rpc(local, "tasks/pushNotificationConfig/list", "{\"id\":\"" + id + "\"}");

      assertThat(eleventh.path("error").path("code").asInt()).isEqualTo(-32602);
      assertThat(eleventh.path("error").path("message").asText())
          .contains("10", "A2A_PUSH_MAX_CONFIGS_PER_TASK");
      assertThat(replaced.has("result")).as(replaced.toString()).isTrue();
      assertThat(continued.path("error").path("code").asInt()).isEqualTo(-32602);
      assertThat(continuedWithoutPush.path("result").path("status").path("state").asText())
          .as("a refused push config leaves the task usable")
          .isEqualTo("completed");
      assertThat(afterDelete.has("result")).as(afterDelete.toString()).isTrue();
      assertThat(list.path("result")).hasSize(10);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "token|{\"url\":\"https://hooks.example.com/x\",\"token\":\"SECRET-1\\r\\nX-Forged: 1\"}",
        "token|{\"url\":\"https://hooks.example.com/x\",\"token\":\"SECRET-1\\u0000\"}",
        "authentication.credentials|{\"url\":\"https://hooks.example.com/x\","
            + "\"authentication\":{\"schemes\":[\"Basic\"],\"credentials\":\"SECRET-1\\nX: y\"}}",
        "authentication.schemes[0]|{\"url\":\"https://hooks.example.com/x\","
            + "\"authentication\":{\"schemes\":[\"Basic\\r\\nX-Forged: SECRET-1\"],"
            + "\"credentials\":\"c\"}}",
        "authentication.schemes[1]|{\"url\":\"https://hooks.example.com/x\","
            + "\"authentication\":{\"schemes\":[\"Basic\",\"Bearer SECRET-1\"]}}"
      })
  void aTokenCredentialOrSchemeThatIsNotAValidHeaderValueIsRefusedAndNeverLogged(
      String field, String config) throws Exception {
    try (LogCapture logs = LogCapture.attach()) {
      JsonNode set = setConfig(server, taskId, config);
      JsonNode send =
          rpc(
              server,
              "message/send",
              "{\"message\":"
                  + JsonRpcProtocolIT.message("hi")
                  + ",\"configuration\":{\"pushNotificationConfig\":"
                  + config
                  + "}}");

      for (JsonNode response : List.of(set, send)) {
        assertThat(response.path("error").path("code").asInt())
            .as(response.toString())
            .isEqualTo(-32602);
        assertThat(response.path("error").path("message").asText())
            .contains("pushNotificationConfig." + field, "header")
            .doesNotContain("SECRET-1");
      }
      assertThat(logs.text()).doesNotContain("SECRET-1");
    }
  }

  @Test
  void tasksCancelAnswersTheCanceledTaskAndTheOtherPushesArriveWhenAPushConfigIsBroken()
      throws Exception {
    GatedProcessor agent = new GatedProcessor();
    try (LogCapture logs = LogCapture.attach();
        PushReceiver receiver = new PushReceiver(0);
        TestServer local = TestServer.start(PushSecurityIT::allowPrivate, agent)) {
      String id =
          rpc(
                  local,
                  "message/send",
                  "{\"message\":"
                      + JsonRpcProtocolIT.message("hold")
                      + ",\"configuration\":{\"blocking\":false}}")
              .path("result")
              .path("id")
              .asText();
      agent.awaitStarted();
      JsonNode broken =
          setConfig(
              local,
              id,
              "{\"id\":\"broken\",\"url\":\"" + receiver.url() + "\",\"token\":\"a\\r\\nb\"}");
      setConfig(local, id, "{\"id\":\"fine\",\"url\":\"" + receiver.url() + "\"}");

      JsonNode canceled = rpc(local, "tasks/cancel", "{\"id\":\"" + id + "\"}");

      assertThat(broken.path("error").path("code").asInt()).isEqualTo(-32602);
      assertThat(canceled.path("result").path("status").path("state").asText())
          .as(canceled.toString())
          .isEqualTo("canceled");
      assertThat(receiver.delivered.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(
              JSON.readTree(receiver.received.get(0).body()).path("status").path("state").asText())
          .isEqualTo("canceled");
      assertThat(logs.events()).noneMatch(e -> e.getLevel() == Level.ERROR);
    } finally {
      agent.release.countDown();
    }
  }

  @Test
  void aReceiverAnswering503WithRetryAfterIsRetriedNoSoonerThanItAsked() throws Exception {
    try (PushReceiver receiver =
            new PushReceiver(
                call ->
                    call == 1 ? new PushReceiver.Answer(503, "2") : PushReceiver.Answer.of(204));
        TestServer local = TestServer.start(PushSecurityIT::allowPrivate)) {
      sendWithPush(local, "{\"url\":\"" + receiver.url() + "\"}");

      assertThat(receiver.delivered.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(receiver.calls.get()).isEqualTo(2);
      long gap = receiver.callNanos.get(1) - receiver.callNanos.get(0);
      assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }
  }

  @Test
  void aPushRefusedWith400IsNotRetriedAndIsLoggedOnceWithTheTaskIdAndNoSecret() throws Exception {
    try (LogCapture logs = LogCapture.attach();
        PushReceiver receiver = new PushReceiver(call -> PushReceiver.Answer.of(400));
        TestServer local = TestServer.start(PushSecurityIT::allowPrivate)) {
      String id =
          sendWithPush(
              local,
              "{\"url\":\""
                  + receiver.url()
                  + "?key=SECRET-Q\",\"token\":\"SECRET-T\","
                  + "\"authentication\":{\"schemes\":[\"Basic\"],\"credentials\":\"SECRET-C\"}}");

      ILoggingEvent warning =
          logs.await(
              "a warning about the failed push",
              e -> e.getLoggerName().equals(PUSH_NOTIFIER) && e.getLevel() == Level.WARN,
              Duration.ofSeconds(30));

      assertThat(warning.getFormattedMessage()).contains(id, "400");
      assertThat(receiver.calls.get()).as("a 400 is final: no retry").isEqualTo(1);
      assertThat(logs.events())
          .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
          .filteredOn(e -> e.getFormattedMessage().contains(id))
          .hasSize(1);
      assertThat(logs.text()).doesNotContain("SECRET-");
    }
  }

  /** Loopback forms only, as above; A2A 1.0 takes them in both bindings and in a send. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "http://127.0.0.1:9/hook, loopback",
    "http://localhost:9/hook, loopback",
    "http://[::ffff:127.0.0.1]:9/hook, loopback",
    "http://user:pw@127.0.0.1:9/hook, user info"
  })
  void a1_0PushUrlIsHeldToTheSameRulesInBothBindingsAndInASend(String url, String rule)
      throws Exception {
    String config = "{\"url\":\"" + url + "\"}";
    JsonNode created =
        rpc(
            server,
            "CreateTaskPushNotificationConfig",
            "{\"taskId\":\"" + taskId + "\",\"url\":\"" + url + "\"}",
            V1,
            "1.0");
    HttpResponse<String> createdRest =
        server.post("/tasks/" + taskId + "/pushNotificationConfigs", config, V1, "1.0");
    JsonNode sent = rpc(server, "SendMessage", v1SendWithPush(config), V1, "1.0");
    HttpResponse<String> sentRest = server.post("/message:send", v1SendWithPush(config), V1, "1.0");

    for (JsonNode rpc : List.of(created, sent)) {
      assertThat(rpc.path("error").path("code").asInt()).as(rpc.toString()).isEqualTo(-32602);
      assertThat(rpc.path("error").path("message").asText()).contains("url", rule);
    }
    for (HttpResponse<String> rest : List.of(createdRest, sentRest)) {
      assertThat(rest.statusCode()).as(rest.body()).isEqualTo(400);
      assertThat(JSON.readTree(rest.body()).path("error").path("message").asText())
          .contains("url", rule);
    }
  }

  @Test
  void a1_0PushTokenThatIsNotAValidHeaderValueIsRefusedAndNeverLogged() throws Exception {
    String config =
        "{\"url\":\"https://hooks.example.com/x\",\"token\":\"SECRET-1\\r\\nX-Forged: 1\"}";
    try (LogCapture logs = LogCapture.attach()) {
      HttpResponse<String> created =
          server.post("/tasks/" + taskId + "/pushNotificationConfigs", config, V1, "1.0");
      JsonNode sent = rpc(server, "SendMessage", v1SendWithPush(config), V1, "1.0");

      assertThat(created.statusCode()).isEqualTo(400);
      assertThat(created.body()).contains("token", "header").doesNotContain("SECRET-1");
      assertThat(sent.path("error").path("code").asInt()).isEqualTo(-32602);
      assertThat(sent.path("error").path("message").asText())
          .contains("token", "header")
          .doesNotContain("SECRET-1");
      assertThat(logs.text()).doesNotContain("SECRET-1");
    }
  }

  @Test
  void a1_0ClientMeetsTheSamePushConfigCap() throws Exception {
    try (PushReceiver receiver = new PushReceiver(0);
        TestServer local = TestServer.start(PushSecurityIT::allowPrivate)) {
      String id = completedTask(local);
      for (int i = 1; i <= 10; i++) {
        HttpResponse<String> set =
            local.post(
                "/tasks/" + id + "/pushNotificationConfigs",
                "{\"id\":\"cfg-" + i + "\",\"url\":\"" + receiver.url() + "\"}",
                V1,
                "1.0");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
      }

      JsonNode eleventh =
          rpc(
              local,
              "CreateTaskPushNotificationConfig",
              "{\"taskId\":\"" + id + "\",\"id\":\"cfg-11\",\"url\":\"" + receiver.url() + "\"}",
              V1,
              "1.0");

      assertThat(eleventh.path("error").path("code").asInt()).isEqualTo(-32602);
      assertThat(eleventh.path("error").path("message").asText())
          .contains("10", "A2A_PUSH_MAX_CONFIGS_PER_TASK");
    }
  }

  private static String v1SendWithPush(String config) {
    return "{\"message\":{\"role\":\"ROLE_USER\",\"messageId\":\"m-push\","
        + "\"parts\":[{\"text\":\"hi\"}]},"
        + "\"configuration\":{\"taskPushNotificationConfig\":"
        + config
        + "}}";
  }

  private static ServerConfig.Builder allowPrivate(ServerConfig.Builder config) {
    return config.pushAllowPrivate(true);
  }

  private static String completedTask(TestServer on) throws Exception {
    return rpc(on, "message/send", "{\"message\":" + JsonRpcProtocolIT.message("hi") + "}")
        .path("result")
        .path("id")
        .asText();
  }

  private static String sendWithPush(TestServer on, String push) throws Exception {
    JsonNode response =
        rpc(
            on,
            "message/send",
            "{\"message\":"
                + JsonRpcProtocolIT.message("push me")
                + ",\"configuration\":{\"blocking\":false,\"pushNotificationConfig\":"
                + push
                + "}}");
    assertThat(response.has("result")).as(response.toString()).isTrue();
    return response.path("result").path("id").asText();
  }

  private static JsonNode setConfig(TestServer on, String task, String config) throws Exception {
    return rpc(
        on,
        "tasks/pushNotificationConfig/set",
        "{\"taskId\":\"" + task + "\",\"pushNotificationConfig\":" + config + "}");
  }

  private static String config(String id) {
    return "{\"id\":\"" + id + "\",\"url\":\"http://127.0.0.1:9/hook\"}";
  }

  private static String query(String task, String config) {
    return "{\"id\":\"" + task + "\",\"pushNotificationConfigId\":\"" + config + "\"}";
  }

  private static String message(String task, String text) {
    return "{\"kind\":\"message\",\"role\":\"user\",\"messageId\":\"m-"
        + text.hashCode()
        + "\",\"taskId\":\""
        + task
        + "\",\"parts\":[{\"kind\":\"text\",\"text\":\""
        + text
        + "\"}]}";
  }

  private static JsonNode rpc(TestServer on, String method, String params, String... headers)
      throws Exception {
    return JSON.readTree(
        on.post(
                "/",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
                    + method
                    + "\",\"params\":"
                    + params
                    + "}",
                headers)
            .body());
  }
}
