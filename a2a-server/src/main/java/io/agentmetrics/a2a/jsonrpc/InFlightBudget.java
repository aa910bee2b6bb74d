package io.agentmetrics.a2a.jsonrpc;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A global budget of bytes held for requests in flight: a request reserves its body before the body
 * is read and the estimated size of its response before that is built, and gives it all back when
 * its response has been written, however the request ends. A reservation that does not fit is
 * refused, so the server answers "busy" instead of running out of memory; one that is larger than
 * the whole budget is granted only while nothing else is held, so no request is refused forever.
 *
 * <p>Thread-safe and lock-free.
 *
 * @since 0.1.0
 */
public final class InFlightBudget {

  /**
   * What a client refused for a full budget is told, in every binding.
   *
   * @since 0.1.0
   */
  public static final String BUSY =
      "Server busy: the bytes of the requests in flight reached their limit"
          + " (A2A_MAX_INFLIGHT_BYTES); retry after a second";

  private final long limit;
  private final AtomicLong held = new AtomicLong();

  /**
   * A budget of {@code limit} bytes.
   *
   * @param limit the most bytes held at once
   * @throws IllegalArgumentException if {@code limit} is not positive
   * @since 0.1.0
   */
  public InFlightBudget(long limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    this.limit = limit;
  }

  /**
   * Reserves {@code bytes} for a new request.
   *
   * @param bytes the bytes to reserve, not negative
   * @return the reservation, to close when the request has ended; empty when the budget is full
   * @since 0.1.0
   */
  public Optional<Lease> tryReserve(long bytes) {
    Lease lease = new Lease();
    return lease.grow(bytes) ? Optional.of(lease) : Optional.empty();
  }

  /**
   * The bytes held now.
   *
   * @return the sum of all open reservations
   * @since 0.1.0
   */
  public long held() {
    return held.get();
  }

  private boolean take(long bytes, long alreadyMine) {
    while (true) {
      long current = held.get();
      if (current + bytes > limit && current != alreadyMine) {
        return false;
      }
      if (held.compareAndSet(current, current + bytes)) {
        return true;
      }
    }
  }

  /**
   * The bytes one request holds; closing it gives them all back, once.
   *
   * <p>Thread-safe.
   *
   * @since 0.1.0
   */
  public final class Lease implements AutoCloseable {

    private long mine;
    private boolean closed;

    private Lease() {}

    /**
     * Reserves {@code bytes} more for this request.
     *
     * @param bytes the bytes to add, not negative
     * @return whether they were reserved; {@code false} leaves the reservation as it was
     * @throws IllegalArgumentException if {@code bytes} is negative
     * @throws IllegalStateException if the lease was closed
     * @since 0.1.0
     */
    public synchronized boolean grow(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("bytes must not be negative, got " + bytes);
      }
      if (closed) {
        throw new IllegalStateException("the lease was closed");
      }
      if (!take(bytes, mine)) {
        return false;
      }
      mine += bytes;
      return true;
    }

    /**
     * Gives back everything this lease holds; later calls do nothing.
     *
     * @since 0.1.0
     */
    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        held.addAndGet(-mine);
      }
    }
  }
}
