package io.agentmetrics.a2a.task;

import io.agentmetrics.a2a.dto.TaskStatusUpdateEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The events of one task for one streaming client: the task snapshot first, then status and
 * artifact updates, ending with the final status update. A task yields only a handful of events per
 * turn, so the queue stays small.
 *
 * <p>Thread-safe: the task's worker offers, one request thread takes.
 *
 * @since 0.1.0
 */
public final class TaskEventStream implements AutoCloseable {

  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final Consumer<Object> subscriber = events::add;
  private Runnable onClose = () -> {};

  TaskEventStream() {}

  Consumer<Object> subscriber() {
    return subscriber;
  }

  void onClose(Runnable action) {
    this.onClose = action;
  }

  /**
   * The next event, waiting up to {@code timeout}.
   *
   * @param timeout how long to wait
   * @return the event ({@code Task}, {@code TaskStatusUpdateEvent} or {@code
   *     TaskArtifactUpdateEvent}), or empty on timeout
   * @throws InterruptedException if interrupted while waiting
   * @since 0.1.0
   */
  public Optional<Object> next(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
  }

  /**
   * Whether {@code event} ends the stream.
   *
   * @param event an event from {@link #next}
   * @return {@code true} for a final status update
   * @since 0.1.0
   */
  public static boolean isFinal(Object event) {
    return event instanceof TaskStatusUpdateEvent update && update.isFinal();
  }

  /**
   * Stops receiving events.
   *
   * @since 0.1.0
   */
  @Override
  public void close() {
    onClose.run();
  }
}
