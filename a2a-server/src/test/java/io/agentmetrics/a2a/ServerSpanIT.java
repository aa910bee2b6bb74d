package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every HTTP request is a SERVER span, the root of the request's trace (or a child of the
 * caller's), and the agent's execution hangs below it as GenAI spans, with GenAI metrics beside.
 */
class ServerSpanIT {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();

  @AfterEach
  void closeSdk() {
    sdk.close();
  }

  @Test
  void aJsonRpcRequestIsAServerSpanThatContinuesTheCallersTrace() throws Exception {
    send("/tasks/send");

    SpanData span = byName().get("POST /tasks/send");
    assertThat(span).isNotNull();
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200L);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("http.route")))
        .isEqualTo("/tasks/send");
  }

  @Test
  void theAgentsExecutionIsAnInvokeAgentSpanUnderTheRequestWithItsStagesAndChatCallInside()
      throws Exception {
    send("/");

    Map<String, SpanData> byName = byName();
    SpanData http = byName.get("POST /");
    SpanData agent = byName.get("invoke_agent study-agent");
    SpanData chat = byName.get("chat simulated-study-planner");
    assertThat(http).isNotNull();
    assertThat(agent).as("spans: %s", byName.keySet()).isNotNull();
    assertThat(chat).as("spans: %s", byName.keySet()).isNotNull();
    assertThat(agent.getParentSpanId()).isEqualTo(http.getSpanId());
    assertThat(agent.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(agent.getAttributes().get(AttributeKey.stringKey("gen_ai.agent.name")))
        .isEqualTo("study-agent");
    SpanData execution = byName.get("execution");
    assertThat(execution.getParentSpanId()).isEqualTo(agent.getSpanId());
    assertThat(chat.getParentSpanId()).isEqualTo(execution.getSpanId());
    assertThat(chat.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(chat.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name")))
        .isEqualTo("simulated");
    assertThat(chat.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")))
        .isPositive();
    for (String stage : List.of("text_extraction", "context_lookup", "response_building")) {
      assertThat(byName.get(stage)).as(stage).isNotNull();
      assertThat(byName.get(stage).getParentSpanId()).isEqualTo(execution.getSpanId());
    }
  }

  /**
   * A body that arrives after its headers is read once it comes, after the handler has returned:
   * the agent's spans must still hang below the request's span.
   */
  @Test
  void theAgentsSpansStayUnderTheRequestWhenTheBodyArrivesAfterItsHeaders() throws Exception {
    try (A2aServer server = A2aServer.start(tracedBy(sdk));
        java.net.Socket socket =
            new java.net.Socket(
                java.net.InetAddress.getLoopbackAddress(), server.baseUri().getPort())) {
      byte[] body = JsonRpcProtocolIT.send("\"late\"", "Trace me").getBytes(StandardCharsets.UTF_8);
      var out = socket.getOutputStream();
      out.write(
          ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "traceparent: 00-"
                  + TRACE_ID
                  + "-00f067aa0ba902b7-01\r\nConnection: close\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(300); // a slow client, the behaviour under test: the handler returns first
      out.write(body);
      out.flush();

      assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .startsWith("HTTP/1.1 200")
          .contains("\"completed\"");
    }

    Map<String, SpanData> byName = byName();
    SpanData agent = byName.get("invoke_agent study-agent");
    assertThat(agent).as("spans: %s", byName.keySet()).isNotNull();
    assertThat(agent.getParentSpanId()).isEqualTo(byName.get("POST /").getSpanId());
    assertThat(agent.getTraceId()).isEqualTo(TRACE_ID);
  }

  @Test
  void aMethodTheConventionsDoNotKnowIsNamedHttpAndReportedAsOther() throws Exception {
    try (A2aServer server = A2aServer.start(tracedBy(sdk))) {
      for (String method : List.of("FOO", "BAR-1")) {
        try (java.net.Socket socket =
            new java.net.Socket(
                java.net.InetAddress.getLoopbackAddress(), server.baseUri().getPort())) {
          socket
              .getOutputStream()
              .write(
                  (method + " / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                      .getBytes(StandardCharsets.US_ASCII));
          assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
              .startsWith("HTTP/1.1 405");
        }
      }
    }

    List<SpanData> requests =
        spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
    assertThat(requests).hasSize(2).extracting(SpanData::getName).containsOnly("HTTP /");
    assertThat(requests)
        .extracting(s -> s.getAttributes().get(AttributeKey.stringKey("http.request.method")))
        .containsOnly("_OTHER");
    assertThat(requests)
        .extracting(
            s -> s.getAttributes().get(AttributeKey.stringKey("http.request.method_original")))
        .containsExactlyInAnyOrder("FOO", "BAR-1");
  }

  @Test
  void everyExecutionFeedsTheGenAiMetrics() throws Exception {
    send("/");
    send("/tasks/send");

    Map<String, MetricData> byName = metricsByName();

    assertThat(byName)
        .containsKeys(
            "gen_ai.invoke_agent.duration",
            "gen_ai.client.inference.duration",
            "gen_ai.client.inference.time_to_first_chunk",
            "gen_ai.client.inference.usage.output_tokens",
            "agentmetrics.gen_ai.invoke_agent.cost");
    assertThat(byName.keySet()).noneMatch(name -> name.startsWith("gen_ai.server."));
    assertThat(invocations(byName)).isEqualTo(2);
  }

  @Test
  void a1_0SendInEitherBindingIsTracedAndMeasuredAsA0_3SendIs() throws Exception {
    send(
        "/",
        A2aV1WireFormatIT.rpc("SendMessage", A2aV1WireFormatIT.sendMessage("otel-rpc")),
        "A2A-Version",
        "1.0");
    send("/message:send", A2aV1WireFormatIT.sendMessage("otel-rest"), "A2A-Version", "1.0");

    Map<String, SpanData> byId =
        spans.getFinishedSpanItems().stream()
            .collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
    List<SpanData> agents =
        byId.values().stream().filter(s -> s.getName().equals("invoke_agent study-agent")).toList();
    assertThat(agents).as("spans: %s", byId.values()).hasSize(2);
    for (SpanData agent : agents) {
      SpanData request = byId.get(agent.getParentSpanId());
      assertThat(request).as("the request span of %s", agent).isNotNull();
      assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
      assertThat(request.getTraceId()).isEqualTo(TRACE_ID);
    }
    Map<String, MetricData> byName = metricsByName();
    assertThat(byName)
        .containsKeys(
            "gen_ai.client.inference.usage.output_tokens", "agentmetrics.gen_ai.invoke_agent.cost");
    assertThat(invocations(byName)).isEqualTo(2);
  }

  private void send(String path) throws Exception {
    send(path, JsonRpcProtocolIT.send("\"s1\"", "Trace me"));
  }

  /** Sends {@code body} to a server of its own, in the caller's trace. */
  private void send(String path, String body, String... headers) throws Exception {
    try (A2aServer server = A2aServer.start(tracedBy(sdk))) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(server.baseUri() + path))
              .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body));
      if (headers.length > 0) {
        request.headers(headers);
      }
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
  }

  private Map<String, MetricData> metricsByName() {
    return metrics.collectAllMetrics().stream()
        .collect(Collectors.toMap(MetricData::getName, Function.identity()));
  }

  private static long invocations(Map<String, MetricData> byName) {
    return byName.get("gen_ai.invoke_agent.duration").getHistogramData().getPoints().stream()
        .mapToLong(point -> point.getCount())
        .sum();
  }

  private Map<String, SpanData> byName() {
    return spans.getFinishedSpanItems().stream()
        .collect(Collectors.toMap(SpanData::getName, Function.identity(), (a, b) -> a));
  }

  /** A server with the simulated model answering at once, whose spans go to {@code otel}. */
  private static Module tracedBy(OpenTelemetry otel) {
    return Modules.override(
            new A2aServerModule(
                ServerConfig.builder().port(0).simulatedLlmLatency(Duration.ZERO).build()))
        .with(binder -> binder.bind(OpenTelemetry.class).toInstance(otel));
  }
}
