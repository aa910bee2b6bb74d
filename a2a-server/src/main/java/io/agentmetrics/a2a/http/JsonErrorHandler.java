package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error page, as JSON: {@code {"error":{"status":400,"message":"Bad Request"}}}. It never
 * shows an exception or a stack trace, and never HTML. It answers requests that never reached the
 * handlers (a malformed request line, say), so it sets the security headers itself.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class JsonErrorHandler extends ErrorHandler {

  private final ObjectMapper mapper;

  /**
   * An error handler writing with {@code mapper}.
   *
   * @param mapper the server's mapper
   * @since 0.1.0
   */
  public JsonErrorHandler(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() >= 400 ? response.getStatus() : 500;
    SecurityHeadersHandler.addTo(response);
    String reason = HttpStatus.getMessage(status);
    HttpJson.error(mapper, response, callback, status, reason == null ? "error" : reason);
    return true;
  }
}
