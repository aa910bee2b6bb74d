package io.agentmetrics.a2a.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Sends one JSON-RPC request and classifies what came back. A response counts as a success only
 * when it is HTTP 200, valid JSON-RPC with a {@code result}, and (for tasks) not in a failed state;
 * every other outcome carries a {@link FailureCause}.
 *
 * <p>Thread-safe: it holds only the shared {@link HttpClient} and {@link ObjectMapper}, both of
 * which are thread-safe.
 */
final class RequestSender {

  /** Failed task states in A2A 0.3 and 1.0. */
  private static final Set<String> FAILED_TASK_STATES =
      Set.of("failed", "rejected", "TASK_STATE_FAILED", "TASK_STATE_REJECTED");

  private final HttpClient client;
  private final ObjectMapper mapper;
  private final boolean stream;
  private final NanoClock clock;
  private final ScheduledExecutorService watchdog;
  private final Duration timeout;

  /**
   * Creates a sender.
   *
   * @param watchdog closes a stream that is still open when {@code timeout} has passed, because the
   *     HTTP client's own timeout only covers the wait for the response headers
   */
  RequestSender(
      HttpClient client,
      ObjectMapper mapper,
      boolean stream,
      NanoClock clock,
      ScheduledExecutorService watchdog,
      Duration timeout) {
    this.client = client;
    this.mapper = mapper;
    this.stream = stream;
    this.clock = clock;
    this.watchdog = watchdog;
    this.timeout = timeout;
  }

  /** Sends the request and blocks until the whole response (or stream) has been read. */
  Outcome send(HttpRequest request) {
    try {
      return stream ? sendStreaming(request) : sendBlocking(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.failure(FailureCause.IO_ERROR, "interrupted");
    } catch (IOException | RuntimeException e) {
      return classify(e);
    }
  }

  private Outcome sendBlocking(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      return Outcome.failure(
          FailureCause.httpStatus(response.statusCode()), "HTTP " + response.statusCode());
    }
    return judgeJson(new String(response.body(), StandardCharsets.UTF_8));
  }

  /** A whole JSON-RPC response; a stream request may get one too, e.g. for invalid params. */
  private Outcome judgeJson(String text) {
    JsonNode body;
    try {
      body = mapper.readTree(text);
    } catch (IOException e) {
      return Outcome.failure(FailureCause.INVALID_RESPONSE, "response is not JSON");
    }
    return body == null
        ? Outcome.failure(FailureCause.INVALID_RESPONSE, "response is empty")
        : judge(body, Outcome.NO_EVENT);
  }

  private Outcome sendStreaming(HttpRequest request) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    InputStream in = response.body();
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> guard =
        watchdog.schedule(
            () -> {
              expired.set(true);
              closeQuietly(in);
            },
            Math.max(0, deadline - System.nanoTime()),
            TimeUnit.NANOSECONDS);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      boolean json =
          response
              .headers()
              .firstValue("Content-Type")
              .map(type -> type.startsWith("application/json"))
              .orElse(false);
      Outcome outcome =
          json
              ? judgeJson(reader.lines().collect(Collectors.joining("\n")))
              : readStream(response.statusCode(), reader);
      return expired.get() ? Outcome.failure(FailureCause.TIMEOUT, "timeout") : outcome;
    } catch (IOException e) {
      if (expired.get()) {
        return Outcome.failure(FailureCause.TIMEOUT, "timeout");
      }
      throw e;
    } finally {
      guard.cancel(false);
    }
  }

  private Outcome readStream(int status, BufferedReader reader) throws IOException {
    if (status != 200) {
      return Outcome.failure(FailureCause.httpStatus(status), "HTTP " + status);
    }
    long firstEvent = Outcome.NO_EVENT;
    Outcome last = Outcome.failure(FailureCause.INVALID_RESPONSE, "stream had no events");
    String line;
    while ((line = reader.readLine()) != null) {
      if (!line.startsWith("data:")) {
        continue;
      }
      if (firstEvent == Outcome.NO_EVENT) {
        firstEvent = clock.nanoTime();
      }
      JsonNode event;
      try {
        event = mapper.readTree(line.substring("data:".length()).trim());
      } catch (IOException e) {
        return Outcome.failure(FailureCause.INVALID_RESPONSE, "SSE event is not JSON");
      }
      last = judge(event, firstEvent);
      if (!last.succeeded()) {
        return last;
      }
    }
    return last;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // The stream is being abandoned because it timed out; a failing close changes nothing.
    }
  }

  private static Outcome judge(JsonNode body, long firstEventNanos) {
    JsonNode error = body.path("error");
    if (error.isObject()) {
      int code = error.path("code").asInt(0);
      String message = error.path("message").asText("");
      return Outcome.failure(
          FailureCause.jsonRpcError(code),
          message.isEmpty() ? "JSON-RPC error " + code : "JSON-RPC error " + code + ": " + message);
    }
    JsonNode result = body.path("result");
    if (result.isMissingNode() || result.isNull()) {
      return Outcome.failure(FailureCause.INVALID_RESPONSE, "JSON-RPC response has no result");
    }
    // 0.3: the task (or event) itself; 1.0: a SendMessageResponse or StreamResponse around it.
    JsonNode task =
        result.has("task")
            ? result.path("task")
            : result.has("statusUpdate") ? result.path("statusUpdate") : result;
    String state = task.path("status").path("state").asText("");
    if (FAILED_TASK_STATES.contains(state)) {
      return Outcome.failure(FailureCause.TASK_FAILED, "task " + state);
    }
    return Outcome.success(firstEventNanos);
  }

  private static Outcome classify(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException) {
        return Outcome.failure(FailureCause.TIMEOUT, "timeout");
      }
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return Outcome.failure(FailureCause.UNKNOWN_HOST, "unknown host");
      }
      if (t instanceof ConnectException) {
        return Outcome.failure(FailureCause.CONNECTION_REFUSED, "connection refused");
      }
    }
    String message = e.getMessage();
    return Outcome.failure(
        FailureCause.IO_ERROR,
        e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
  }
}
