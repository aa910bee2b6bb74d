package io.agentmetrics.agent.llm;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.agentmetrics.agent.concurrent.DaemonThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP machinery both real clients share: sending with bounded retries, reading bodies under a
 * read timeout, decoding server-sent events, and cancellation. The {@link ProviderProtocol} says
 * what the bytes mean.
 *
 * <p>Thread-safe: one transport serves many concurrent calls. Streams are read on the transport's
 * own daemon threads. {@link #close()} cancels every call in flight, stops those threads, and
 * refuses later calls.
 */
final class HttpLlmTransport implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(HttpLlmTransport.class);

  /** Whole answers larger than this are refused rather than buffered: 16 MiB. */
  static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

  /** Error bodies are read only this far; a provider's error JSON is far smaller. */
  private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

  private final ProviderProtocol protocol;
  private final HttpTransportConfig config;
  private final ErrorMapper errors;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier jitter;
  private final HttpClient http;
  private final ExecutorService streamThreads;
  private final ScheduledExecutorService watchdog;

  /** Calls in flight, so that {@link #close()} can cancel them. */
  private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();

  private volatile boolean closed;

  HttpLlmTransport(
      ProviderProtocol protocol,
      HttpTransportConfig config,
      SecretRedactor redactor,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier jitter) {
    this.protocol = protocol;
    this.config = config;
    this.errors = new ErrorMapper(protocol, redactor);
    this.sleeper = sleeper;
    this.clock = clock;
    this.jitter = jitter;
    this.http =
        HttpClient.newBuilder()
            // Over plain http, HTTP/2 would mean an h2c upgrade that some local model servers
            // mishandle; over https, HTTP/2 is negotiated with ALPN and falls back cleanly.
            .version(
                "http".equalsIgnoreCase(protocol.baseUri().getScheme())
                    ? HttpClient.Version.HTTP_1_1
                    : HttpClient.Version.HTTP_2)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.streamThreads =
        Executors.newCachedThreadPool(
            new DaemonThreadFactory("agentmetrics-" + protocol.provider() + "-stream"));
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            1, new DaemonThreadFactory("agentmetrics-" + protocol.provider() + "-read-timeout"));
    scheduler.setRemoveOnCancelPolicy(true);
    this.watchdog = scheduler;
  }

  /** Sends a request for a complete answer and waits for it, on the calling thread. */
  LlmResponse generate(LlmRequest request) {
    if (closed) {
      throw closedFailure(null);
    }
    Exchange exchange = register();
    try {
      HttpResponse<InputStream> response = exchange.send(protocol.generateRequest(request));
      return protocol.parseResponse(exchange.readBody(response.body()), errors);
    } finally {
      exchange.abort();
      inFlight.remove(exchange);
    }
  }

  /** Starts a stream on a transport thread; see {@link LlmClient#stream}. */
  CompletableFuture<LlmResponse> stream(LlmRequest request, LlmStreamListener listener) {
    CompletableFuture<LlmResponse> future = new CompletableFuture<>();
    if (closed) {
      future.completeExceptionally(closedFailure(null));
      return future;
    }
    Exchange exchange = register();
    // However the future completes (by us, or cancelled by the caller), the exchange ends with it.
    CompletableFuture<?> unused =
        future.whenComplete(
            (response, failure) -> {
              exchange.abort();
              inFlight.remove(exchange);
            });
    try {
      streamThreads.execute(() -> exchange.runStream(request, listener, future));
    } catch (RejectedExecutionException rejected) {
      future.completeExceptionally(closedFailure(rejected));
    }
    return future;
  }

  /**
   * Cancels every call in flight (they fail with {@link LlmCancelledException}), stops the
   * transport's threads, and makes later calls fail with {@link LlmUnavailableException}.
   */
  @Override
  public void close() {
    closed = true;
    for (Exchange exchange : inFlight) {
      exchange.abort();
    }
    streamThreads.shutdownNow();
    watchdog.shutdownNow();
    // HttpClient is AutoCloseable from Java 21 on; on 17 its idle connections and selector thread
    // end once it becomes unreachable, which this transport is after close.
    if (http instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        logger.debug("closing the {} HTTP client failed", protocol.provider(), e);
      }
    }
  }

  /**
   * A new exchange, tracked until its call ends. A call that races {@link #close()} is aborted:
   * either close sees it in the set, or it sees the flag.
   */
  private Exchange register() {
    Exchange exchange = new Exchange();
    inFlight.add(exchange);
    if (closed) {
      exchange.abort();
    }
    return exchange;
  }

  private LlmUnavailableException closedFailure(@Nullable Throwable cause) {
    return new LlmUnavailableException(
        protocol.provider(),
        0,
        "this " + protocol.provider() + " client is closed; create a new one",
        cause);
  }

  /** One call: its retries, its current HTTP exchange and body, and its cancellation. */
  private final class Exchange {
    private volatile boolean aborted;
    private volatile @Nullable CompletableFuture<HttpResponse<InputStream>> pending;
    private volatile @Nullable InputStream body;
    private @Nullable Thread worker;

    void runStream(
        LlmRequest request, LlmStreamListener listener, CompletableFuture<LlmResponse> future) {
      if (!bindWorker()) {
        // Aborted before it started: by the caller (the future is done already) or by close.
        future.completeExceptionally(errors.cancelled(null));
        return;
      }
      try {
        HttpResponse<InputStream> response =
            send(protocol.streamRequest(request).header("Accept", "text/event-stream"));
        future.complete(
            isJson(response)
                ? readWholeAnswerAsOneToken(response.body(), listener)
                : readStream(response.body(), listener));
      } catch (Throwable failure) {
        future.completeExceptionally(failure);
      } finally {
        unbindWorker();
      }
    }

    /** Sends {@code request}, retrying what {@link RetryConfig} allows; returns a 2xx answer. */
    HttpResponse<InputStream> send(HttpRequest.Builder request) {
      HttpRequest built = request.timeout(config.readTimeout()).build();
      RetryConfig retry = config.retry();
      for (int attempt = 1; ; attempt++) {
        LlmException failure;
        Duration retryAfter = null;
        try {
          HttpResponse<InputStream> response = await(built);
          int status = response.statusCode();
          if (status >= 200 && status < 300) {
            return response;
          }
          String errorBody = readErrorBody(response.body());
          retryAfter =
              RetryAfter.parse(
                      response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                  .or(() -> protocol.retryDelayHint(errorBody))
                  .orElse(null);
          failure = errors.fromStatus(status, errorBody, retryAfter, attempt);
          if (!ErrorMapper.isRetryable(status)) {
            throw failure;
          }
        } catch (HttpConnectTimeoutException e) {
          failure = errors.unreachable(e, attempt);
        } catch (HttpTimeoutException e) {
          throw errors.timeout(config.readTimeout(), "response headers", e);
        } catch (IOException e) {
          failure = errors.unreachable(e, attempt);
        }
        if (attempt >= retry.maxAttempts()) {
          throw failure;
        }
        if (retryAfter != null && retryAfter.compareTo(retry.maxRetryAfter()) > 0) {
          logger.warn(
              "{} asked to wait {} before retrying, longer than the configured maximum {}; not"
                  + " retrying",
              protocol.provider(),
              retryAfter,
              retry.maxRetryAfter());
          throw failure;
        }
        Duration wait =
            retryAfter != null ? retryAfter : retry.backoff(attempt, jitter.getAsDouble());
        logger.info(
            "{} call failed, retrying in {} ms (attempt {} of {}): {}",
            protocol.provider(),
            wait.toMillis(),
            attempt + 1,
            retry.maxAttempts(),
            failure.getMessage());
        pause(wait);
      }
    }

    private HttpResponse<InputStream> await(HttpRequest request) throws IOException {
      checkNotAborted();
      CompletableFuture<HttpResponse<InputStream>> response =
          http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
      pending = response;
      if (aborted) {
        response.cancel(true);
      }
      try {
        HttpResponse<InputStream> answer = response.get();
        body = answer.body();
        if (aborted) {
          closeQuietly(answer.body());
          throw errors.cancelled(null);
        }
        return answer;
      } catch (InterruptedException e) {
        abort();
        Thread.currentThread().interrupt();
        throw errors.cancelled(e);
      } catch (CancellationException e) {
        throw errors.cancelled(e);
      } catch (ExecutionException e) {
        if (aborted) {
          throw errors.cancelled(e.getCause());
        }
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw errors.unreadable("a failure", e.getCause());
      } finally {
        pending = null;
      }
    }

    private void pause(Duration wait) {
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        if (!aborted) {
          abort();
          Thread.currentThread().interrupt();
        }
        throw errors.cancelled(e);
      }
      checkNotAborted();
    }

    byte[] readBody(InputStream stream) {
      ReadTimeoutGuard guarded = guard(stream);
      try {
        byte[] body = guarded.readNBytes(MAX_RESPONSE_BYTES + 1);
        if (body.length > MAX_RESPONSE_BYTES) {
          throw errors.unreadable("a response larger than " + MAX_RESPONSE_BYTES + " bytes", null);
        }
        return body;
      } catch (IOException e) {
        throw readFailure(guarded, "the connection failed while reading the response", e);
      } finally {
        closeQuietly(guarded);
      }
    }

    private String readErrorBody(InputStream stream) {
      ReadTimeoutGuard guarded = guard(stream);
      try {
        return new String(guarded.readNBytes(MAX_ERROR_BODY_BYTES), UTF_8);
      } catch (IOException unreadable) {
        // The status alone still says what went wrong.
        return "";
      } finally {
        closeQuietly(guarded);
      }
    }

    /** Some compatible servers ignore {@code stream: true} and answer with one JSON document. */
    private LlmResponse readWholeAnswerAsOneToken(InputStream stream, LlmStreamListener listener) {
      LlmResponse response = protocol.parseResponse(readBody(stream), errors);
      if (!response.text().isEmpty()) {
        listener.onToken(response.text());
      }
      return response;
    }

    private LlmResponse readStream(InputStream stream, LlmStreamListener listener) {
      StreamDecoder decoder = protocol.newStreamDecoder(errors);
      ReadTimeoutGuard guarded = guard(stream);
      int events = 0;
      try {
        SseReader reader = new SseReader(guarded);
        SseEvent event;
        while ((event = reader.next()) != null) {
          events++;
          String text = decoder.onEvent(event);
          if (!text.isEmpty()) {
            listener.onToken(text);
          }
          if (decoder.isTerminal()) {
            break;
          }
        }
      } catch (IOException e) {
        throw readFailure(guarded, "the connection failed after " + events + " events", e);
      } finally {
        closeQuietly(guarded);
      }
      // A stream closed by cancellation or by the read timeout ends like a normal one.
      if (aborted) {
        throw errors.cancelled(null);
      }
      if (guarded.timedOut()) {
        throw errors.timeout(config.readTimeout(), "data", null);
      }
      if (!decoder.isComplete()) {
        throw errors.interrupted(
            "the server closed the stream after " + events + " events without marking its end",
            null);
      }
      return decoder.response();
    }

    private LlmException readFailure(ReadTimeoutGuard guarded, String what, IOException cause) {
      if (!aborted && Thread.currentThread().isInterrupted()) {
        abort();
      }
      if (aborted) {
        return errors.cancelled(cause);
      }
      if (guarded.timedOut()) {
        return errors.timeout(config.readTimeout(), "data", cause);
      }
      return errors.interrupted(what, cause);
    }

    private ReadTimeoutGuard guard(InputStream stream) {
      body = stream;
      return new ReadTimeoutGuard(
          stream, config.readTimeout(), watchdog, () -> closeQuietly(stream));
    }

    private void checkNotAborted() {
      if (aborted) {
        throw errors.cancelled(null);
      }
    }

    /**
     * Ends the exchange from any thread: cancels the request, closes the body, wakes the worker.
     */
    void abort() {
      aborted = true;
      CompletableFuture<HttpResponse<InputStream>> request = pending;
      if (request != null) {
        request.cancel(true);
      }
      InputStream stream = body;
      if (stream != null) {
        closeQuietly(stream);
      }
      synchronized (this) {
        if (worker != null && worker != Thread.currentThread()) {
          worker.interrupt();
        }
      }
    }

    private synchronized boolean bindWorker() {
      if (aborted) {
        return false;
      }
      worker = Thread.currentThread();
      return true;
    }

    private void unbindWorker() {
      synchronized (this) {
        worker = null;
      }
      // An abort may have interrupted this pooled thread; the flag must not leak to its next task.
      Thread.interrupted();
    }
  }

  private static boolean isJson(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Content-Type")
        .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/json"))
        .orElse(false);
  }

  private static void closeQuietly(InputStream stream) {
    try {
      stream.close();
    } catch (IOException ignored) {
      // Closing only ends the exchange early; a failure to do so changes nothing for the caller.
    }
  }
}
