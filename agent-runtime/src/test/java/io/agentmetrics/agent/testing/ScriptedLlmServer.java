package io.agentmetrics.agent.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP server on 127.0.0.1 that answers each request with the next scripted {@link Reply},
 * byte by byte as scripted: split writes, pauses, stalls and cut connections. LLM client tests use
 * it to replay providers' documented formats and faults; it is published in this module's test-jar
 * for other modules' fault tests.
 *
 * <pre>{@code
 * try (ScriptedLlmServer server = ScriptedLlmServer.start()) {
 *   server.enqueue(Reply.status(429).header("Retry-After", "1").body("{}"));
 *   server.enqueue(Reply.ok().chunk("data: {...}\n\n").pause(Duration.ofMillis(200)).chunk(...));
 *   // point a client at server.baseUri()
 * }
 * }</pre>
 *
 * <p>Thread-safe: replies may be enqueued and requests read from any thread. A request that finds
 * no reply gets HTTP 500 with the body {@code no scripted reply}.
 *
 * @since 0.1.0
 */
public final class ScriptedLlmServer implements AutoCloseable {

  private final Server server;
  private final ServerConnector connector;
  private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
  private final List<RecordedRequest> allRequests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final CountDownLatch clientDisconnected = new CountDownLatch(1);

  private ScriptedLlmServer() {
    server = new Server();
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new ScriptHandler());
    // Stalled replies end when close() releases them; nothing is worth waiting for at stop.
    server.setStopTimeout(0);
  }

  /** Starts a server on a free port of 127.0.0.1. */
  public static ScriptedLlmServer start() {
    ScriptedLlmServer scripted = new ScriptedLlmServer();
    try {
      scripted.server.start();
    } catch (Exception e) {
      throw new IllegalStateException("could not start the scripted server", e);
    }
    return scripted;
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  /** Adds a reply for a later request; replies are used in the order they were added. */
  public ScriptedLlmServer enqueue(Reply reply) {
    replies.add(requireNonNull(reply, "reply"));
    return this;
  }

  /** Waits up to {@code timeout} for the next request not yet taken. */
  public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
    RecordedRequest request = requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (request == null) {
      throw new AssertionError("no request arrived within " + timeout);
    }
    return request;
  }

  /** Every request received so far, in arrival order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(allRequests);
  }

  /**
   * Waits up to {@code timeout} until a {@link Reply#repeatUntilDisconnected} reply sees the client
   * go away; returns whether it did.
   */
  public boolean awaitClientDisconnect(Duration timeout) throws InterruptedException {
    return clientDisconnected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the scripted server", e);
    }
  }

  /**
   * A request as the server received it.
   *
   * @param method the HTTP method
   * @param path the path, without query
   * @param query the raw query, or an empty string
   * @param headers the headers, by lower-case name
   * @param body the body as UTF-8
   * @since 0.1.0
   */
  public record RecordedRequest(
      String method, String path, String query, Map<String, String> headers, String body) {

    /** The value of header {@code name} (any case), or null if absent. */
    public @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * What to answer to one request: a status, headers, and steps that write, pause, stall or cut.
   * Not thread-safe while being built.
   *
   * @since 0.1.0
   */
  public static final class Reply {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();

    private Reply(int status) {
      this.status = status;
    }

    /** A reply with status 200. */
    public static Reply ok() {
      return new Reply(200);
    }

    /** A reply with {@code status}. */
    public static Reply status(int status) {
      return new Reply(status);
    }

    /** A 200 reply of server-sent events. */
    public static Reply eventStream() {
      return ok().header("Content-Type", "text/event-stream");
    }

    /** A reply with {@code status} and a JSON body. */
    public static Reply json(int status, String json) {
      return status(status).header("Content-Type", "application/json").body(json);
    }

    /** Sets a header. */
    public Reply header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** Writes {@code text} as UTF-8 in one flushed write. */
    public Reply body(String text) {
      return chunk(text.getBytes(UTF_8));
    }

    /** Writes {@code text} as UTF-8 in one flushed write. */
    public Reply chunk(String text) {
      return chunk(text.getBytes(UTF_8));
    }

    /** Writes {@code bytes} in one flushed write. */
    public Reply chunk(byte[] bytes) {
      steps.add(new Write(bytes.clone()));
      return this;
    }

    /**
     * Writes {@code text} as UTF-8 in flushed writes of {@code size} bytes each, so that chunk
     * boundaries fall inside lines, JSON and multi-byte characters.
     */
    public Reply chunksOf(String text, int size) {
      byte[] bytes = text.getBytes(UTF_8);
      for (int start = 0; start < bytes.length; start += size) {
        chunk(Arrays.copyOfRange(bytes, start, Math.min(bytes.length, start + size)));
      }
      return this;
    }

    /** Waits {@code duration} before the next step. */
    public Reply pause(Duration duration) {
      steps.add(new Pause(duration));
      return this;
    }

    /** Waits, writing nothing, until the server is closed. */
    public Reply stall() {
      steps.add(new Stall());
      return this;
    }

    /** Ends the reply by dropping the connection, without the end of the body. */
    public Reply cut() {
      steps.add(new Cut());
      return this;
    }

    /**
     * Writes {@code text} every {@code interval} until a write fails because the client went away
     * (then {@link ScriptedLlmServer#awaitClientDisconnect} returns true) or the server closes.
     */
    public Reply repeatUntilDisconnected(String text, Duration interval) {
      steps.add(new Repeat(text.getBytes(UTF_8), interval));
      return this;
    }
  }

  private sealed interface Step permits Write, Pause, Stall, Cut, Repeat {}

  @SuppressWarnings("ArrayRecordComponent") // a step is never compared
  private record Write(byte[] bytes) implements Step {}

  private record Pause(Duration duration) implements Step {}

  private record Stall() implements Step {}

  private record Cut() implements Step {}

  @SuppressWarnings("ArrayRecordComponent") // a step is never compared
  private record Repeat(byte[] bytes, Duration interval) implements Step {}

  private final class ScriptHandler extends Handler.Abstract {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Map<String, String> headers = new LinkedHashMap<>();
      for (HttpField field : request.getHeaders()) {
        headers.put(field.getLowerCaseName(), field.getValue());
      }
      String query = request.getHttpURI().getQuery();
      RecordedRequest recorded =
          new RecordedRequest(
              request.getMethod(),
              request.getHttpURI().getPath(),
              query == null ? "" : query,
              Map.copyOf(headers),
              Content.Source.asString(request, UTF_8));
      allRequests.add(recorded);
      requests.add(recorded);

      Reply reply = replies.poll();
      if (reply == null) {
        Response.writeError(request, response, callback, 500, "no scripted reply");
        return true;
      }
      response.setStatus(reply.status);
      reply.headers.forEach((name, value) -> response.getHeaders().put(name, value));
      try {
        for (Step step : reply.steps) {
          if (step instanceof Write write) {
            write(response, write.bytes());
          } else if (step instanceof Pause pause) {
            if (closed.await(pause.duration().toNanos(), TimeUnit.NANOSECONDS)) {
              throw new IllegalStateException("server closed");
            }
          } else if (step instanceof Stall) {
            closed.await();
            throw new IllegalStateException("server closed");
          } else if (step instanceof Cut) {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new IllegalStateException("scripted cut"));
            return true;
          } else if (step instanceof Repeat repeat) {
            repeatUntilDisconnected(response, repeat);
            callback.failed(new IllegalStateException("client disconnected"));
            return true;
          }
        }
        Callback.Completable done = new Callback.Completable();
        response.write(true, ByteBuffer.allocate(0), done);
        done.get(10, TimeUnit.SECONDS);
        callback.succeeded();
      } catch (Exception e) {
        callback.failed(e);
      }
      return true;
    }

    private void repeatUntilDisconnected(Response response, Repeat repeat)
        throws InterruptedException {
      while (!closed.await(repeat.interval().toNanos(), TimeUnit.NANOSECONDS)) {
        try {
          write(response, repeat.bytes());
        } catch (Exception writeFailed) {
          clientDisconnected.countDown();
          return;
        }
      }
    }

    private void write(Response response, byte[] bytes) throws Exception {
      Callback.Completable written = new Callback.Completable();
      response.write(false, ByteBuffer.wrap(bytes), written);
      written.get(10, TimeUnit.SECONDS);
    }
  }
}
