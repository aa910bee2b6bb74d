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
 * unread.
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

  private final Request request;
  private final int maxBytes;
  private final Receiver receiver;
  private final boolean keeping;
  private byte[] body;
  private long received;

  private RequestBody(Request request, int maxBytes, Receiver receiver, long declared) {
    this.request = request;
    this.maxBytes = maxBytes;
    this.receiver = receiver;
    this.keeping = declared <= maxBytes;
    // Content-Length frames the body: one array of exactly that size, no growing buffers.
    this.body = new byte[declared >= 0 && keeping ? (int) declared : Math.min(maxBytes, 8192)];
  }

  /** Reads {@code request}'s body, telling {@code receiver} once, on whichever thread it ends. */
  static void read(Request request, int maxBytes, Receiver receiver) {
    long declared = request.getLength();
    if (declared > (long) maxBytes * DRAINED_OVERSIZE) {
      receiver.tooLarge(false);
      return;
    }
    new RequestBody(request, maxBytes, receiver, declared).run();
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
      if (keeping && received + length <= maxBytes) {
        keep(bytes, length);
      }
      received += length;
      chunk.release();
      if (chunk.isLast()) {
        finish();
        return;
      }
      if (received > (long) maxBytes * DRAINED_OVERSIZE) {
        receiver.tooLarge(false);
        return;
      }
    }
  }

  private void keep(ByteBuffer bytes, int length) {
    int end = (int) received + length;
    if (end > body.length) {
      body = Arrays.copyOf(body, Math.min(maxBytes, Math.max(end, body.length * 2)));
    }
    bytes.get(body, (int) received, length);
  }

  private void finish() {
    if (received > maxBytes) {
      receiver.tooLarge(true);
    } else {
      receiver.body(received == body.length ? body : Arrays.copyOf(body, (int) received));
    }
  }
}
