package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.agentmetrics.a2a.profile.ProfileCommand;
import io.agentmetrics.agent.llm.LlmClients;
import io.agentmetrics.agent.testing.ProviderScripts;
import io.agentmetrics.agent.testing.ScriptedLlmServer;
import io.agentmetrics.agent.testing.ScriptedLlmServer.Reply;
import io.agentmetrics.api.testing.BackendProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * A whole session with every kind of secret set (the server's bearer token, the model's API key,
 * push notification credentials), with successes, failures and bad requests, logged at DEBUG: no
 * secret appears in any log line, stack trace or trace event.
 */
class SecretsInLogsIT {

  private static final String AUTH_TOKEN = "auth-token-7f3c9a1e5b";
  private static final String API_KEY = "api-key-b2d4f6a8c0";
  private static final String PUSH_TOKEN = "push-token-1a2b3c4d5e";
  private static final String PUSH_PASSWORD = "push-credential-9z8y7x";

  @Test
  void noSecretReachesTheLogsInAFullSession() throws Exception {
    TraceCapture trace = new TraceCapture();
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    OutputStreamAppender<ILoggingEvent> capture = capture(context, logs);
    root.addAppender(capture);
    root.setLevel(Level.DEBUG);
    try (ScriptedLlmServer llm = ScriptedLlmServer.start()) {
      for (int i = 0; i < 40; i++) {
        llm.enqueue(
            Reply.eventStream()
                .body(ProviderScripts.geminiStream(List.of("Study ", "daily."), 10, 4)));
      }
      llm.enqueue(Reply.status(401));
      llm.enqueue(Reply.status(401));
      try (TestServer server =
          TestServer.startWith(
              c ->
                  c.authToken(AUTH_TOKEN)
                      .pushAllowPrivate(true)
                      .pushAllowedHosts(List.of("127.0.0.1")),
              LlmClients.fromEnvironment(
                  Map.of(
                      "LLM_PROVIDER",
                      "gemini",
                      "GEMINI_API_KEY",
                      API_KEY,
                      "GEMINI_BASE_URL",
                      llm.baseUri().toString(),
                      "LLM_MAX_ATTEMPTS",
                      "1")))) {
        String bearer = "Bearer " + AUTH_TOKEN;
        StringWriter profile = new StringWriter();
        new CommandLine(new ProfileCommand())
            .setOut(new PrintWriter(profile, true))
            .setErr(new PrintWriter(profile, true))
            .execute("--url", server.url(), "--requests", "20", "--auth-token", AUTH_TOKEN);
        server.post(
            "/",
            pushSend("http://127.0.0.1:" + BackendProcess.freePort() + "/hook"),
            "Authorization",
            bearer);
        server.post(
            "/",
            JsonRpcProtocolIT.send("\"bad-token\"", "Hi"),
            "Authorization",
            "Bearer " + AUTH_TOKEN + "x");
        server.post("/", "{\"jsonrpc\":\"2.0\",\"id\":", "Authorization", bearer);
        server.post(
            "/", JsonRpcProtocolIT.send("\"model-refuses\"", "Hi"), "Authorization", bearer);
        server.post(
            "/", JsonRpcProtocolIT.send("\"model-refuses-2\"", "Hi"), "Authorization", bearer);
        assertThat(profile.toString()).contains("Successful:           20");
      }
    } finally {
      root.setLevel(level);
      root.detachAppender(capture);
      capture.stop();
    }

    String all = logs.toString(StandardCharsets.UTF_8) + String.join("\n", trace.lines());
    assertThat(all).as("the captured logs").contains("push", "task");
    for (String secret : List.of(AUTH_TOKEN, API_KEY, PUSH_TOKEN, PUSH_PASSWORD)) {
      assertThat(all).as("logs must not contain %s", secret).doesNotContain(secret);
    }
  }

  private static String pushSend(String url) {
    return "{\"jsonrpc\":\"2.0\",\"id\":\"push-1\",\"method\":\"message/send\",\"params\":{"
        + "\"configuration\":{\"blocking\":true,\"pushNotificationConfig\":{\"url\":\""
        + url
        + "\",\"token\":\""
        + PUSH_TOKEN
        + "\",\"authentication\":{\"schemes\":[\"Basic\"],\"credentials\":\""
        + PUSH_PASSWORD
        + "\"}}},\"message\":"
        + JsonRpcProtocolIT.message("Push me")
        + "}}";
  }

  private static OutputStreamAppender<ILoggingEvent> capture(
      LoggerContext context, ByteArrayOutputStream out) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %logger %msg%n%ex{full}");
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("secrets-scan");
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    return appender;
  }
}
