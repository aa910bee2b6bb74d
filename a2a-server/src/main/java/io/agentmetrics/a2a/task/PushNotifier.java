package io.agentmetrics.a2a.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.dto.PushNotificationAuthenticationInfo;
import io.agentmetrics.a2a.dto.PushNotificationConfig;
import io.agentmetrics.a2a.dto.Task;
import io.agentmetrics.a2a.internal.LogSafe;
import io.agentmetrics.agent.concurrent.DaemonThreadFactory;
import io.agentmetrics.api.TimeSource;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs tasks to their push-notification URLs, off the request path. Every connection goes only to
 * addresses the {@link PushAddressPolicy} has just checked (through a {@link
 * CheckedAddressResolver}); each attempt has a timeout; the {@link PushRetryPolicy} decides whether
 * and when to try again. A push that is not delivered is logged once, as a warning with the task id
 * and the host, escaped and cut ({@link LogSafe}); never the URL's path or query, the token or the
 * credentials, which may be secrets. {@link #send} never throws: a push's trouble must not fail the
 * request that caused it. The task service hands it every task whose turn has just ended ({@link
 * #sendEnd}) or been cancelled.
 *
 * <p>Thread-safe.
 */
final class PushNotifier implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(PushNotifier.class);
  static final String TOKEN_HEADER = "X-A2A-Notification-Token";
  private static final int CLIENT_THREADS = 8;
  private static final long DESTINATION_IDLE_MS = 60_000;

  /**
   * Runs retries later; tests substitute one that does not wait.
   *
   * <p>Implementations are thread-safe.
   */
  interface RetryTimer extends AutoCloseable {

    /** A timer on one daemon thread. */
    static RetryTimer daemon() {
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(1, new DaemonThreadFactory("a2a-push-retry"));
      executor.setRemoveOnCancelPolicy(true);
      return new RetryTimer() {
        @Override
        public void schedule(Runnable retry, Duration delay) {
          // A retry logs its own failures, so the future never holds one.
          Future<?> unused = executor.schedule(retry, delay.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public void close() {
          executor.shutdownNow();
        }
      };
    }

    /**
     * Runs {@code retry} after {@code delay}.
     *
     * @throws RejectedExecutionException once closed
     */
    void schedule(Runnable retry, Duration delay);

    /** Drops the retries not yet run. */
    @Override
    void close();
  }

  private final ObjectMapper mapper;
  private final PushUrlPolicy urls;
  private final PushRetryPolicy retries;
  private final Duration timeout;
  private final RetryTimer timer;
  private final HttpClient http;
  private final Set<Delivery> waiting = ConcurrentHashMap.newKeySet();
  private final Set<Delivery> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * A started notifier.
   *
   * @param mapper serializes the task
   * @param urls parses push URLs (their hosts were checked when the config was set)
   * @param addresses resolves and checks the host of every new connection
   * @param retries when to try again
   * @param timeout the timeout of one attempt, connection included
   * @param timer runs the retries
   */
  PushNotifier(
      ObjectMapper mapper,
      PushUrlPolicy urls,
      PushAddressPolicy addresses,
      PushRetryPolicy retries,
      Duration timeout,
      RetryTimer timer) {
    this.mapper = mapper;
    this.urls = urls;
    this.retries = retries;
    this.timeout = timeout;
    this.timer = timer;
    QueuedThreadPool threads = new QueuedThreadPool(CLIENT_THREADS, 1);
    threads.setName("a2a-push");
    threads.setDaemon(true);
    this.http = new HttpClient();
    http.setExecutor(threads);
    http.setScheduler(new ScheduledExecutorScheduler("a2a-push-scheduler", true));
    http.setSocketAddressResolver(new CheckedAddressResolver(addresses, threads));
    http.setFollowRedirects(false);
    http.setConnectTimeout(timeout.toMillis());
    http.setIdleTimeout(timeout.toMillis());
    http.setDestinationIdleTimeout(DESTINATION_IDLE_MS);
    http.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "agentmetrics-a2a-push"));
    try {
      http.start();
    } catch (Exception e) {
      throw new IllegalStateException("the push-notification HTTP client did not start", e);
    }
    // Installed by start(): no redirects, authentication challenges or upgrades, so that a push
    // sees the receiver's answer as it is.
    http.getProtocolHandlers().clear();
  }

  /**
   * A started notifier with the settings' retries and timeout, retrying on a daemon thread.
   *
   * @param mapper serializes the task
   * @param urls parses push URLs (their hosts were checked when the config was set)
   * @param addresses resolves and checks the host of every new connection
   * @param push the attempts, backoff and timeout
   * @param time the clock of the retry policy
   */
  static PushNotifier start(
      ObjectMapper mapper,
      PushUrlPolicy urls,
      PushAddressPolicy addresses,
      PushSettings push,
      TimeSource time) {
    return new PushNotifier(
        mapper,
        urls,
        addresses,
        new PushRetryPolicy(
            push.maxAttempts(),
            push.initialBackoff(),
            push.maxBackoff(),
            () -> ThreadLocalRandom.current().nextDouble(),
            time),
        push.timeout(),
        RetryTimer.daemon());
  }

  /** Pushes the task of {@code record}, which has just ended, once to each of its configs. */
  void sendEnd(TaskRecord record) {
    List<PushTarget> targets = record.pushTargets();
    if (!targets.isEmpty()) {
      send(targets, record.snapshot());
    }
  }

  /** Pushes {@code task} to each of {@code targets}; returns at once and never throws. */
  void send(List<PushTarget> targets, Task task) {
    for (PushTarget target : targets) {
      send(task, target.config(), target.payload());
    }
  }

  /**
   * Schedules delivery of {@code task} to {@code config}, its body written by {@code payload} (the
   * A2A 0.3 task when null); returns at once and never throws.
   */
  void send(Task task, PushNotificationConfig config, @Nullable PushPayload payload) {
    Delivery delivery;
    try {
      PushNotificationAuthenticationInfo auth = config.authentication();
      delivery =
          new Delivery(
              task.id(),
              urls.parse(config.url()),
              payload == null ? mapper.writeValueAsBytes(task) : payload.encode(task),
              config.token(),
              auth == null || auth.credentials() == null
                  ? null
                  : auth.schemes().get(0) + " " + auth.credentials());
    } catch (TaskException e) {
      notSent(task.id(), e.getMessage());
      return;
    } catch (IOException | RuntimeException e) {
      notSent(task.id(), e.getClass().getSimpleName());
      return;
    }
    delivery.attempt();
  }

  private void notSent(String taskId, String why) {
    logger.warn("push notification for task {} not sent: {}", taskId, why);
  }

  /** Stops at once; see {@link #close(Duration)}. */
  @Override
  public void close() {
    close(Duration.ZERO);
  }

  /**
   * Stops: pushes waiting for a retry are logged as not delivered, attempts in flight get up to
   * {@code grace} to finish, and those still in flight then are aborted and logged.
   *
   * @param grace how long to wait for attempts in flight
   */
  void close(Duration grace) {
    closed = true;
    timer.close();
    for (Delivery delivery : List.copyOf(waiting)) {
      if (waiting.remove(delivery)) {
        delivery.giveUp("the server stopped before the next attempt");
      }
    }
    try {
      awaitInFlight(grace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      http.stop();
    } catch (Exception e) {
      logger.warn("the push-notification HTTP client did not stop cleanly", e);
    }
  }

  private void awaitInFlight(Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (inFlight) {
      for (long left = grace.toNanos(); !inFlight.isEmpty() && left > 0; ) {
        TimeUnit.NANOSECONDS.timedWait(inFlight, left);
        left = deadline - System.nanoTime();
      }
    }
  }

  /** One push of one task to one URL, through its attempts; it ends delivered or logged. */
  private final class Delivery {
    private final String taskId;
    private final URI uri;
    private final byte[] body;
    private final @Nullable String token;
    private final @Nullable String authorization;
    private final AtomicBoolean ended = new AtomicBoolean();
    private int attempt;

    Delivery(
        String taskId,
        URI uri,
        byte[] body,
        @Nullable String token,
        @Nullable String authorization) {
      this.taskId = taskId;
      this.uri = uri;
      this.body = body;
      this.token = token;
      this.authorization = authorization;
    }

    void attempt() {
      attempt++;
      if (closed) {
        giveUp("the server stopped");
        return;
      }
      inFlight.add(this);
      try {
        http.newRequest(uri)
            .method(HttpMethod.POST)
            .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .headers(
                headers -> {
                  if (token != null) {
                    headers.put(TOKEN_HEADER, token);
                  }
                  if (authorization != null) {
                    headers.put(HttpHeader.AUTHORIZATION, authorization);
                  }
                })
            .body(new BytesRequestContent("application/json", body))
            .send(this::completed);
      } catch (RuntimeException e) {
        landed();
        giveUp(e.getClass().getSimpleName());
      }
    }

    /** No longer in flight: tells a closing notifier waiting for it. */
    private void landed() {
      synchronized (inFlight) {
        inFlight.remove(this);
        inFlight.notifyAll();
      }
    }

    private void completed(Result result) {
      landed();
      Throwable failure = result.getFailure();
      if (failure == null) {
        Response response = result.getResponse();
        int status = response.getStatus();
        if (status / 100 == 2) {
          ended.set(true);
        } else if (PushRetryPolicy.retriable(status)) {
          retryOrGiveUp("HTTP " + status, response.getHeaders().get(HttpHeader.RETRY_AFTER));
        } else {
          giveUp("HTTP " + status + ", not retried");
        }
        return;
      }
      Optional<RefusedAddressException> refused = refusal(failure);
      if (refused.isPresent()) {
        giveUp("host " + refused.get().getMessage());
      } else if (closed) {
        giveUp("the server stopped");
      } else {
        retryOrGiveUp(failure.getClass().getSimpleName(), null);
      }
    }

    private void retryOrGiveUp(String why, @Nullable String retryAfter) {
      Optional<Duration> delay = retries.nextDelay(attempt, retryAfter);
      if (delay.isEmpty()) {
        giveUp(
            attempt >= retries.maxAttempts()
                ? why
                : why
                    + ", and the receiver's Retry-After is beyond the longest wait"
                    + " (A2A_PUSH_MAX_BACKOFF_MS)");
        return;
      }
      logger.debug(
          "push attempt {} for task {} failed ({}); retrying in {} ms",
          attempt,
          taskId,
          why,
          delay.get().toMillis());
      waiting.add(this);
      try {
        timer.schedule(
            () -> {
              if (waiting.remove(this)) {
                attempt();
              }
            },
            delay.get());
      } catch (RejectedExecutionException e) {
        if (waiting.remove(this)) {
          giveUp("the server stopped");
        }
      }
    }

    void giveUp(String why) {
      if (ended.compareAndSet(false, true)) {
        logger.warn(
            "push notification for task {} to host {} failed after {} attempt(s): {}",
            taskId,
            LogSafe.of(uri.getHost()),
            attempt,
            why);
      }
    }
  }

  private static Optional<RefusedAddressException> refusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RefusedAddressException refused) {
        return Optional.of(refused);
      }
    }
    return Optional.empty();
  }
}
