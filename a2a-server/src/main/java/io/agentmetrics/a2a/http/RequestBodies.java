package io.agentmetrics.a2a.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads request bodies within the body limit ({@code A2A_MAX_BODY_BYTES}) for the {@link
 * RequestGate}, which every A2A route goes through: the JSON-RPC endpoint of both protocol versions
 * and the HTTP+JSON binding.
 *
 * <p>Immutable and thread-safe.
 */
final class RequestBodies {

  /** Oversized bodies up to this multiple of the limit are drained before the 413. */
  private static final int DRAINED_OVERSIZE = 4;

  private final int maxBodyBytes;

  RequestBodies(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /** What the body will hold at most: its declared length, or the limit when it is chunked. */
  long expectedBytes(Request request) {
    long declared = request.getLength();
    return declared >= 0 ? Math.min(declared, maxBodyBytes) : maxBodyBytes;
  }

  /**
   * The body, or empty when it is over the limit. A body up to {@value #DRAINED_OVERSIZE} times the
   * limit is read to its end and dropped before the 413 goes out: answering while the client still
   * sends and then closing can reset the connection before the client reads the answer. Larger
   * bodies are refused unread.
   */
  Optional<byte[]> read(Request request) throws IOException {
    long declared = request.getLength();
    if (declared > (long) maxBodyBytes * DRAINED_OVERSIZE) {
      return Optional.empty();
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (declared >= 0 && declared <= maxBodyBytes) {
        // Content-Length frames the body: one array of exactly that size, no growing buffers.
        return Optional.of(in.readNBytes((int) declared));
      }
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      if (body.length <= maxBodyBytes) {
        return Optional.of(body);
      }
      drain(in, (long) maxBodyBytes * DRAINED_OVERSIZE - body.length);
      return Optional.empty();
    }
  }

  /**
   * Reads and drops the body of a refused request, up to the body limit, so the connection stays
   * open for the client's next request: Jetty closes a connection whose request body is left unread
   * when the response completes, under a client that may already be reusing it. A larger body is
   * left unread, and its connection closed, as before.
   */
  void discard(Request request) throws IOException {
    if (request.getLength() > maxBodyBytes) {
      return;
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      drain(in, maxBodyBytes);
    }
  }

  /** Reads and drops at most {@code limit} more bytes: a chunked body may never end. */
  private static void drain(InputStream in, long limit) throws IOException {
    byte[] scratch = new byte[8192];
    long left = limit;
    int read;
    while (left > 0 && (read = in.read(scratch, 0, (int) Math.min(scratch.length, left))) > 0) {
      left -= read;
    }
  }
}
