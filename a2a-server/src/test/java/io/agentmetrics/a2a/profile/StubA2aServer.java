package io.agentmetrics.a2a.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.dashboard.DashboardPage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A real HTTP server on 127.0.0.1 and a free port that answers {@code POST /tasks/send} like an A2A
 * agent, following a script: request {@code n} (1-based, counting every POST) gets the {@link
 * Reply} the script returns for it.
 */
final class StubA2aServer implements AutoCloseable {

  private static final Pattern INLINE =
      Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What the stub does with one request. */
  sealed interface Reply {
    /** A completed task after {@code delayMillis}; streams send the first event at once. */
    record Task(long delayMillis) implements Reply {}

    /** A JSON-RPC error object with HTTP 200. */
    record RpcError(int code, String message) implements Reply {}

    /** A bare HTTP status with an HTML body, as a broken proxy would send. */
    record Status(int status) implements Reply {}

    /** No answer (for streams: no event after the first) until {@link #release()} (or 30 s). */
    record Hang() implements Reply {}
  }

  static Reply ok() {
    return new Reply.Task(0);
  }

  private final Server server;
  private final ServerConnector connector;
  private final IntFunction<Reply> script;
  private final AtomicInteger posts = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile String metricsSummary = "";

  StubA2aServer(IntFunction<Reply> script) {
    this.script = script;
    QueuedThreadPool threads = new QueuedThreadPool(64, 8);
    threads.setDaemon(true);
    server = new Server(threads);
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            serve(request, response, callback);
            return true;
          }
        });
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("stub server did not start", e);
    }
  }

  static StubA2aServer answeringOk() {
    return new StubA2aServer(n -> ok());
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  /** Serve this JSON at {@code GET /metrics/summary} (404 until set). */
  StubA2aServer withMetricsSummary(String json) {
    metricsSummary = json;
    return this;
  }

  void release() {
    release.countDown();
  }

  int posts() {
    return posts.get();
  }

  List<JsonNode> bodies() {
    return List.copyOf(bodies);
  }

  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** A port on which nothing listens. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void serve(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if ("GET".equals(request.getMethod()) && "/metrics/summary".equals(path)) {
      if (metricsSummary.isEmpty()) {
        Response.writeError(request, response, callback, 404);
      } else {
        respond(response, callback, 200, "application/json", metricsSummary);
      }
      return;
    }
    if ("GET".equals(request.getMethod()) && "/dashboard".equals(path)) {
      String page = DashboardPage.render();
      response.getHeaders().put("Content-Security-Policy", hashPolicy(page));
      respond(response, callback, 200, "text/html;charset=utf-8", page);
      return;
    }
    if (!"POST".equals(request.getMethod()) || !"/tasks/send".equals(path)) {
      Response.writeError(request, response, callback, 404);
      return;
    }
    JsonNode body = MAPPER.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
    bodies.add(body);
    String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    authorizations.add(authorization == null ? "" : authorization);
    int n = posts.incrementAndGet();
    Reply reply = script.apply(n);
    JsonNode id = body.path("id");
    boolean stream = "message/stream".equals(body.path("method").asText());
    if (reply instanceof Reply.Hang && stream) {
      hangMidStream(response, callback, id);
    } else if (reply instanceof Reply.Hang) {
      release.await(30, TimeUnit.SECONDS);
      respond(response, callback, 200, "application/json", result(id, "completed"));
    } else if (reply instanceof Reply.Status status) {
      respond(response, callback, status.status(), "text/html", "<html>oops</html>");
    } else if (reply instanceof Reply.RpcError error) {
      respond(
          response,
          callback,
          200,
          "application/json",
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + id
              + ",\"error\":{\"code\":"
              + error.code()
              + ",\"message\":\""
              + error.message()
              + "\"}}");
    } else if (reply instanceof Reply.Task task && stream) {
      stream(response, callback, id, task.delayMillis());
    } else if (reply instanceof Reply.Task task) {
      pause(task.delayMillis());
      respond(response, callback, 200, "application/json", result(id, "completed"));
    }
  }

  private static void stream(Response response, Callback callback, JsonNode id, long delayMillis)
      throws IOException, InterruptedException {
    try (OutputStream out = openWorkingStream(response, id)) {
      pause(delayMillis);
      String done =
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + id
              + ",\"result\":{\"kind\":\"status-update\",\"taskId\":\"task-1\","
              + "\"contextId\":\"ctx-1\",\"status\":{\"state\":\"completed\"},\"final\":true}}";
      out.write(("data: " + done + "\n\n").getBytes(StandardCharsets.UTF_8));
    }
    callback.succeeded();
  }

  private void hangMidStream(Response response, Callback callback, JsonNode id)
      throws IOException, InterruptedException {
    try {
      OutputStream out = openWorkingStream(response, id);
      try {
        release.await(30, TimeUnit.SECONDS);
      } finally {
        out.close();
      }
    } catch (IOException e) {
      // The client gave up on the stream, which is what the test wants.
    }
    callback.succeeded();
  }

  /** Starts an event stream whose first event, already sent, is the task {@code working}. */
  private static OutputStream openWorkingStream(Response response, JsonNode id) throws IOException {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
    OutputStream out = Content.Sink.asOutputStream(response);
    out.write(("data: " + result(id, "working") + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    return out;
  }

  private static String result(JsonNode id, String state) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"result\":{\"kind\":\"task\",\"id\":\"task-1\",\"contextId\":\"ctx-1\","
        + "\"status\":{\"state\":\""
        + state
        + "\"},\"artifacts\":[{\"artifactId\":\"a-1\",\"parts\":[{\"kind\":\"text\","
        + "\"text\":\"Mitosis makes two identical cells; meiosis makes four gametes.\"}]}]}}";
  }

  /**
   * A policy as strict as the server's dashboard gets: nothing but the page's own inline script and
   * style, allowed by their SHA-256 hashes, and fetches from its own origin. A page that needed
   * anything more would not draw in the browser.
   */
  private static String hashPolicy(String page) throws NoSuchAlgorithmException {
    StringBuilder scripts = new StringBuilder();
    StringBuilder styles = new StringBuilder();
    Matcher inline = INLINE.matcher(page);
    while (inline.find()) {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(inline.group(2).getBytes(StandardCharsets.UTF_8));
      ("script".equals(inline.group(1)) ? scripts : styles)
          .append(" 'sha256-")
          .append(Base64.getEncoder().encodeToString(digest))
          .append('\'');
    }
    return "default-src 'none'; script-src"
        + scripts
        + "; style-src"
        + styles
        + "; connect-src 'self'; img-src 'self' data:";
  }

  private static void respond(
      Response response, Callback callback, int status, String contentType, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    Content.Sink.write(response, true, body, callback);
  }

  /** The scripted server-side latency; this is the stub's behaviour, not test synchronisation. */
  private static void pause(long millis) throws InterruptedException {
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  @Override
  public void close() {
    release();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stub server did not stop", e);
    }
  }
}
