package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.dashboard.DashboardPage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /dashboard}: the live stage charts of {@link DashboardPage}, one self-contained HTML
 * page that refreshes itself from {@code /metrics/summary}. The page is rendered once.
 */
final class DashboardRoute implements Route {

  private static final String HTML = "text/html;charset=utf-8";

  private final ObjectMapper mapper;
  private final byte[] page = DashboardPage.render().getBytes(StandardCharsets.UTF_8);

  DashboardRoute(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    if (Routes.methodAllowed(mapper, request, response, callback, "GET")) {
      response.setStatus(HttpStatus.OK_200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, HTML);
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      response.write(true, ByteBuffer.wrap(page), callback);
    }
  }
}
