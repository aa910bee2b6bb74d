package io.agentmetrics.agent.llm;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Closes a response body when one read blocks longer than the read timeout, because {@code
 * java.net.http} bounds only the wait for headers. Time spent outside {@code read} (in a slow
 * listener, say) does not count: only silence from the server does.
 *
 * <p>A check is scheduled once per timeout period, not per read, so the guard costs no allocation
 * per chunk. Thread-safe for one reading thread and any number of closing threads.
 */
final class ReadTimeoutGuard extends FilterInputStream {

  private final ScheduledExecutorService scheduler;
  private final long timeoutNanos;
  private final Runnable onTimeout;
  private volatile long readingSince;
  private volatile boolean closed;
  private volatile boolean timedOut;
  private volatile @Nullable ScheduledFuture<?> check;

  ReadTimeoutGuard(
      InputStream body, Duration timeout, ScheduledExecutorService scheduler, Runnable onTimeout) {
    super(body);
    this.scheduler = scheduler;
    this.timeoutNanos = timeout.toNanos();
    this.onTimeout = onTimeout;
    schedule(timeoutNanos);
  }

  /** Whether the guard closed the stream because the server went silent. */
  boolean timedOut() {
    return timedOut;
  }

  @Override
  public int read() throws IOException {
    readingSince = System.nanoTime() | 1;
    try {
      return super.read();
    } finally {
      readingSince = 0;
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    readingSince = System.nanoTime() | 1;
    try {
      return super.read(b, off, len);
    } finally {
      readingSince = 0;
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    ScheduledFuture<?> pending = check;
    if (pending != null) {
      pending.cancel(false);
    }
    super.close();
  }

  private void check() {
    if (closed) {
      return;
    }
    long since = readingSince;
    long waited = since == 0 ? 0 : System.nanoTime() - since;
    if (since != 0 && waited >= timeoutNanos) {
      timedOut = true;
      onTimeout.run();
      return;
    }
    schedule(timeoutNanos - waited);
  }

  private void schedule(long delayNanos) {
    try {
      check = scheduler.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException clientClosed) {
      // The transport is closing: it aborts every exchange, which closes this stream.
    }
  }
}
