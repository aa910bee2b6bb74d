package io.agentmetrics.a2a.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /metrics/summary}: one JSON object with a key per contributor. */
final class MetricsSummaryRoute implements Route {

  private final ObjectMapper mapper;
  private final List<MetricsSummaryContributor> contributors;

  MetricsSummaryRoute(ObjectMapper mapper, List<MetricsSummaryContributor> contributors) {
    this.mapper = mapper;
    this.contributors = List.copyOf(contributors);
  }

  @Override
  public void handle(Request request, Response response, Callback callback) {
    if (Routes.methodAllowed(mapper, request, response, callback, "GET")) {
      Map<String, Object> summary = new LinkedHashMap<>();
      for (MetricsSummaryContributor contributor : contributors) {
        summary.put(contributor.section(), contributor.snapshot());
      }
      HttpJson.write(mapper, response, callback, HttpStatus.OK_200, summary);
    }
  }
}
