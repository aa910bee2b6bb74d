package io.agentmetrics.a2a;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A local webhook on 127.0.0.1 that records push notifications and answers each call as its script
 * says; it notes when every call arrived. Public for the task package's tests.
 */
public final class PushReceiver implements AutoCloseable {

  /** One push answered with a 2xx. */
  public record Received(String body, Map<String, List<String>> headers) {}

  /** The answer to one call: a status and, if not null, a {@code Retry-After} header. */
  public record Answer(int status, @Nullable String retryAfter) {
    /** An answer without headers. */
    public static Answer of(int status) {
      return new Answer(status, null);
    }
  }

  /** The pushes answered with a 2xx. */
  public final List<Received> received = new CopyOnWriteArrayList<>();

  /** {@link System#nanoTime()} at the arrival of each call, in order. */
  public final List<Long> callNanos = new CopyOnWriteArrayList<>();

  /** Counted down by the first 2xx. */
  public final CountDownLatch delivered = new CountDownLatch(1);

  /** Calls so far. */
  public final AtomicInteger calls = new AtomicInteger();

  private final HttpServer server;

  /** A receiver whose first {@code failures} calls get 503 and the rest 204. */
  public PushReceiver(int failures) throws IOException {
    this(call -> Answer.of(call <= failures ? 503 : 204));
  }

  /** A receiver that answers call {@code n} (from 1) with {@code script.apply(n)}. */
  public PushReceiver(IntFunction<Answer> script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          callNanos.add(System.nanoTime());
          byte[] body = exchange.getRequestBody().readAllBytes();
          Answer answer = script.apply(calls.incrementAndGet());
          if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
          }
          if (answer.status() / 100 == 2) {
            received.add(
                new Received(
                    new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders()));
          }
          exchange.sendResponseHeaders(answer.status(), -1);
          if (answer.status() / 100 == 2) {
            delivered.countDown();
          }
          exchange.close();
        });
    server.start();
  }

  /** The webhook's URL on 127.0.0.1. */
  public String url() {
    return "http://127.0.0.1:" + port() + "/hook";
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
