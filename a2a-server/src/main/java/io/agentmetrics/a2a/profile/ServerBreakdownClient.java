package io.agentmetrics.a2a.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.stage.Stage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the server's per-stage breakdown from {@code GET {url}/metrics/summary}.
 *
 * <p>Expected shape, as the server's {@code StageMetrics} writes it: each stage's statistics over
 * the summary's headline window (the last hour) sit at the stage level; its {@code windows} and
 * {@code trend} are ignored here, as are unknown fields, and missing numbers read as 0:
 *
 * <pre>{@code
 * {"stages": {"json_parsing": {"count": 100, "mean_ms": 0.41, "p50_ms": 0.38,
 *                              "p95_ms": 0.72, "p99_ms": 0.95, "max_ms": 1.2}, ...}}
 * }</pre>
 *
 * A server without the endpoint, or any error reading it, yields an empty list: the breakdown is
 * optional and never fails a run.
 */
final class ServerBreakdownClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client;
  private final ObjectMapper mapper;

  ServerBreakdownClient(HttpClient client, ObjectMapper mapper) {
    this.client = client;
    this.mapper = mapper;
  }

  List<StageSummary> fetch(URI baseUrl, @Nullable String authToken) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(Endpoints.resolve(baseUrl, "/metrics/summary"))
              .timeout(TIMEOUT)
              .header("Accept", "application/json")
              .GET();
      if (authToken != null) {
        request.header("Authorization", "Bearer " + authToken);
      }
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        return List.of();
      }
      return parse(mapper.readTree(response.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  static List<StageSummary> parse(@Nullable JsonNode root) {
    if (root == null) {
      return List.of();
    }
    JsonNode stages = root.path("stages");
    if (!stages.isObject()) {
      return List.of();
    }
    List<StageSummary> result = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : stages.properties()) {
      JsonNode stage = entry.getValue();
      if (!stage.isObject()) {
        continue;
      }
      result.add(
          new StageSummary(
              entry.getKey(),
              Math.max(0, stage.path("count").asLong(0)),
              stage.path("mean_ms").asDouble(0),
              stage.path("p50_ms").asDouble(0),
              stage.path("p95_ms").asDouble(0),
              stage.path("p99_ms").asDouble(0),
              stage.path("max_ms").asDouble(0)));
    }
    result.sort(Comparator.comparingInt((StageSummary s) -> Stage.rank(s.name())));
    return List.copyOf(result);
  }
}
