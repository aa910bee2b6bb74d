package io.agentmetrics.a2a.task;

import io.agentmetrics.a2a.dto.TaskStatusUpdateEvent;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The events of one task for one streaming client: the task snapshot first, then status and
 * artifact updates, ending with the final status update. Nothing waits on it: the task's worker
 * adds each event and calls the {@linkplain #onEvent listener}, which takes the events with {@link
 * #poll()} when it is ready to write them. A task yields only a handful of events per turn, so the
 * queue stays small.
 *
 * <p>Thread-safe: the task's worker adds, one writer polls.
 *
 * @since 0.1.0
 */
public final class TaskEventStream implements AutoCloseable {

  private final Queue<Object> events = new ConcurrentLinkedQueue<>();
  private final Consumer<Object> subscriber = this::add;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Runnable release;
  private volatile Runnable listener = () -> {};
  private volatile Runnable unsubscribe = () -> {};

  /** A stream that runs {@code release} once when closed. */
  TaskEventStream(Runnable release) {
    this.release = release;
  }

  Consumer<Object> subscriber() {
    return subscriber;
  }

  void onClose(Runnable action) {
    this.unsubscribe = action;
  }

  private void add(Object event) {
    events.add(event);
    listener.run();
  }

  /**
   * Calls {@code action} after every event added from now on, on the thread that adds it; {@code
   * action} must not block. Events added before are already waiting for {@link #poll()}.
   *
   * @param action what to run when an event arrives
   * @since 0.1.0
   */
  public void onEvent(Runnable action) {
    this.listener = action;
  }

  /**
   * The next event, if one has arrived.
   *
   * @return the event ({@code Task}, {@code TaskStatusUpdateEvent} or {@code
   *     TaskArtifactUpdateEvent}), or empty if none is waiting
   * @since 0.1.0
   */
  public Optional<Object> poll() {
    return Optional.ofNullable(events.poll());
  }

  /**
   * Whether {@code event} ends the stream.
   *
   * @param event an event from {@link #poll}
   * @return {@code true} for a final status update
   * @since 0.1.0
   */
  public static boolean isFinal(Object event) {
    return event instanceof TaskStatusUpdateEvent update && update.isFinal();
  }

  /**
   * Stops receiving events and gives the stream's place back to the server's caps; later calls do
   * nothing.
   *
   * @since 0.1.0
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      listener = () -> {};
      unsubscribe.run();
      release.run();
    }
  }
}
