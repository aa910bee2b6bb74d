package io.agentmetrics.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the Java code blocks of a documentation page identical to compiled, tested code.
 *
 * <p>In the page, every {@code ```java} block is preceded by a line {@code <!-- snippet: NAME -->}
 * (blank lines may separate them). In a test source, the same code sits between the lines {@code //
 * snippet: NAME} and {@code // end-snippet}. {@link #assertPageMatches(Path, Path...)} fails,
 * listing every problem at once, if a block has no name, a name has no region, or a block differs
 * from its region. Comparison ignores whitespace differences (indentation, line breaks), so the
 * formatter may indent the region differently from the page.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class DocSnippets {

  private static final Pattern PAGE_MARKER = Pattern.compile("^<!--\\s*snippet:\\s*(\\S+)\\s*-->$");
  private static final Pattern SOURCE_START = Pattern.compile("^//\\s*snippet:\\s*(\\S+)$");
  private static final String SOURCE_END = "// end-snippet";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private DocSnippets() {}

  /**
   * Asserts that every Java block of {@code page} matches its tagged region in {@code sources}.
   *
   * @throws AssertionError listing every block without a name, without a region, or different from
   *     its region
   * @throws IllegalArgumentException if a source has an unterminated or duplicate region
   * @throws UncheckedIOException if a file cannot be read
   */
  public static void assertPageMatches(Path page, Path... sources) {
    Map<String, String> regions = new LinkedHashMap<>();
    for (Path source : sources) {
      regions.putAll(regions(source, regions));
    }
    List<String> problems = new ArrayList<>();
    List<Block> blocks = javaBlocks(page);
    if (blocks.isEmpty()) {
      problems.add(page + " has no ```java block; is this the right page?");
    }
    for (Block block : blocks) {
      if (block.name == null) {
        problems.add(
            page
                + ":"
                + block.line
                + ": ```java block has no <!-- snippet: NAME --> line before it");
        continue;
      }
      String region = regions.get(block.name);
      if (region == null) {
        problems.add(
            page
                + ":"
                + block.line
                + ": snippet '"
                + block.name
                + "' has no // snippet: "
                + block.name
                + " region in "
                + List.of(sources));
      } else if (!normalize(region).equals(normalize(block.code))) {
        problems.add(
            page
                + ":"
                + block.line
                + ": snippet '"
                + block.name
                + "' differs from its source region.\n--- page:\n"
                + block.code
                + "--- source:\n"
                + region);
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          problems.size() + " doc snippet problem(s):\n" + String.join("\n\n", problems));
    }
  }

  /** The Java blocks of {@code page}, with the snippet name that precedes each, if any. */
  static List<Block> javaBlocks(Path page) {
    List<String> lines = read(page);
    List<Block> blocks = new ArrayList<>();
    @Nullable String pendingName = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      Matcher marker = PAGE_MARKER.matcher(line);
      if (marker.matches()) {
        pendingName = marker.group(1);
      } else if (line.startsWith("```")) {
        int open = i;
        StringBuilder code = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
          code.append(lines.get(i)).append('\n');
        }
        if (line.equals("```java")) {
          blocks.add(new Block(pendingName, open + 1, code.toString()));
        }
        pendingName = null;
      } else if (!line.isEmpty()) {
        pendingName = null;
      }
    }
    return blocks;
  }

  /** The tagged regions of {@code source} by name. */
  static Map<String, String> regions(Path source, Map<String, String> known) {
    List<String> lines = read(source);
    Map<String, String> regions = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher start = SOURCE_START.matcher(lines.get(i).strip());
      if (!start.matches()) {
        continue;
      }
      String name = start.group(1);
      if (known.containsKey(name) || regions.containsKey(name)) {
        throw new IllegalArgumentException(
            source + ":" + (i + 1) + ": snippet '" + name + "' is defined twice; rename one");
      }
      StringBuilder code = new StringBuilder();
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).strip().equals(SOURCE_END)) {
        code.append(lines.get(j)).append('\n');
        j++;
      }
      if (j == lines.size()) {
        throw new IllegalArgumentException(
            source + ":" + (i + 1) + ": snippet '" + name + "' has no " + SOURCE_END + " line");
      }
      regions.put(name, code.toString());
      i = j;
    }
    return regions;
  }

  static String normalize(String code) {
    return WHITESPACE.matcher(code).replaceAll(" ").strip();
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** One fenced block of a page. */
  record Block(@Nullable String name, int line, String code) {}
}
