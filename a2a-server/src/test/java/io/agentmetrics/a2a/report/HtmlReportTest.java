package io.agentmetrics.a2a.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlReportTest {

  private static final String EVIL = "<script>alert('x')</script> & \"quotes\"";

  private static ReportModel model(String text) {
    Histogram micros = new Histogram(3);
    for (int i = 1; i <= 100; i++) {
      micros.recordValue(i * 1000L);
    }
    return new ReportModel(
        text,
        text,
        Instant.parse("2026-01-05T08:00:00Z"),
        List.of(new ReportModel.Card(text, text, text)),
        ChartData.bins(micros),
        List.of(ChartData.percentiles(text, micros)),
        List.of(
            new ReportModel.TimePoint(0.5, 12, true), new ReportModel.TimePoint(1.0, 30, false)),
        text,
        List.of(new ReportModel.Segment(text, 3, false), new ReportModel.Segment("llm", 30, true)),
        List.of(new ReportModel.Table(text, List.of(text), List.of(List.of(text)))),
        List.of(text));
  }

  @Test
  void everyTextFromTheModelIsEscaped() {
    String page = HtmlReport.render(model(EVIL));

    assertThat(page)
        .doesNotContain("<script>alert")
        .doesNotContain("alert('x')")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
    assertThat(page.split("<script>", -1)).hasSize(2);
  }

  @Test
  void pageHasFourChartsAndNoExternalResource() {
    String page = HtmlReport.render(model("ok"));

    assertThat(page)
        .contains(
            "id=\"chart-histogram\"",
            "id=\"chart-percentiles\"",
            "id=\"chart-timeline\"",
            "id=\"chart-stages\"",
            "prefers-color-scheme: dark",
            "data-rendered")
        .doesNotContain("http://", "https://", "src=", "<link", "url(", "@import");
  }

  @Test
  void emptyDataIsDrawnAsANoteInsteadOfAChart() {
    ReportModel empty =
        new ReportModel(
            "t",
            "s",
            Instant.EPOCH,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "x",
            List.of(),
            List.of(),
            List.of());

    String page = HtmlReport.render(empty);

    assertThat(page).contains("No successful requests", "No requests", "No stage timings");
  }

  @Test
  void histogramBinsCoverTheRecordedRangeAndEveryValue() {
    Histogram micros = new Histogram(3);
    micros.recordValue(10_000);
    micros.recordValue(50_000);
    micros.recordValue(50_100);

    List<ReportModel.Bin> bins = ChartData.bins(micros);

    assertThat(bins.stream().mapToLong(ReportModel.Bin::count).sum()).isEqualTo(3);
    assertThat(bins.get(0).fromMs()).isLessThanOrEqualTo(10.0);
    assertThat(bins.get(0).count()).isEqualTo(1);
    assertThat(bins.get(bins.size() - 1).toMs()).isGreaterThan(50.1);
    assertThat(bins).hasSizeBetween(20, 60);
  }

  @Test
  void percentileSeriesRunsFromTheMinimumToOneHundredPercent() {
    Histogram micros = new Histogram(3);
    for (int i = 1; i <= 1000; i++) {
      micros.recordValue(i);
    }

    ReportModel.PercentileSeries series = ChartData.percentiles("s", micros);

    assertThat(series.points().get(0).valueMs()).isEqualTo(0.001);
    assertThat(series.points().get(series.points().size() - 1).percentile()).isEqualTo(100.0);
    assertThat(series.points()).extracting(ReportModel.PercentilePoint::percentile).isSorted();
  }

  @ParameterizedTest
  @CsvSource({"0,0%", "1,90%", "2,99%", "3,99.9%", "4,99.99%"})
  void percentileAxisLabelsFollowTheNines(int decade, String label) {
    assertThat(PercentileChart.percentLabel(decade)).isEqualTo(label);
  }

  @ParameterizedTest
  @CsvSource({"0,97,5,0,100,25", "0.3,1.7,6,0,2,0.5", "1150,1350,6,1150,1350,50"})
  void niceScaleChoosesRoundTicks(
      double min, double max, int ticks, double niceMin, double niceMax, double step) {
    NiceScale scale = NiceScale.of(min, max, ticks);

    assertThat(scale.min()).isEqualTo(niceMin);
    assertThat(scale.max()).isEqualTo(niceMax);
    assertThat(scale.step()).isEqualTo(step);
  }

  @Test
  void tableRowsMustMatchTheHeaders() {
    assertThatThrownBy(() -> new ReportModel.Table("t", List.of("a", "b"), List.of(List.of("1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table 't' has 2 columns but a row with 1");
  }

  @ParameterizedTest
  @CsvSource({
    "1234.5,'1,235'",
    "12.34,12.3",
    "0.5,0.5",
    "0.012,0.012",
    "0.05,0.05",
    "40,40",
    "-0.001,-0.001"
  })
  void axisLabelsDropNeedlessDigits(double value, String label) {
    assertThat(Html.label(value)).isEqualTo(label);
  }
}
