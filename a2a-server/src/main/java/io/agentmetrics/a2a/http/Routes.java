package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Dispatches by exact path, then the A2A 1.0 HTTP+JSON paths ({@code /tasks/{id}}, ...); unknown
 * paths get a JSON 404.
 *
 * <p>Immutable and thread-safe.
 */
final class Routes extends Handler.Abstract {

  private final Map<String, Route> routes;
  private final Route rest;
  private final ObjectMapper mapper;

  Routes(Map<String, Route> routes, Route rest, ObjectMapper mapper) {
    this.routes = Map.copyOf(routes);
    this.rest = rest;
    this.mapper = mapper;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    Route route = routes.get(path);
    if (route == null && RestRoute.serves(path)) {
      route = rest;
    }
    if (route == null) {
      HttpJson.error(mapper, response, callback, HttpStatus.NOT_FOUND_404, "no such path");
    } else {
      route.handle(request, response, callback);
    }
    return true;
  }

  /**
   * Marks the connection to close after the response when the request has a body that will not be
   * read: Jetty closes such a connection anyway, and the client must know not to send another
   * request on it.
   */
  static void closeIfBodyUnread(Request request, Response response) {
    if (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
    }
  }

  /** Answers 405 with an {@code Allow} header unless the method is {@code allowed}. */
  static boolean methodAllowed(
      ObjectMapper mapper, Request request, Response response, Callback callback, String allowed) {
    if (allowed.equals(request.getMethod())) {
      return true;
    }
    response.getHeaders().put("Allow", allowed);
    HttpJson.error(mapper, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "use " + allowed);
    return false;
  }
}
