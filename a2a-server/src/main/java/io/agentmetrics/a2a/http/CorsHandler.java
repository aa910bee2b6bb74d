package io.agentmetrics.a2a.http;

import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Opt-in CORS: only origins on the configured list (or any, for {@code *}) get CORS headers, and
 * preflight requests from them are answered here. With an empty list the handler is not installed
 * at all.
 *
 * <p>Immutable and thread-safe.
 */
final class CorsHandler extends Handler.Wrapper {

  private final List<String> origins;

  CorsHandler(List<String> origins, Handler next) {
    super(next);
    this.origins = List.copyOf(origins);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null && (origins.contains("*") || origins.contains(origin))) {
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      response.getHeaders().add(HttpHeader.VARY, "Origin");
      if (HttpMethod.OPTIONS.is(request.getMethod())
          && request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null) {
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
        response
            .getHeaders()
            .put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type");
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
        response.setStatus(HttpStatus.NO_CONTENT_204);
        callback.succeeded();
        return true;
      }
    }
    return super.handle(request, response, callback);
  }
}
