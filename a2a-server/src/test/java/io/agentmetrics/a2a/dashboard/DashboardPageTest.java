package io.agentmetrics.a2a.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.a2a.stage.Stage;
import io.agentmetrics.a2a.style.Stylesheet;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DashboardPageTest {

  private static final Pattern INLINE =
      Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL);

  @Test
  void thePageGivesTheScriptItsSettingsAsDataAttributesAndDrawsWithoutMarkupInjection() {
    String page = DashboardPage.render("/metrics/summary", Duration.ofSeconds(5));

    assertThat(page)
        .contains("<body data-summary-path=\"/metrics/summary\" data-refresh-ms=\"5000\">")
        .contains("textContent")
        .doesNotContain("innerHTML", "__", "<link", "src=");
  }

  /**
   * A Content-Security-Policy that allows the page's inline script and style by their SHA-256
   * hashes (as the server's dashboard route sends) needs exactly one attribute-free {@code
   * <script>} and {@code <style>}, the same whatever the settings, and no inline {@code style} or
   * event attributes, which such a policy blocks.
   */
  @Test
  void theScriptAndStyleAreTheResourcesInlinedTheSameForEverySetting() {
    String page = DashboardPage.render("/metrics/summary", Duration.ofSeconds(5));
    String other = DashboardPage.render("/other/summary", Duration.ofSeconds(30));

    assertThat(inline(page, "script"))
        .isEqualTo(inline(other, "script"))
        .isEqualTo("\n" + Stylesheet.resource(DashboardPage.class, "dashboard.js"));
    assertThat(inline(page, "style"))
        .isEqualTo(inline(other, "style"))
        .contains(Stylesheet.css(), Stylesheet.resource(DashboardPage.class, "dashboard.css"));
    assertThat(page).doesNotContain(" style=\"", " onload=", " onclick=", "<script ", "<style ");
  }

  @Test
  void theScriptNamesNoStageOfItsOwnButReadsTheSummarysVocabulary() {
    String script = Stylesheet.resource(DashboardPage.class, "dashboard.js");

    for (Stage stage : Stage.values()) {
      assertThat(script).as(stage.id()).doesNotContain("'" + stage.id() + "'");
    }
    assertThat(script).contains("summary.stage_vocabulary", "summary.sends");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"metrics | PT2S", "/a'b | PT2S", "http://x/y | PT2S", "/ok | PT0.1S", "/ok | PT2H"})
  void dashboardRejectsUnsafePathsAndSillyIntervals(String path, String refresh) {
    assertThatThrownBy(() -> DashboardPage.render(path, Duration.parse(refresh)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching("(summaryPath|refresh) must .*");
  }

  private static String inline(String page, String tag) {
    Matcher matcher = INLINE.matcher(page);
    String found = null;
    while (matcher.find()) {
      if (matcher.group(1).equals(tag)) {
        assertThat(found).as("one " + tag).isNull();
        found = matcher.group(2);
      }
    }
    assertThat(found).as(tag).isNotNull();
    return found;
  }
}
