package io.agentmetrics.a2a;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Module;
import com.google.inject.name.Names;
import com.google.inject.util.Modules;
import io.agentmetrics.a2a.agent.TaskProcessor;
import io.agentmetrics.a2a.trace.TraceSettings;
import io.agentmetrics.a2a.v1.CardSettings;
import io.agentmetrics.agent.llm.LlmClient;
import io.opentelemetry.api.OpenTelemetry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A server on 127.0.0.1 and a free port, with a raw HTTP client; close it after each test. */
final class TestServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final A2aServer server;

  private TestServer(A2aServer server) {
    this.server = server;
  }

  static TestServer start() throws Exception {
    return start(b -> b, null);
  }

  static TestServer start(UnaryOperator<ServerConfig.Builder> config) throws Exception {
    return start(config, null);
  }

  static TestServer start(UnaryOperator<ServerConfig.Builder> config, TaskProcessor processor)
      throws Exception {
    return start(config, processor, new TraceSettings(true, 1.0, null));
  }

  static TestServer start(
      UnaryOperator<ServerConfig.Builder> config, TaskProcessor processor, TraceSettings trace)
      throws Exception {
    ServerConfig cfg =
        config
            .apply(
                ServerConfig.builder()
                    .port(0)
                    .simulatedLlmLatency(Duration.ZERO)
                    .shutdownGrace(Duration.ofSeconds(20))
                    .trace(trace))
            .build();
    return new TestServer(
        A2aServer.start(
            processor == null
                ? new A2aServerModule(cfg)
                : Modules.override(new A2aServerModule(cfg)).with(agent(processor))));
  }

  /** A server with the conformance agent and {@code cards}. */
  static TestServer startWithCards(CardSettings cards) throws Exception {
    ServerConfig cfg = ServerConfig.builder().port(0).simulatedLlmLatency(Duration.ZERO).build();
    return new TestServer(
        A2aServer.start(
            Modules.override(new A2aServerModule(cfg))
                .with(
                    new ConformanceAgentModule(),
                    binder -> binder.bind(CardSettings.class).toInstance(cards))));
  }

  /** A server with the default study agent that keeps its tasks as {@code stores} say. */
  static TestServer startOn(StoreSettings stores) throws Exception {
    ServerConfig cfg =
        ServerConfig.builder().port(0).simulatedLlmLatency(Duration.ZERO).store(stores).build();
    return new TestServer(A2aServer.start(new A2aServerModule(cfg)));
  }

  /** A server with the default study agent that reports to {@code openTelemetry}. */
  static TestServer startWith(
      UnaryOperator<ServerConfig.Builder> config, OpenTelemetry openTelemetry) throws Exception {
    ServerConfig cfg =
        config
            .apply(
                ServerConfig.builder()
                    .port(0)
                    .simulatedLlmLatency(Duration.ZERO)
                    .trace(new TraceSettings(true, 1.0, null)))
            .build();
    return new TestServer(
        A2aServer.start(
            Modules.override(new A2aServerModule(cfg))
                .with(binder -> binder.bind(OpenTelemetry.class).toInstance(openTelemetry))));
  }

  /** A server with {@code config} whose agent asks {@code llm}; the server closes it. */
  static TestServer startWith(UnaryOperator<ServerConfig.Builder> config, LlmClient llm)
      throws Exception {
    ServerConfig cfg =
        config
            .apply(ServerConfig.builder().port(0).trace(new TraceSettings(true, 1.0, null)))
            .build();
    return new TestServer(
        A2aServer.start(
            Modules.override(new A2aServerModule(cfg))
                .with(binder -> binder.bind(LlmClient.class).toInstance(llm))));
  }

  /** Replaces the study agent with {@code processor}, labelled {@code test}. */
  private static Module agent(TaskProcessor processor) {
    return binder -> {
      binder.bind(TaskProcessor.class).toInstance(processor);
      binder
          .bind(String.class)
          .annotatedWith(Names.named(A2aServerModule.LLM_LABEL))
          .toInstance("test");
    };
  }

  A2aServer server() {
    return server;
  }

  URI uri(String path) {
    return server.baseUri().resolve(path);
  }

  String url() {
    return server.baseUri() + "/";
  }

  HttpResponse<String> post(String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code body} without a Content-Length: HTTP/1.1 chunked transfer encoding. */
  HttpResponse<String> postChunked(String path, String body)
      throws IOException, InterruptedException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(uri(path))
            .version(HttpClient.Version.HTTP_1_1)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Posts a blocking {@code message/send} of {@code text} with JSON-RPC id {@code id}; its task id.
   */
  String sendForTaskId(String path, String id, String text)
      throws IOException, InterruptedException {
    String body = post(path, JsonRpcProtocolIT.send("\"" + id + "\"", text)).body();
    return JSON.readTree(body).path("result").path("id").asText();
  }

  HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.close();
  }
}
