package io.agentmetrics.a2a.v1;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP+JSON request, as the HTTP layer read it.
 *
 * @param method the HTTP method
 * @param path the decoded path, such as {@code /tasks/abc:cancel}
 * @param query the query parameters
 * @param contentType the {@code Content-Type} header, if any
 * @param version the requested {@code A2A-Version} (header, else query parameter), if any
 * @param body the body, empty when there is none
 * @since 0.1.0
 */
// The request body as read, without a copy; no one compares or hashes requests.
@SuppressWarnings("ArrayRecordComponent")
public record RestRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    @Nullable String contentType,
    @Nullable String version,
    byte[] body) {

  /** Checks the fields and copies the query. */
  public RestRequest {
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    query = Map.copyOf(query);
    requireNonNull(body, "body");
  }
}
