package io.agentmetrics.a2a.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An output of a task.
 *
 * @param artifactId the artifact's id, unique within the task
 * @param name an optional human-readable name
 * @param parts the content
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Artifact(String artifactId, @Nullable String name, List<Part> parts) {

  /** Checks the id and copies the parts. */
  public Artifact {
    Require.nonBlank(artifactId, "artifactId");
    parts = Require.nonEmpty(parts, "parts");
  }
}
