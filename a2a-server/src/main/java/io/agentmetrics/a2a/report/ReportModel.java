package io.agentmetrics.a2a.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What an HTML report shows: headline cards, the data of the four charts, and tables. All times are
 * milliseconds. Any chart whose data is empty is drawn with a "no data" note instead.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title the page title, e.g. "Profile report"
 * @param subtitle one line under the title, e.g. the target URL
 * @param generatedAt when the report was produced
 * @param cards headline numbers
 * @param histogram latency histogram bins, in ascending order
 * @param percentiles one or more percentile curves
 * @param timeline latency of each request over time
 * @param timelineAxis the x-axis title of the timeline, e.g. "seconds since start"
 * @param stages mean time per stage, in the order a request passes through them
 * @param tables tables shown below the charts
 * @param notes warnings shown above the charts
 * @since 0.1.0
 */
public record ReportModel(
    String title,
    String subtitle,
    Instant generatedAt,
    List<Card> cards,
    List<Bin> histogram,
    List<PercentileSeries> percentiles,
    List<TimePoint> timeline,
    String timelineAxis,
    List<Segment> stages,
    List<Table> tables,
    List<String> notes) {

  /**
   * Checks and copies the fields.
   *
   * @since 0.1.0
   */
  public ReportModel {
    requireNonNull(title, "title");
    requireNonNull(subtitle, "subtitle");
    requireNonNull(generatedAt, "generatedAt");
    cards = List.copyOf(cards);
    histogram = List.copyOf(histogram);
    percentiles = List.copyOf(percentiles);
    timeline = List.copyOf(timeline);
    requireNonNull(timelineAxis, "timelineAxis");
    stages = List.copyOf(stages);
    tables = List.copyOf(tables);
    notes = List.copyOf(notes);
  }

  /**
   * A headline number.
   *
   * @param label what it is, e.g. "P99"
   * @param value the formatted value, e.g. "12.3 ms"
   * @param detail a smaller line under it, may be empty
   * @since 0.1.0
   */
  public record Card(String label, String value, String detail) {
    /**
     * Checks the fields.
     *
     * @since 0.1.0
     */
    public Card {
      requireNonNull(label, "label");
      requireNonNull(value, "value");
      requireNonNull(detail, "detail");
    }
  }

  /**
   * One histogram bar: requests with latency in {@code [fromMs, toMs)}.
   *
   * @param fromMs lower edge
   * @param toMs upper edge
   * @param count requests in the bin
   * @since 0.1.0
   */
  public record Bin(double fromMs, double toMs, long count) {
    /**
     * Checks the fields.
     *
     * @since 0.1.0
     */
    public Bin {
      if (!(toMs > fromMs) || count < 0) {
        throw new IllegalArgumentException(
            "a bin needs fromMs < toMs and count >= 0, got " + fromMs + ", " + toMs + ", " + count);
      }
    }
  }

  /**
   * A percentile curve, as HdrHistogram's percentile distribution.
   *
   * @param name legend label
   * @param points ascending percentiles with their values
   * @since 0.1.0
   */
  public record PercentileSeries(String name, List<PercentilePoint> points) {
    /**
     * Checks and copies the fields.
     *
     * @since 0.1.0
     */
    public PercentileSeries {
      requireNonNull(name, "name");
      points = List.copyOf(points);
    }
  }

  /**
   * A point of a percentile curve.
   *
   * @param percentile 0 to 100
   * @param valueMs the latency at that percentile
   * @since 0.1.0
   */
  public record PercentilePoint(double percentile, double valueMs) {
    /**
     * Checks the fields.
     *
     * @since 0.1.0
     */
    public PercentilePoint {
      if (!(percentile >= 0 && percentile <= 100)) {
        throw new IllegalArgumentException("percentile must be in [0, 100], got " + percentile);
      }
    }
  }

  /**
   * One request on the timeline.
   *
   * @param x when it started (seconds since the start, or the request number)
   * @param latencyMs its latency
   * @param ok whether it succeeded
   * @since 0.1.0
   */
  public record TimePoint(double x, double latencyMs, boolean ok) {}

  /**
   * One stage of the stacked bar.
   *
   * @param name stage name
   * @param meanMs mean time spent in it
   * @param llm whether this is model time (left out of the overhead bar)
   * @since 0.1.0
   */
  public record Segment(String name, double meanMs, boolean llm) {
    /**
     * Checks the fields.
     *
     * @since 0.1.0
     */
    public Segment {
      requireNonNull(name, "name");
      if (!(meanMs >= 0)) {
        throw new IllegalArgumentException("meanMs must not be negative, got " + meanMs);
      }
    }
  }

  /**
   * A table; cells are plain text and are escaped when rendered.
   *
   * @param title heading above the table
   * @param headers column headers
   * @param rows rows, each with as many cells as there are headers
   * @since 0.1.0
   */
  public record Table(String title, List<String> headers, List<List<String>> rows) {
    /**
     * Checks and copies the fields.
     *
     * @since 0.1.0
     */
    public Table {
      requireNonNull(title, "title");
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<String> row : rows) {
        if (row.size() != headers.size()) {
          throw new IllegalArgumentException(
              "table '"
                  + title
                  + "' has "
                  + headers.size()
                  + " columns but a row with "
                  + row.size());
        }
      }
    }
  }
}
