package io.agentmetrics.a2a.http;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Tells when the client of a request whose body has been read goes away before its answer is sent.
 * Jetty reads nothing from an HTTP/1.1 connection while its request is being handled, so a client
 * that closes its socket goes unnoticed until the answer is written; this watch asks for read
 * interest on the connection meanwhile. A read that finds the end of the stream means the client is
 * gone.
 *
 * <p>A client must not send anything more before the answer to its POST (RFC 9112, section 9.3.2);
 * bytes that do arrive are taken and the connection is marked to close after the answer, since they
 * cannot be handed back to the parser.
 *
 * <p>{@link #stop()} must be called before the last write of the answer: once the answer is
 * complete the client may send its next request, whose bytes belong to the connection's parser.
 * Thread-safe.
 */
final class DisconnectWatch implements Callback {

  // A sentinel handed to the fill interest and recognised by identity; never thrown, so the stack
  // trace it was created with is never read. One instance spares an allocation per request.
  @SuppressWarnings("StaticAssignmentOfThrowable")
  private static final CancellationException STOPPED = new CancellationException("watch stopped");

  private enum State {
    IDLE,
    ARMED,
    STOPPED
  }

  private final @Nullable AbstractEndPoint endPoint;
  private final Runnable onGone;
  private final CompletableFuture<Void> gone = new CompletableFuture<>();
  private State state = State.IDLE;
  private volatile boolean inputTaken;

  private DisconnectWatch(@Nullable AbstractEndPoint endPoint, Runnable onGone) {
    this.endPoint = endPoint;
    this.onGone = onGone;
  }

  /**
   * A watch of {@code request}'s connection that runs {@code onGone} first when the client goes;
   * one that never fires if the connection cannot be watched.
   */
  static DisconnectWatch of(Request request, Runnable onGone) {
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    return new DisconnectWatch(
        endPoint instanceof AbstractEndPoint watched ? watched : null, onGone);
  }

  /** Completes, on a thread of the server's pool, if the client goes away while watched. */
  CompletionStage<Void> gone() {
    return gone;
  }

  /** Starts watching, unless already watching or stopped. */
  synchronized void arm() {
    if (state == State.IDLE && endPoint != null && endPoint.tryFillInterested(this)) {
      state = State.ARMED;
    }
  }

  /** Stops watching for good; the connection's reads are its own again. */
  void stop() {
    boolean armed;
    synchronized (this) {
      armed = state == State.ARMED;
      state = State.STOPPED;
    }
    if (armed && endPoint != null) {
      endPoint.getFillInterest().onFail(STOPPED);
    }
  }

  /** Whether bytes were taken from the connection, which must then close after the answer. */
  boolean inputTaken() {
    return inputTaken;
  }

  /** The connection is readable: the client closed it, or sent bytes it should not have. */
  @Override
  public void succeeded() {
    AbstractEndPoint watched;
    synchronized (this) {
      if (state != State.ARMED || endPoint == null) {
        return;
      }
      state = State.IDLE;
      watched = endPoint;
    }
    int filled;
    try {
      filled = watched.fill(BufferUtil.allocate(64));
    } catch (IOException e) {
      filled = -1;
    }
    if (filled < 0) {
      disconnected();
    } else if (filled == 0) {
      arm();
    } else {
      inputTaken = true;
    }
  }

  @Override
  public void failed(Throwable failure) {
    if (failure != STOPPED) {
      disconnected();
    }
  }

  private void disconnected() {
    synchronized (this) {
      if (state == State.STOPPED) {
        return;
      }
      state = State.STOPPED;
    }
    onGone.run();
    gone.complete(null);
  }
}
