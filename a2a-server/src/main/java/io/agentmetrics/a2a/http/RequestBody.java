package io.agentmetrics.a2a.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without holding a thread while it arrives: each chunk is taken as it comes,
 * and the read resumes through {@link Request#demand} when the next one does. A body up to the
 * limit is kept; a larger one is read to its end (up to {@value #DRAINED_OVERSIZE} times the limit)
 * and dropped, because answering while the client still sends and then closing can reset the
 * connection before the client reads the answer. A body declared larger than that is refused
 * unread. A body that is refused whatever it holds can be {@linkplain #discard discarded} the same
 * way, keeping none of it.
 *
 * <p>Not thread-safe: Jetty calls it for one chunk at a time.
 */
final class RequestBody implements Runnable {

  /** Oversized bodies up to this multiple of the limit are read and dropped before the 413. */
  static final int DRAINED_OVERSIZE = 4;

  /** What becomes of the body. */
  interface Receiver {

    /** The whole body, within the limit. */
    void body(byte[] body);

    /** The body is over the limit; {@code readToEnd} tells whether it was read to its end. */
    void tooLarge(boolean readToEnd);

    /** The body did not arrive: a timeout, or the client went away. */
    void failed(Throwable failure);
  }

  /** What becomes of a body read only to be dropped. */
  interface Discarded {

    /** The body is gone; {@code readToEnd} tells whether it was read to its end. */
    void discarded(boolean readToEnd);

    /** The body did not arrive: a timeout, or the client went away. */
    void failed(Throwable failure);
  }

  private final Request request;
  private final int keptBytes;
  private final long readBytes;
  private final Receiver receiver;
  private final boolean keeping;
  private byte[] body;
  private long received;

  private RequestBody(
      Request request, int keptBytes, long readBytes, Receiver receiver, long declared) {
    this.request = request;
    this.keptBytes = keptBytes;
    this.readBytes = readBytes;
    this.receiver = receiver;
    this.keeping = declared <= keptBytes;
    // Content-Length frames the body: one array of exactly that size, no growing buffers.
    this.body = new byte[declared >= 0 && keeping ? (int) declared : Math.min(keptBytes, 8192)];
  }

  /** Reads {@code request}'s body, telling {@code receiver} once, on whichever thread it ends. */
  static void read(Request request, int maxBytes, Receiver receiver) {
    start(request, maxBytes, (long) maxBytes * DRAINED_OVERSIZE, receiver);
  }

  /**
   * Reads {@code request}'s body up to {@code maxBytes} and drops it, so that the connection can
   * serve the client's next request, then tells {@code discarded} once, on whichever thread it
   * ends. A longer body is left unread.
   */
  static void discard(Request request, int maxBytes, Discarded discarded) {
    start(
        request,
        0,
        maxBytes,
        new Receiver() {
          @Override
          public void body(byte[] empty) {
            discarded.discarded(true);
          }

          @Override
          public void tooLarge(boolean readToEnd) {
            discarded.discarded(readToEnd);
          }

          @Override
          public void failed(Throwable failure) {
            discarded.failed(failure);
          }
        });
  }

  private static void start(Request request, int keptBytes, long readBytes, Receiver receiver) {
    long declared = request.getLength();
    if (declared > readBytes) {
      receiver.tooLarge(false);
      return;
    }
    new RequestBody(request, keptBytes, readBytes, receiver, declared).run();
  }

  @Override
  public void run() {
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        receiver.failed(chunk.getFailure());
        return;
      }
      ByteBuffer bytes = chunk.getByteBuffer();
      int length = bytes.remaining();
      if (keeping && received + length <= keptBytes) {
        keep(bytes, length);
      }
      received += length;
      chunk.release();
      if (chunk.isLast()) {
        finish();
        return;
      }
      if (received > readBytes) {
        receiver.tooLarge(false);
        return;
      }
    }
  }

  private void keep(ByteBuffer bytes, int length) {
    int end = (int) received + length;
    if (end > body.length) {
      body = Arrays.copyOf(body, Math.min(keptBytes, Math.max(end, body.length * 2)));
    }
    bytes.get(body, (int) received, length);
  }

  private void finish() {
    if (received > keptBytes) {
      receiver.tooLarge(true);
    } else {
      receiver.body(received == body.length ? body : Arrays.copyOf(body, (int) received));
    }
  }
}
