package io.agentmetrics.a2a.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the sends' end-to-end time goes, in {@code GET /metrics/summary}'s {@code sends}: each
 * send's request stages paired with its own task's stages, so that every share is of the time of
 * the same sends.
 *
 * @param window the window, e.g. {@code hour}
 * @param paired sends in the window whose request and task were paired and consistent
 * @param unpaired sends or task runs waiting for their other half now: non-blocking sends whose
 *     task is still running, and sends whose turn failed or was cancelled
 * @param leftOut paired sends left out since the server started, because their stages added up to
 *     more than their totals
 * @param endToEnd statistics of the paired sends' end-to-end time, absent without any
 * @param segments the mean end-to-end time split into its parts, in display order
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendBreakdown(
    String window,
    long paired,
    long unpaired,
    long leftOut,
    @Nullable StageWindowStats endToEnd,
    List<SendSegment> segments) {

  /** Checks and copies the fields. */
  public SendBreakdown {
    requireNonNull(window, "window");
    segments = List.copyOf(segments);
  }
}
