package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The memory floods of issue 23 against the shaded jar in a JVM of its own with {@code -Xmx256m}:
 * rounds of 16 concurrent 1 MiB sends whose data part is {@code [{},{},...]}, then enough valid 1
 * MiB sends to fill the stores several times over. No answer is a 5xx other than 503 (with {@code
 * Retry-After}), no connection breaks, the process never runs out of memory, and afterwards it
 * answers {@code /health} and a normal send.
 */
class MemoryFloodIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BODY_BYTES = LimitsConfig.DEFAULT_MAX_BODY_BYTES;
  private static final int FLOOD_CLIENTS = 16;
  private static final int FLOOD_ROUNDS = 3;
  private static final int FILL_CLIENTS = 4;

  /** 1 MiB each: five times what the task store may hold at this heap (an eighth of it). */
  private static final int FILL_SENDS = 160;

  /** How long a filler refused with 503 waits before it sends again. */
  private static final Duration RETRY_PAUSE = Duration.ofMillis(10);

  /** Far more than the floods take on a busy 2-core machine; a server that thrashes runs out. */
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Test
  void floodsAtXmx256mGetNoServerErrorButBusyAndServiceResumes() throws Exception {
    try (ServerProcess server = start(Map.of())) {
      Outcomes outcomes = new Outcomes();

      floodWithEmptyObjects(server, outcomes);
      fill(server, outcomes, sendWithTextParts(BODY_BYTES - 2_000));

      assertSurvived(server, outcomes);
      JsonNode tasks = stores(server).path("tasks");
      assertThat(tasks.path("taskEvictions").asLong())
          .as("the task store was filled and evicted by weight: %s", tasks)
          .isPositive();
    }
  }

  /**
   * With the token limit raised so far that a megabyte of {@code [{},{},...]} is accepted, the
   * floods are stored: each data part is kept as its text, not as a tree thirty times its size.
   */
  @Test
  void megabytesOfEmptyObjectsAreStoredAsTextAtXmx256m() throws Exception {
    try (ServerProcess server = start(Map.of("A2A_MAX_JSON_TOKENS", "1000000"))) {
      Outcomes outcomes = new Outcomes();

      floodWithEmptyObjects(server, outcomes);

      assertSurvived(server, outcomes);
      assertThat(stores(server).path("tasks").path("bytes").asLong())
          .as("at least one megabyte of empty objects was stored")
          .isGreaterThan(BODY_BYTES / 2);
    }
  }

  private static ServerProcess start(Map<String, String> env) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("SIMULATED_LLM_LATENCY_MS", "0");
    return ServerProcess.start(List.of("-Xmx256m"), all);
  }

  /**
   * Rounds of {@value #FLOOD_CLIENTS} concurrent 1 MiB sends whose data part is {@code [{},...]}.
   */
  private static void floodWithEmptyObjects(ServerProcess server, Outcomes outcomes)
      throws Exception {
    byte[] emptyObjects = sendWithDataPart(emptyObjectsFilling(BODY_BYTES - 400));
    ExecutorService clients = Executors.newFixedThreadPool(FLOOD_CLIENTS);
    try {
      for (int round = 0; round < FLOOD_ROUNDS; round++) {
        List<Callable<Void>> sends = new ArrayList<>();
        for (int i = 0; i < FLOOD_CLIENTS; i++) {
          sends.add(
              () -> {
                outcomes.post(server.url(), emptyObjects);
                return null;
              });
        }
        for (Future<Void> send : clients.invokeAll(sends)) {
          send.get();
        }
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /**
   * Sends {@code body} from {@value #FILL_CLIENTS} clients until {@value #FILL_SENDS} are stored.
   * At this heap each 1 MiB send reserves more than the whole in-flight budget, so the server takes
   * them one at a time and refuses the others with 503; a refused client tries again shortly.
   */
  private static void fill(ServerProcess server, Outcomes outcomes, byte[] body) throws Exception {
    AtomicInteger stored = new AtomicInteger();
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    ExecutorService clients = Executors.newFixedThreadPool(FILL_CLIENTS);
    try {
      List<Callable<Void>> fillers = new ArrayList<>();
      for (int i = 0; i < FILL_CLIENTS; i++) {
        fillers.add(
            () -> {
              while (System.nanoTime() < deadline && stored.get() < FILL_SENDS) {
                if (outcomes.post(server.url(), body)) {
                  stored.incrementAndGet();
                } else {
                  Thread.sleep(RETRY_PAUSE.toMillis());
                }
              }
              return null;
            });
      }
      for (Future<Void> filler : clients.invokeAll(fillers)) {
        filler.get();
      }
    } finally {
      clients.shutdownNow();
    }
    if (stored.get() < FILL_SENDS) {
      outcomes.failures.add(
          "only " + stored.get() + " of " + FILL_SENDS + " sends stored within " + DEADLINE);
    }
  }

  /** No 5xx but 503, no broken exchange, no OutOfMemoryError, and service as usual afterwards. */
  private static void assertSurvived(ServerProcess server, Outcomes outcomes) throws Exception {
    assertThat(outcomes.failures)
        .as("5xx other than 503, broken exchanges (statuses: %s)", outcomes.statuses)
        .isEmpty();
    assertThat(outcomes.accepted.get()).as("sends that were stored").isPositive();
    assertThat(server.lines).noneMatch(line -> line.contains("OutOfMemoryError"));
    assertThat(server.process.isAlive()).isTrue();
    HttpResponse<String> health =
        HTTP.send(
            HttpRequest.newBuilder(server.url().resolve("health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    HttpResponse<String> normal =
        HTTP.send(
            HttpRequest.newBuilder(server.url())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JsonRpcProtocolIT.send("\"after\"", "Still there?")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(normal.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(normal.body()).path("result").path("status").path("state").asText())
        .isEqualTo("completed");
  }

  private static JsonNode stores(ServerProcess server) throws Exception {
    return JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(server.url().resolve("metrics/summary")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body())
        .path("stores");
  }

  /** A data part {@code [{},{},...]} of about {@code bytes}. */
  private static String emptyObjectsFilling(int bytes) {
    StringBuilder data = new StringBuilder(bytes).append("[{}");
    while (data.length() < bytes - 4) {
      data.append(",{}");
    }
    return data.append(']').toString();
  }

  private static byte[] sendWithDataPart(String data) {
    return envelope(
        "[{\"kind\":\"text\",\"text\":\"What is in the data?\"},{\"kind\":\"data\",\"data\":"
            + data
            + "}]",
        "");
  }

  /** A valid send of about {@code bytes}: a question and text parts of 60,000 characters. */
  private static byte[] sendWithTextParts(int bytes) {
    StringBuilder parts = new StringBuilder("[{\"kind\":\"text\",\"text\":\"Summarize these.\"}");
    String text = "a".repeat(60_000);
    while (parts.length() + text.length() + 30 < bytes) {
      parts.append(",{\"kind\":\"text\",\"text\":\"").append(text).append("\"}");
    }
    // The answer leaves the history out: what is stored is the point, not a megabyte echoed back.
    return envelope(parts.append(']').toString(), ",\"configuration\":{\"historyLength\":0}");
  }

  private static byte[] envelope(String parts, String configuration) {
    return ("{\"jsonrpc\":\"2.0\",\"id\":\"flood\",\"method\":\"message/send\",\"params\":"
            + "{\"message\":{\"role\":\"user\",\"messageId\":\"m\",\"parts\":"
            + parts
            + "}"
            + configuration
            + "}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** What the flood got back; a failure is a 5xx other than 503, or a broken exchange. */
  private static final class Outcomes {
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    final AtomicInteger accepted = new AtomicInteger();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();

    /** Sends {@code body} and records the answer; returns whether the send was stored. */
    boolean post(URI url, byte[] body) throws InterruptedException {
      HttpResponse<byte[]> response;
      try {
        response =
            HTTP.send(
                HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        failures.add("broken exchange: " + e);
        return false;
      }
      int status = response.statusCode();
      statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
      if (status == 503) {
        if (response.headers().firstValue("Retry-After").isEmpty()) {
          failures.add("503 without Retry-After");
        }
      } else if (status >= 500) {
        failures.add("HTTP " + status);
      } else if (status == 200 && contains(response.body(), "\"result\"")) {
        accepted.incrementAndGet();
        return true;
      }
      return false;
    }

    private static boolean contains(byte[] body, String fragment) {
      return new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8)
          .contains(fragment);
    }
  }
}
