package io.agentmetrics.a2a.task;

import io.agentmetrics.agent.concurrent.DaemonThreadFactory;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks the URL of a push config as it is set, without letting DNS hold the request's thread: the
 * URL is parsed on the caller's thread, and its host is resolved and checked by the {@link
 * PushUrlPolicy} on a few daemon threads, for at most {@code deadline}. A host that does not
 * resolve in time, or that finds every lookup thread and queue place taken, is refused, so a slow
 * DNS zone holds at most {@code threads + queue} request threads at once, each for at most {@code
 * deadline}. A lookup that outlives its deadline keeps its thread until the system resolver gives
 * up. (A name that DNS says does not exist is accepted, as {@link PushUrlPolicy} says; one that DNS
 * does not answer in time was not checked at all, so the client is told to try again.)
 *
 * <p>Thread-safe. {@link #close} stops the lookup threads.
 */
final class PushUrlChecker implements AutoCloseable {

  /** How long a request waits for its push host to resolve. */
  static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(2);

  /** Lookups that may run at once. */
  static final int DEFAULT_THREADS = 4;

  /** Lookups that may wait for a thread. */
  static final int DEFAULT_QUEUE = 16;

  private static final long IDLE_SECONDS = 30;

  private final PushUrlPolicy urls;
  private final ThreadPoolExecutor lookups;
  private final Duration deadline;

  /**
   * A checker with the default threads, queue and deadline.
   *
   * @param urls the policy that parses URLs and checks their hosts
   */
  PushUrlChecker(PushUrlPolicy urls) {
    this(urls, lookupThreads(DEFAULT_THREADS, DEFAULT_QUEUE), DEFAULT_DEADLINE);
  }

  /**
   * A checker that resolves on {@code lookups}, which it closes.
   *
   * @param urls the policy that parses URLs and checks their hosts
   * @param lookups from {@link #lookupThreads}
   * @param deadline how long a caller waits for its lookup
   */
  PushUrlChecker(PushUrlPolicy urls, ThreadPoolExecutor lookups, Duration deadline) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, got " + deadline);
    }
    this.urls = urls;
    this.lookups = lookups;
    this.deadline = deadline;
  }

  /**
   * At most {@code threads} daemon threads, each ending after a while idle, and room for {@code
   * queue} lookups waiting for one; beyond that, a lookup is rejected.
   */
  static ThreadPoolExecutor lookupThreads(int threads, int queue) {
    if (threads <= 0 || queue <= 0) {
      throw new IllegalArgumentException(
          "threads and queue must be positive, got " + threads + " and " + queue);
    }
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            new DaemonThreadFactory("a2a-push-lookup"));
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /**
   * Parses the URL, checks it, and resolves its host and checks every address, waiting at most the
   * deadline for the lookup.
   *
   * @param url the URL a client gave
   * @return the URL with its scheme in lower case
   * @throws TaskException naming the field and the rule it broke, or saying that its host did not
   *     resolve in time
   */
  URI check(String url) {
    URI uri = urls.parse(url);
    FutureTask<URI> lookup = new FutureTask<>(() -> urls.checkAddresses(uri));
    try {
      lookups.execute(lookup);
    } catch (RejectedExecutionException e) {
      throw PushUrlPolicy.invalid(
          lookups.isShutdown()
              ? "host was not checked: the server is stopping; try again in a few seconds"
              : "host was not checked: too many push hosts are being resolved; try again in a few"
                  + " seconds or use another host");
    }
    try {
      return lookup.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("push host check failed", e.getCause());
    } catch (TimeoutException e) {
      throw tooSlow(lookup);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw tooSlow(lookup);
    }
  }

  /** Drops a lookup that is still waiting for a thread, and refuses its URL. */
  private TaskException tooSlow(FutureTask<URI> lookup) {
    lookup.cancel(false);
    lookups.remove(lookup);
    return PushUrlPolicy.invalid(
        "host did not resolve within " + describe(deadline) + "; try again or use another host");
  }

  private static String describe(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  /** Stops the lookup threads; a check after this is refused. */
  @Override
  public void close() {
    lookups.shutdownNow();
  }
}
