package io.agentmetrics.a2a.report;

import java.util.List;

/**
 * A small SVG writer: the chart element, grid lines, axes with ticks and labels. Colours and fonts
 * come from the page's CSS classes, so charts follow light and dark themes.
 */
final class Svg {

  private final StringBuilder out = new StringBuilder(8192);

  /** Opens a chart; {@code id} and {@code label} become the element id and its accessible name. */
  Svg(String id, String label) {
    this(id, label, Frame.HEIGHT);
  }

  /** Opens a chart with its own view-box height. */
  Svg(String id, String label, double height) {
    out.append("<svg class=\"chart\" id=\"")
        .append(Html.escape(id))
        .append("\" viewBox=\"0 0 ")
        .append(Html.num(Frame.WIDTH))
        .append(' ')
        .append(Html.num(height))
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(label))
        .append("\" preserveAspectRatio=\"xMidYMid meet\">")
        .append("<title>")
        .append(Html.escape(label))
        .append("</title>");
  }

  Svg line(double x1, double y1, double x2, double y2, String cssClass) {
    out.append("<line class=\"")
        .append(cssClass)
        .append("\" x1=\"")
        .append(Html.num(x1))
        .append("\" y1=\"")
        .append(Html.num(y1))
        .append("\" x2=\"")
        .append(Html.num(x2))
        .append("\" y2=\"")
        .append(Html.num(y2))
        .append("\"/>");
    return this;
  }

  Svg rect(double x, double y, double width, double height, String cssClass, String tooltip) {
    out.append("<rect class=\"")
        .append(cssClass)
        .append("\" x=\"")
        .append(Html.num(x))
        .append("\" y=\"")
        .append(Html.num(y))
        .append("\" width=\"")
        .append(Html.num(Math.max(0, width)))
        .append("\" height=\"")
        .append(Html.num(Math.max(0, height)))
        .append("\">");
    tooltip(tooltip);
    out.append("</rect>");
    return this;
  }

  Svg circle(double x, double y, double r, String cssClass, String tooltip) {
    out.append("<circle class=\"")
        .append(cssClass)
        .append("\" cx=\"")
        .append(Html.num(x))
        .append("\" cy=\"")
        .append(Html.num(y))
        .append("\" r=\"")
        .append(Html.num(r))
        .append("\">");
    tooltip(tooltip);
    out.append("</circle>");
    return this;
  }

  Svg polyline(List<double[]> points, String cssClass) {
    out.append("<polyline class=\"").append(cssClass).append("\" points=\"");
    for (double[] point : points) {
      out.append(Html.num(point[0])).append(',').append(Html.num(point[1])).append(' ');
    }
    out.append("\"/>");
    return this;
  }

  Svg text(double x, double y, String text, String cssClass) {
    out.append("<text class=\"")
        .append(cssClass)
        .append("\" x=\"")
        .append(Html.num(x))
        .append("\" y=\"")
        .append(Html.num(y))
        .append("\">")
        .append(Html.escape(text))
        .append("</text>");
    return this;
  }

  /** Horizontal grid lines and y tick labels. */
  Svg yAxis(Frame frame, List<Double> ticks, String title) {
    for (double tick : ticks) {
      double y = frame.y(tick);
      line(Frame.LEFT, y, Frame.LEFT + Frame.plotWidth(), y, "grid");
      text(Frame.LEFT - 8, y + 4, Html.label(tick), "tick tick-y");
    }
    out.append("<text class=\"axis-title\" transform=\"translate(14 ")
        .append(Html.num(Frame.TOP + Frame.plotHeight() / 2))
        .append(") rotate(-90)\">")
        .append(Html.escape(title))
        .append("</text>");
    return this;
  }

  /** The x axis line, tick marks with the given labels, and the axis title. */
  Svg xAxis(Frame frame, List<Double> ticks, List<String> labels, String title) {
    double bottom = Frame.bottom();
    line(Frame.LEFT, bottom, Frame.LEFT + Frame.plotWidth(), bottom, "axis");
    for (int i = 0; i < ticks.size(); i++) {
      double x = frame.x(ticks.get(i));
      line(x, bottom, x, bottom + 5, "axis");
      text(x, bottom + 18, labels.get(i), "tick tick-x");
    }
    text(Frame.LEFT + Frame.plotWidth() / 2, Frame.HEIGHT - 6, title, "axis-title");
    return this;
  }

  Svg empty(String message) {
    return text(Frame.WIDTH / 2, Frame.HEIGHT / 2, message, "empty");
  }

  private void tooltip(String tooltip) {
    if (!tooltip.isEmpty()) {
      out.append("<title>").append(Html.escape(tooltip)).append("</title>");
    }
  }

  String end() {
    return out.append("</svg>").toString();
  }
}
