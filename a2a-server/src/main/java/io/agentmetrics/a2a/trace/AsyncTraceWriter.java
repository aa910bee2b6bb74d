package io.agentmetrics.a2a.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trace log's asynchronous writer. A request thread only queues the event's timing record (an
 * immutable record the server builds for its statistics anyway): no rendering, no lock, no wake-up.
 * One writer thread takes what the queue holds every {@value #POLL_MILLIS} ms, renders each event
 * once ({@link TraceLineEncoder}) into the buffered {@code out}, and flushes once per batch.
 *
 * <p>The queue is bounded: when {@code capacity} events wait (a writer slower than the requests,
 * such as a stdout piped to a stalled reader), the next event is dropped and counted instead of
 * making the request wait; the writer warns once per {@value #DROPPED_WARN_FREQUENCY} drops. An
 * event that cannot be written (an I/O error) is counted as dropped too. {@link #stop()} writes
 * every event queued before it, then closes {@code out}.
 *
 * <p>Thread-safe.
 */
final class AsyncTraceWriter implements TraceLogAppender.TraceSink {

  /** How long the writer sleeps between batches. */
  static final long POLL_MILLIS = 10;

  /** How many drops make one warning. */
  static final int DROPPED_WARN_FREQUENCY = 1000;

  /** How long {@link #stop()} waits for the queued events to be written. */
  private static final long STOP_TIMEOUT_MILLIS = 10_000;

  private static final Logger logger = LoggerFactory.getLogger(AsyncTraceWriter.class);

  private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final int capacity;
  private final LongAdder dropped;
  private final OutputStream out;
  private final TraceLineEncoder encoder;
  private final Thread writer;
  private volatile boolean running;
  private long droppedWarned;
  private boolean failedBefore;

  /**
   * A writer to {@code out}, which it closes when stopped; {@link #start()} starts it.
   *
   * @param out where the lines go, buffered: it is flushed once per batch
   * @param capacity the most events that wait to be written
   * @param dropped counts the events dropped
   * @param threadName the writer thread's name
   */
  AsyncTraceWriter(OutputStream out, int capacity, LongAdder dropped, String threadName)
      throws IOException {
    this.out = out;
    this.capacity = capacity;
    this.dropped = dropped;
    this.droppedWarned = dropped.sum();
    this.encoder = new TraceLineEncoder(out);
    this.writer = new Thread(this::run, threadName);
    writer.setDaemon(true);
  }

  /** Queues {@code event}, or drops and counts it when {@code capacity} events wait already. */
  @Override
  public void offer(Object event) {
    if (queued.incrementAndGet() > capacity) {
      queued.decrementAndGet();
      dropped.increment();
      return;
    }
    queue.offer(event);
  }

  /** Starts the writer thread. */
  void start() {
    running = true;
    writer.start();
  }

  /**
   * Writes the events queued so far, closes {@code out} and ends the writer thread; waits at most
   * ten seconds for an output that does not take them (a stalled pipe).
   */
  @Override
  public void stop() {
    if (!running) {
      return;
    }
    running = false;
    LockSupport.unpark(writer);
    try {
      writer.join(STOP_TIMEOUT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the writer takes events: started and not stopped. */
  boolean isStarted() {
    return running;
  }

  private void run() {
    try {
      while (running) {
        if (writeBatch() < capacity) {
          LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        }
      }
      while (writeBatch() > 0) {
        // what was queued before the stop
      }
    } finally {
      try {
        encoder.close();
        out.close();
      } catch (IOException e) {
        logger.warn("closing the trace log failed; its last lines may be lost: {}", e.toString());
      }
    }
  }

  /** Writes at most {@code capacity} queued events and flushes them; returns how many it took. */
  private int writeBatch() {
    int taken = 0;
    for (Object event; taken < capacity && (event = queue.poll()) != null; ) {
      taken++;
      try {
        encoder.write(event);
      } catch (IOException | RuntimeException e) {
        dropped.increment();
        warnOnce("writing a trace line failed; failed lines are dropped and counted", e);
      }
    }
    if (taken > 0) {
      queued.addAndGet(-taken);
      try {
        out.flush();
      } catch (IOException e) {
        warnOnce("flushing the trace log failed; lines may be lost", e);
      }
    }
    warnOfDrops();
    return taken;
  }

  private void warnOfDrops() {
    long total = dropped.sum();
    if (total / DROPPED_WARN_FREQUENCY > droppedWarned / DROPPED_WARN_FREQUENCY) {
      logger.warn(
          "{} trace events dropped so far: the trace log's writer fell {} events behind, or"
              + " writing failed",
          total,
          capacity);
    }
    droppedWarned = total;
  }

  /** Warns of the first I/O failure only: a closed stdout would fail every line. */
  private void warnOnce(String what, Exception e) {
    if (!failedBefore) {
      failedBefore = true;
      logger.warn("{}: {}", what, e.toString());
    }
  }
}
