package io.agentmetrics.a2a.style;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The stylesheet shared by the reports and the dashboard ({@code agentmetrics.css}): system fonts,
 * a light and a dark palette chosen by {@code prefers-color-scheme}, and the classes the SVG charts
 * use. Pages inline it, so that a report is one file that opens offline.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Stylesheet {

  private static final String CSS = resource(Stylesheet.class, "agentmetrics.css");

  private Stylesheet() {}

  /**
   * The shared stylesheet.
   *
   * @return the CSS text
   * @since 0.1.0
   */
  public static String css() {
    return CSS;
  }

  /**
   * A UTF-8 text resource next to {@code anchor}'s class file.
   *
   * @param anchor the class whose package holds the resource
   * @param name the resource's file name, e.g. {@code dashboard.js}
   * @return its text
   * @throws IllegalStateException if the resource is missing from the jar
   * @since 0.1.0
   */
  public static String resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource " + name + " is missing next to " + anchor.getName() + ": a broken jar?");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read resource " + name, e);
    }
  }
}
