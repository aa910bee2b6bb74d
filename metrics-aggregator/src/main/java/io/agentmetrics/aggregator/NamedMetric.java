package io.agentmetrics.aggregator;

import static java.util.Objects.requireNonNull;

import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.Preconditions;
import java.util.regex.Pattern;

/**
 * A metric the aggregator keeps by name rather than by {@link MetricType}: token counts, cost, or a
 * server's own stages. Immutable and thread-safe.
 *
 * <p>Values are kept in whole multiples of {@code resolution}, up to {@link #maxValue()}; like a
 * type's histogram, percentiles are within 0.1% of the exact value plus that resolution.
 *
 * @param name the name, 1 to 100 characters of letters, digits, {@code _ . -}; never a {@link
 *     MetricType#id()}, which names the type's own series
 * @param unit the unit of the values, such as {@code "ms"}, {@code "{token}"} or {@code "USD"}
 * @param resolution the smallest difference between values that is kept, in the unit; finite and
 *     positive
 * @since 0.1.0
 */
public record NamedMetric(String name, String unit, double resolution) {

  // Before the constants below, whose construction uses it.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

  /** The resolution of {@link #of(String, String)}: a thousandth of the unit, as for the types. */
  public static final double DEFAULT_RESOLUTION = 0.001;

  /** The input tokens of one execution, from the provider's usage fields. */
  public static final NamedMetric INPUT_TOKENS = new NamedMetric("input_tokens", "{token}", 1);

  /** The output tokens of one execution, from the provider's usage fields. */
  public static final NamedMetric OUTPUT_TOKENS = new NamedMetric("output_tokens", "{token}", 1);

  /**
   * The cost of one execution in US dollars, kept to a ten-millionth of a dollar (up to $360 per
   * execution), so that a call costing a few millionths of a dollar keeps its first digits.
   */
  public static final NamedMetric COST_USD = new NamedMetric("cost_usd", "USD", 1e-7);

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException naming the field that is invalid
   */
  public NamedMetric {
    requireNonNull(name, "name");
    requireNonNull(unit, "unit");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name must be 1 to 100 letters, digits or _ . -, got '" + shorten(name) + "'");
    }
    for (MetricType type : MetricType.values()) {
      if (type.id().equals(name)) {
        throw new IllegalArgumentException(
            "name '"
                + name
                + "' is the id of MetricType."
                + type.name()
                + "; record it as a PerformanceMetric of that type, or choose another name");
      }
    }
    Preconditions.positive(resolution, "resolution");
  }

  /** A metric kept to a thousandth of its unit, like the metric types. */
  public static NamedMetric of(String name, String unit) {
    return new NamedMetric(name, unit, DEFAULT_RESOLUTION);
  }

  /** The largest value kept; larger ones are kept as this and counted as clamped. */
  public double maxValue() {
    return MetricsAggregator.HIGHEST_RECORDED * resolution;
  }

  private static String shorten(String text) {
    String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
