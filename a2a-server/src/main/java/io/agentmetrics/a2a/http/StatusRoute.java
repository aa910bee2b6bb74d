package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.dto.ServerStatus;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /} and {@code GET /health}: a small JSON status, 200 while serving. During a graceful
 * shutdown Jetty answers 503 before this route is reached, which is what readiness probes need.
 */
final class StatusRoute implements Route {

  private final ObjectMapper mapper;
  private final ServerStatus status;

  StatusRoute(ObjectMapper mapper, ServerStatus status) {
    this.mapper = mapper;
    this.status = status;
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    if (Routes.methodAllowed(mapper, request, response, callback, "GET")) {
      HttpJson.write(mapper, response, callback, HttpStatus.OK_200, status);
    }
  }
}
