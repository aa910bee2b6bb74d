package io.agentmetrics.a2a.dashboard;

import io.agentmetrics.a2a.style.Stylesheet;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The live {@code GET /dashboard} page: the classpath resources {@code dashboard.html} with the
 * reports' look ({@link Stylesheet}, plus {@code dashboard.css}) and the vanilla JavaScript of
 * {@code dashboard.js} inlined, one self-contained page whose script fetches the server's {@code
 * /metrics/summary} periodically and redraw the cards and stage charts as SVG. No library and no
 * network access beyond that same-origin fetch.
 *
 * <p>The script is the same for every page: the summary path and the interval reach it as {@code
 * data-} attributes of {@code <body>}, so the inline {@code <script>} and {@code <style>} hash the
 * same under a Content-Security-Policy whatever the settings. It reads the summary's {@code
 * stage_vocabulary} (stage order and labels), {@code sends} (the split of the sends' end-to-end
 * time and the LLM share), {@code stages} (percentiles) and {@code usage} (tokens and cost), and
 * puts values into the page with {@code textContent} and SVG attributes only, never as markup.
 *
 * <p>Stateless and thread-safe; the page can be rendered once and cached.
 *
 * @since 0.1.0
 */
public final class DashboardPage {

  /**
   * The summary endpoint the page polls by default.
   *
   * @since 0.1.0
   */
  public static final String DEFAULT_SUMMARY_PATH = "/metrics/summary";

  /**
   * How often the page polls by default.
   *
   * @since 0.1.0
   */
  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(2);

  private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");

  private static final String TEMPLATE = Stylesheet.resource(DashboardPage.class, "dashboard.html");
  private static final String STYLE =
      Stylesheet.css() + Stylesheet.resource(DashboardPage.class, "dashboard.css");
  private static final String SCRIPT = Stylesheet.resource(DashboardPage.class, "dashboard.js");

  private DashboardPage() {}

  /**
   * The page polling {@link #DEFAULT_SUMMARY_PATH} every {@link #DEFAULT_REFRESH}.
   *
   * @return the complete HTML document
   * @since 0.1.0
   */
  public static String render() {
    return render(DEFAULT_SUMMARY_PATH, DEFAULT_REFRESH);
  }

  /**
   * The page polling {@code summaryPath} every {@code refresh}.
   *
   * @param summaryPath an absolute path on the same origin, e.g. {@code /metrics/summary}
   * @param refresh polling interval, from 250 ms to 1 hour
   * @return the complete HTML document
   * @throws IllegalArgumentException if the path is not a plain absolute path or the interval is
   *     out of range
   * @since 0.1.0
   */
  public static String render(String summaryPath, Duration refresh) {
    if (!SAFE_PATH.matcher(summaryPath).matches()) {
      throw new IllegalArgumentException(
          "summaryPath must be an absolute path of letters, digits and ._~/-, got '"
              + summaryPath
              + "'");
    }
    if (refresh.compareTo(Duration.ofMillis(250)) < 0
        || refresh.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "refresh must be between 250 ms and 1 hour, got " + refresh);
    }
    // The settings first, so that no replacement ever reaches into the style or the script.
    return TEMPLATE
        .replace("__SUMMARY_PATH__", summaryPath)
        .replace("__REFRESH_MS__", Long.toString(refresh.toMillis()))
        .replace("__STYLE__", STYLE)
        .replace("__SCRIPT__", SCRIPT);
  }
}
