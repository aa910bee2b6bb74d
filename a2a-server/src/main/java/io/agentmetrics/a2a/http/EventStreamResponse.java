package io.agentmetrics.a2a.http;

import io.agentmetrics.a2a.jsonrpc.RequestClock;
import io.agentmetrics.a2a.task.TaskEventStream;
import io.agentmetrics.a2a.trace.RequestObserver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * Writes a task's events as Server-Sent Events until the final status update, without a thread of
 * its own: an arriving event, a due keep-alive or a finished write starts the next write, one at a
 * time, on a thread of the server's pool. The time between events is the agent's; the time spent
 * encoding them is serialization. A client that goes away ends the stream and gives its place back
 * to the server's stream caps. Every binding streams through it: each event is a JSON-RPC response
 * (A2A 0.3 and 1.0) or a {@code StreamResponse} (1.0 HTTP+JSON), as the route's {@link Encoder}
 * renders it.
 *
 * <p>Thread-safe: {@link IteratingCallback} runs one {@link #process()} at a time.
 */
final class EventStreamResponse extends IteratingCallback {

  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

  private final TaskEventStream events;
  private final Encoder encoder;
  private final Response response;
  private final Callback callback;
  private final RequestClock clock;
  private final RequestObserver observer;
  private final DisconnectWatch watch;
  private final Executor executor;
  private final Scheduler scheduler;
  private final long keepAliveMillis;
  private volatile boolean keepAliveDue;
  private boolean ended;
  private Scheduler.@Nullable Task keepAlive;
  private boolean lastWritten;
  private long waitingSince;

  /** Renders one task event as the JSON of one {@code data:} line. */
  @FunctionalInterface
  interface Encoder {
    byte[] encode(Object event) throws IOException;
  }

  /**
   * A writer of {@code events}, each rendered by {@code encoder}; the request's {@code callback}
   * completes when the final event is written or the client has gone.
   */
  EventStreamResponse(
      TaskEventStream events,
      Encoder encoder,
      Request request,
      Response response,
      Callback callback,
      RequestClock clock,
      RequestObserver observer,
      DisconnectWatch watch,
      Duration keepAlive) {
    this.events = events;
    this.encoder = encoder;
    this.response = response;
    this.callback = callback;
    this.clock = clock;
    this.observer = observer;
    this.watch = watch;
    this.executor = request.getComponents().getExecutor();
    this.scheduler = request.getComponents().getScheduler();
    this.keepAliveMillis = keepAlive.toMillis();
  }

  /** The status and headers of an event stream. */
  static void startEventStream(Response response) {
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Accel-Buffering", "no");
  }

  /** One {@code data:} event holding {@code json}. */
  static ByteBuffer event(byte[] json) {
    byte[] event = new byte[DATA.length + json.length + EVENT_END.length];
    System.arraycopy(DATA, 0, event, 0, DATA.length);
    System.arraycopy(json, 0, event, DATA.length, json.length);
    System.arraycopy(EVENT_END, 0, event, DATA.length + json.length, EVENT_END.length);
    return ByteBuffer.wrap(event);
  }

  /** Sends the stream's status and headers, and its events as they come. */
  void start() {
    startEventStream(response);
    waitingSince = clock.now();
    events.onEvent(() -> executor.execute(this::iterate));
    watch.gone().thenRun(() -> abort(new EofException("the client disconnected")));
    watch.arm();
    scheduleKeepAlive();
    iterate();
  }

  private void scheduleKeepAlive() {
    synchronized (this) {
      if (!ended) {
        keepAlive = scheduler.schedule(this::keepAliveDue, keepAliveMillis, TimeUnit.MILLISECONDS);
      }
    }
  }

  private void keepAliveDue() {
    keepAliveDue = true;
    executor.execute(this::iterate);
    scheduleKeepAlive();
  }

  @Override
  protected Action process() throws Exception {
    if (lastWritten) {
      return Action.SUCCEEDED;
    }
    Optional<Object> next = events.poll();
    if (next.isEmpty()) {
      if (!keepAliveDue) {
        return Action.IDLE;
      }
      keepAliveDue = false;
      response.write(false, ByteBuffer.wrap(KEEP_ALIVE), this);
      return Action.SCHEDULED;
    }
    clock.addAgent(waitingSince);
    long encoding = clock.now();
    ByteBuffer event = event(encoder.encode(next.get()));
    clock.addSerialization(encoding);
    lastWritten = TaskEventStream.isFinal(next.get());
    if (lastWritten) {
      // Before the answer is complete: the client may send its next request as soon as it is.
      watch.stop();
    }
    response.write(lastWritten, event, this);
    waitingSince = clock.now();
    return Action.SCHEDULED;
  }

  @Override
  protected void onCompleteSuccess() {
    end();
    observer.onRequest(clock.finish());
    callback.succeeded();
  }

  @Override
  protected void onCompleteFailure(Throwable cause) {
    end();
    callback.failed(cause);
  }

  private void end() {
    Scheduler.Task pending;
    synchronized (this) {
      ended = true;
      pending = keepAlive;
    }
    if (pending != null) {
      pending.cancel();
    }
    events.close();
    watch.stop();
  }
}
