package io.agentmetrics.a2a.report;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Turns an HdrHistogram of microsecond values into chart data: histogram bins of a nice width and
 * the percentile distribution, both read through HdrHistogram's own iterators.
 *
 * <p>Stateless and thread-safe (the histograms passed in must not be written concurrently).
 *
 * @since 0.1.0
 */
public final class ChartData {

  /**
   * Roughly how many bins a histogram chart gets.
   *
   * @since 0.1.0
   */
  public static final int TARGET_BINS = 40;

  /**
   * Percentile iteration resolution: ticks per half-distance to 100%, as in HdrHistogram.
   *
   * @since 0.1.0
   */
  public static final int PERCENTILE_TICKS_PER_HALF_DISTANCE = 5;

  private ChartData() {}

  /**
   * Linear bins of a nice width between the smallest and largest recorded value.
   *
   * @param micros a histogram of microsecond values
   * @return the bins from the first non-empty one to the last, or an empty list
   * @since 0.1.0
   */
  public static List<ReportModel.Bin> bins(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return List.of();
    }
    long min = micros.getMinValue();
    long max = micros.getMaxValue();
    long width = Math.max(1, (long) NiceScale.nice(Math.max(1, max - min) / (double) TARGET_BINS));
    List<ReportModel.Bin> bins = new ArrayList<>();
    long lower = 0;
    for (HistogramIterationValue value : micros.linearBucketValues(width)) {
      long upper = value.getValueIteratedTo() + 1;
      long count = value.getCountAddedInThisIterationStep();
      if (upper > min || count > 0) {
        bins.add(new ReportModel.Bin(lower / 1000.0, upper / 1000.0, count));
      }
      lower = upper;
    }
    return List.copyOf(bins);
  }

  /**
   * The percentile distribution of a histogram, from 0% to 100%.
   *
   * @param name the legend label
   * @param micros a histogram of microsecond values
   * @return the series, with no points if the histogram is empty
   * @since 0.1.0
   */
  public static ReportModel.PercentileSeries percentiles(String name, Histogram micros) {
    List<ReportModel.PercentilePoint> points = new ArrayList<>();
    if (micros.getTotalCount() > 0) {
      for (HistogramIterationValue value : micros.percentiles(PERCENTILE_TICKS_PER_HALF_DISTANCE)) {
        points.add(
            new ReportModel.PercentilePoint(
                Math.min(100, value.getPercentileLevelIteratedTo()),
                value.getValueIteratedTo() / 1000.0));
      }
    }
    return new ReportModel.PercentileSeries(name, points);
  }
}
