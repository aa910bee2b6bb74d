package io.agentmetrics.a2a;

import static io.agentmetrics.a2a.ConfigChecks.positive;
import static java.util.Objects.requireNonNull;

import io.agentmetrics.a2a.task.PushSettings;
import io.agentmetrics.agent.config.ConfigException;
import java.time.Duration;
import java.util.List;

/**
 * Whether push notifications are offered, where they may go, and how hard they are tried.
 *
 * <p>Immutable and thread-safe.
 *
 * @param enabled whether push notifications are offered; when off, the card says so and push
 *     requests get {@code -32003} ({@code A2A_PUSH_NOTIFICATIONS})
 * @param allowedHosts hosts push notifications may be sent to; empty allows any host ({@code
 *     A2A_PUSH_ALLOWED_HOSTS})
 * @param timeout the timeout of one push-notification attempt ({@code A2A_PUSH_TIMEOUT_MS})
 * @param maxAttempts how many times a push notification is tried ({@code A2A_PUSH_MAX_ATTEMPTS})
 * @param allowPrivate whether push notifications may go to internal addresses (loopback, private,
 *     link-local, ...), for local development ({@code A2A_PUSH_ALLOW_PRIVATE})
 * @param maxConfigsPerTask how many push-notification configs one task may hold ({@code
 *     A2A_PUSH_MAX_CONFIGS_PER_TASK})
 * @param maxBackoff the longest wait between push attempts, a receiver's {@code Retry-After}
 *     included, at least {@link #INITIAL_BACKOFF} ({@code A2A_PUSH_MAX_BACKOFF_MS})
 * @since 0.1.0
 */
public record PushConfig(
    boolean enabled,
    List<String> allowedHosts,
    Duration timeout,
    int maxAttempts,
    boolean allowPrivate,
    int maxConfigsPerTask,
    Duration maxBackoff) {

  /** Default timeout of one push attempt. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** Default push attempts. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** Default push configs per task. */
  public static final int DEFAULT_MAX_CONFIGS_PER_TASK = 10;

  /** The wait before the first push retry, doubled for each later one. */
  public static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);

  /** Default longest wait between push attempts. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

  /**
   * Checks every field.
   *
   * @throws ConfigException naming the first bad setting and what it allows
   */
  public PushConfig {
    allowedHosts = List.copyOf(allowedHosts);
    positive(timeout, "A2A_PUSH_TIMEOUT_MS");
    positive(maxAttempts, "A2A_PUSH_MAX_ATTEMPTS");
    positive(maxConfigsPerTask, "A2A_PUSH_MAX_CONFIGS_PER_TASK");
    requireNonNull(maxBackoff, "maxBackoff");
    if (maxBackoff.compareTo(INITIAL_BACKOFF) < 0) {
      throw new ConfigException(
          "A2A_PUSH_MAX_BACKOFF_MS",
          "at least " + INITIAL_BACKOFF.toMillis() + " ms (the first retry's wait)",
          maxBackoff.toMillis() + " ms");
    }
  }

  /**
   * Push notifications on, to any public host, with the {@code DEFAULT_*} values.
   *
   * @return the default push settings
   * @since 0.1.0
   */
  public static PushConfig defaults() {
    return new PushConfig(
        true,
        List.of(),
        DEFAULT_TIMEOUT,
        DEFAULT_MAX_ATTEMPTS,
        false,
        DEFAULT_MAX_CONFIGS_PER_TASK,
        DEFAULT_MAX_BACKOFF);
  }

  /** The task service's view of these settings. */
  PushSettings settings() {
    return new PushSettings(
        allowedHosts,
        allowPrivate,
        maxConfigsPerTask,
        timeout,
        maxAttempts,
        INITIAL_BACKOFF,
        maxBackoff);
  }
}
