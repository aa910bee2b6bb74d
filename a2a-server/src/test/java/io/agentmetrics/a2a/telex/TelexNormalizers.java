package io.agentmetrics.a2a.telex;

/** Normalizers for tests in other packages. */
public final class TelexNormalizers {

  private TelexNormalizers() {}

  /**
   * A normalizer that runs {@code onConversion} before each HTML-to-text conversion, for example to
   * advance a fake clock inside the work a stage is meant to time.
   */
  public static TelexNormalizer runningOnEachConversion(int maxHistory, Runnable onConversion) {
    HtmlText html = new HtmlText();
    return new TelexNormalizer(
        maxHistory,
        text -> {
          onConversion.run();
          return html.toPlainText(text);
        });
  }
}
