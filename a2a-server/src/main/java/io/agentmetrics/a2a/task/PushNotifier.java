package io.agentmetrics.a2a.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.dto.PushNotificationAuthenticationInfo;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.internal.LogSafe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs finished tasks to their push-notification URLs, off the request path: each attempt has a
 * timeout, failures are retried with exponential backoff up to a bounded number of attempts, and a
 * final failure is logged (host and task id only: URLs and tokens may carry secrets).
 *
 * <p>Thread-safe.
 */
final class PushNotifier implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(PushNotifier.class);
  static final String TOKEN_HEADER = "X-A2A-Notification-Token";

  private final HttpClient http;
  private final ObjectMapper mapper;
  private final ScheduledExecutorService scheduler;
  private final Duration timeout;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final LongAdder delivered = new LongAdder();
  private final LongAdder failed = new LongAdder();

  PushNotifier(
      ObjectMapper mapper,
      ScheduledExecutorService scheduler,
      Duration timeout,
      int maxAttempts,
      Duration initialBackoff) {
    this.mapper = mapper;
    this.scheduler = scheduler;
    this.timeout = timeout;
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(scheduler)
            .build();
  }

  /** Schedules delivery of {@code task} to {@code config}; returns at once. */
  void send(Task task, PushNotificationConfig config) {
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(task);
    } catch (JsonProcessingException e) {
      failed.increment();
      logger.warn("push notification for task {} not sent: task not serializable", task.id(), e);
      return;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(config.url()))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (config.token() != null) {
      request.header(TOKEN_HEADER, config.token());
    }
    PushNotificationAuthenticationInfo auth = config.authentication();
    if (auth != null && auth.credentials() != null) {
      request.header("Authorization", auth.schemes().get(0) + " " + auth.credentials());
    }
    attempt(request.build(), task.id(), 1);
  }

  private void attempt(HttpRequest request, String taskId, int attempt) {
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error == null && response.statusCode() / 100 == 2) {
                delivered.increment();
                return;
              }
              String why =
                  error != null
                      ? error.getClass().getSimpleName()
                      : "HTTP " + response.statusCode();
              if (attempt < maxAttempts && !scheduler.isShutdown()) {
                long delay = initialBackoff.toMillis() << (attempt - 1);
                logger.debug(
                    "push attempt {} for task {} failed ({}); retrying in {} ms",
                    attempt,
                    taskId,
                    why,
                    delay);
                scheduler.schedule(
                    () -> attempt(request, taskId, attempt + 1), delay, TimeUnit.MILLISECONDS);
              } else {
                failed.increment();
                logger.warn(
                    "push notification for task {} to host {} failed after {} attempts: {}",
                    taskId,
                    LogSafe.of(request.uri().getHost()),
                    attempt,
                    why);
              }
            });
  }

  long deliveredCount() {
    return delivered.sum();
  }

  long failedCount() {
    return failed.sum();
  }

  @Override
  public void close() {
    scheduler.shutdown();
  }
}
