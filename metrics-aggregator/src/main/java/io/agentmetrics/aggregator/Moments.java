package io.agentmetrics.aggregator;

import org.HdrHistogram.AbstractHistogram;

/**
 * The mean and standard deviation of a histogram, as HdrHistogram defines them (each bucket counted
 * at its median equivalent value), in one pass. {@code getMean()} and {@code getStdDeviation()}
 * each walk the histogram through its iterator, which costs more than the query's merge; this walks
 * the buckets from the minimum to the maximum once, with no iterator.
 *
 * @param mean the mean, in recorded units
 * @param stdDev the population standard deviation, in recorded units
 */
record Moments(double mean, double stdDev) {

  static Moments of(AbstractHistogram histogram) {
    long total = histogram.getTotalCount();
    if (total == 0) {
      return new Moments(0, 0);
    }
    long max = histogram.getMaxValue();
    // Deviations from the lowest bucket's median keep the squares small: no cancellation when the
    // values are large and close together.
    double reference = histogram.medianEquivalentValue(histogram.getMinValue());
    double sum = 0;
    double sumOfSquares = 0;
    for (long value = histogram.getMinValue();
        value <= max;
        value = histogram.nextNonEquivalentValue(value)) {
      long count = histogram.getCountAtValue(value);
      if (count > 0) {
        double deviation = histogram.medianEquivalentValue(value) - reference;
        sum += deviation * count;
        sumOfSquares += deviation * deviation * count;
      }
    }
    double meanDeviation = sum / total;
    double variance = Math.max(0, sumOfSquares / total - meanDeviation * meanDeviation);
    return new Moments(reference + meanDeviation, Math.sqrt(variance));
  }
}
