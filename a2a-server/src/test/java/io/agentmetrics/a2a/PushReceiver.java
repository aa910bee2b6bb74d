package io.agentmetrics.a2a;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A local webhook that records push notifications; the first {@code failures} calls get 503. */
final class PushReceiver implements AutoCloseable {

  record Received(String body, Map<String, List<String>> headers) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  final CountDownLatch delivered = new CountDownLatch(1);
  final AtomicInteger calls = new AtomicInteger();
  private final HttpServer server;

  PushReceiver(int failures) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          if (calls.incrementAndGet() <= failures) {
            exchange.sendResponseHeaders(503, -1);
          } else {
            received.add(
                new Received(
                    new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders()));
            exchange.sendResponseHeaders(204, -1);
            delivered.countDown();
          }
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
