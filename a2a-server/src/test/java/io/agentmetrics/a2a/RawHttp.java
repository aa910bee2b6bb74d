package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain loopback socket, for what {@code java.net.http} cannot send: a Host of the
 * test's choosing, a body that trickles, a connection dropped in the middle of a request.
 */
final class RawHttp implements AutoCloseable {

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final StringBuilder stream = new StringBuilder();
  private int consumed;
  private boolean streaming;
  private boolean chunked;

  private RawHttp(URI base, Duration readTimeout) throws IOException {
    socket = new Socket(base.getHost(), base.getPort());
    socket.setSoTimeout((int) readTimeout.toMillis());
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = socket.getInputStream();
  }

  /** A connection to {@code server} whose reads give up after {@code readTimeout}. */
  static RawHttp open(TestServer server, Duration readTimeout) throws IOException {
    return new RawHttp(server.uri("/"), readTimeout);
  }

  /** The request head of a POST of {@code length} bytes, ending with the blank line. */
  static String postHead(TestServer server, String path, int length, String... headers) {
    StringBuilder head =
        new StringBuilder("POST ")
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(server.uri("/").getAuthority())
            .append("\r\n");
    boolean typed = false;
    for (String header : headers) {
      typed |= header.regionMatches(true, 0, "Content-Type:", 0, 13);
      head.append(header).append("\r\n");
    }
    if (!typed) {
      head.append("Content-Type: application/json\r\n");
    }
    return head.append("Content-Length: ").append(length).append("\r\n\r\n").toString();
  }

  /** A whole POST of {@code body} to {@code path}. */
  static String post(TestServer server, String path, String body, String... headers) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return postHead(server, path, bytes.length, headers) + body;
  }

  /** Sends a GET with {@code Connection: close} on a new connection and reads the whole reply. */
  static Reply get(TestServer server, String path, String... headers) throws IOException {
    StringBuilder request =
        new StringBuilder("GET ")
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(server.uri("/").getAuthority())
            .append("\r\nConnection: close\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    try (RawHttp http = open(server, Duration.ofSeconds(30))) {
      http.send(request.append("\r\n").toString());
      return http.reply();
    }
  }

  /**
   * Asserts that {@code GET /health} and the agent card each answer 200 within one second, each on
   * a new connection: what a load balancer and a calling agent need while the server is flooded.
   */
  static void assertHealthAndCardAnswerWithinOneSecond(TestServer server) throws IOException {
    for (String path : new String[] {"/health", "/.well-known/agent-card.json"}) {
      long started = System.nanoTime();
      Reply reply;
      try (RawHttp http = open(server, Duration.ofSeconds(2))) {
        http.send(
            "GET "
                + path
                + " HTTP/1.1\r\nHost: "
                + server.uri("/").getAuthority()
                + "\r\nConnection: close\r\n\r\n");
        reply = http.reply();
      } catch (SocketTimeoutException e) {
        throw new AssertionError(path + " did not answer within 2 s", e);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(reply.status()).as("status of %s", path).isEqualTo(200);
      assertThat(took).as("time for %s to answer", path).isLessThan(Duration.ofSeconds(1));
    }
  }

  /**
   * Requests {@code GET /health} and the agent card once, so that a later timing measures a server
   * under load rather than its first call's class loading and compilation.
   */
  static void warmUp(TestServer server) throws IOException {
    assertThat(get(server, "/health").status()).isEqualTo(200);
    assertThat(get(server, "/.well-known/agent-card.json").status()).isEqualTo(200);
  }

  /** Gives up later reads after {@code timeout}. */
  void readTimeout(Duration timeout) throws IOException {
    socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
  }

  void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Reads one response: its head, then a body framed by Content-Length, chunks or the close. */
  Reply reply() throws IOException {
    String head = head();
    if (head.isEmpty()) {
      throw new IOException("the connection closed before a response");
    }
    String[] lines = head.split("\r\n", -1);
    int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
    }
    byte[] body;
    if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunks();
    } else {
      body = in.readAllBytes();
    }
    return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /** Reads the head of a streamed response; {@link #nextEvent()} reads its body. */
  String streamHead() throws IOException {
    String head = head();
    chunked = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
    streaming = true;
    return head;
  }

  /**
   * Reads a streamed response's body, without its chunk framing, until it contains {@code marker},
   * and returns what was read up to and including it; the next call goes on from there.
   */
  String readUntil(String marker) throws IOException {
    if (!streaming) {
      streamHead();
    }
    int at;
    while ((at = stream.indexOf(marker, consumed)) < 0) {
      readMore(marker);
    }
    String read = stream.substring(consumed, at + marker.length());
    consumed = at + marker.length();
    return read;
  }

  /** The payload of the streamed response's next Server-Sent Event {@code data:} line. */
  String nextEvent() throws IOException {
    readUntil("data: ");
    String data = readUntil("\n\n");
    return data.substring(0, data.length() - 2);
  }

  private void readMore(String marker) throws IOException {
    byte[] bytes;
    if (chunked) {
      int length = chunkSize();
      bytes = in.readNBytes(length);
      if (length == 0) {
        throw new IOException(
            "stream ended before '" + marker + "': " + stream.substring(consumed));
      }
    } else {
      bytes = new byte[4096];
      int read = in.read(bytes);
      if (read < 0) {
        throw new IOException("closed before '" + marker + "': " + stream.substring(consumed));
      }
      bytes = Arrays.copyOf(bytes, read);
    }
    stream.append(new String(bytes, StandardCharsets.UTF_8));
  }

  /** Whether the server closes the connection (a read sees its end) within the read timeout. */
  boolean closedByServer() throws IOException {
    try {
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private String head() throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while (head.indexOf("\r\n\r\n") < 0 && (b = in.read()) >= 0) {
      head.append((char) b);
    }
    return head.toString();
  }

  private byte[] chunks() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int length = chunkSize();
      if (length == 0) {
        line();
        return body.toByteArray();
      }
      body.write(in.readNBytes(length));
    }
  }

  /**
   * The size of the next chunk. The CRLF that ends a chunk is read with the next one: a server may
   * send it only with the next chunk, as Jetty does.
   */
  private int chunkSize() throws IOException {
    String size = line();
    while (size.isEmpty()) {
      size = line();
    }
    return Integer.parseInt(size.split(";", 2)[0].trim(), 16);
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  /** One response: the status, the headers by lower-case name, and the body. */
  record Reply(int status, Map<String, String> headers, String body) {

    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }
  }
}
