package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes JSON responses, which no cache may store. */
final class HttpJson {

  static final String JSON = "application/json";

  private HttpJson() {}

  static void write(Response response, Callback callback, int status, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  static void write(
      ObjectMapper mapper, Response response, Callback callback, int status, Object value) {
    try {
      write(response, callback, status, mapper.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      callback.failed(e);
    }
  }

  /** A plain JSON error for non-JSON-RPC routes: {@code {"error": {"status", "message"}}}. */
  static void error(
      ObjectMapper mapper, Response response, Callback callback, int status, String message) {
    write(
        mapper,
        response,
        callback,
        status,
        Map.of("error", Map.of("status", status, "message", message)));
  }
}
