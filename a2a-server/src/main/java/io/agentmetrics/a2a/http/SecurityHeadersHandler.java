package io.agentmetrics.a2a.http;

import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adds {@code X-Content-Type-Options: nosniff} to every response, so that no browser reads a JSON
 * answer or an event stream as a script or a page. The routes add what depends on the content:
 * {@code Cache-Control: no-store} on JSON and streams, a {@code Content-Security-Policy} on HTML.
 *
 * <p>Immutable and thread-safe.
 */
final class SecurityHeadersHandler extends Handler.Wrapper {

  private static final PreEncodedHttpField NOSNIFF =
      new PreEncodedHttpField("X-Content-Type-Options", "nosniff");

  SecurityHeadersHandler(Handler next) {
    super(next);
  }

  /** Adds the headers every response carries to {@code response}. */
  static void addTo(Response response) {
    response.getHeaders().put(NOSNIFF);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    addTo(response);
    return super.handle(request, response, callback);
  }
}
