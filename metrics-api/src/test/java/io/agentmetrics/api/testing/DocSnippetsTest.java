package io.agentmetrics.api.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocSnippetsTest {

  @TempDir Path dir;

  private static final String SOURCE =
      """
      class Example {
        void run() {
          // snippet: hello
          String greeting = "hello";
          System.out.println(greeting);
          // end-snippet
        }
      }
      """;

  @Test
  void pageWhoseBlocksMatchTheirRegionsPasses() throws IOException {
    Path page =
        write(
            "page.md",
            """
            # Title

            <!-- snippet: hello -->
            ```java
            String greeting = "hello";
            System.out.println(greeting);
            ```

            ```bash
            echo not checked
            ```
            """);

    assertThatCode(() -> DocSnippets.assertPageMatches(page, write("Example.java", SOURCE)))
        .doesNotThrowAnyException();
  }

  @Test
  void whitespaceDifferencesAreIgnored() throws IOException {
    Path page =
        write(
            "page.md",
            """
            <!-- snippet: hello -->

            ```java
              String   greeting = "hello";
                System.out.println(greeting);
            ```
            """);

    assertThatCode(() -> DocSnippets.assertPageMatches(page, write("Example.java", SOURCE)))
        .doesNotThrowAnyException();
  }

  @Test
  void blockThatDiffersFromItsRegionFailsShowingBoth() throws IOException {
    Path page =
        write(
            "page.md",
            """
            <!-- snippet: hello -->
            ```java
            String greeting = "bye";
            ```
            """);

    assertThatThrownBy(() -> DocSnippets.assertPageMatches(page, write("Example.java", SOURCE)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("snippet 'hello' differs")
        .hasMessageContaining("\"bye\"")
        .hasMessageContaining("System.out.println(greeting);");
  }

  @Test
  void blockWithoutANameFails() throws IOException {
    Path page = write("page.md", "Text\n\n```java\nint x = 1;\n```\n");

    assertThatThrownBy(() -> DocSnippets.assertPageMatches(page, write("Example.java", SOURCE)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("page.md:3: ```java block has no <!-- snippet: NAME --> line");
  }

  @Test
  void markerSeparatedFromItsBlockByTextDoesNotCount() throws IOException {
    Path page = write("page.md", "<!-- snippet: hello -->\nSome prose.\n```java\nint x;\n```\n");

    assertThatThrownBy(() -> DocSnippets.assertPageMatches(page, write("Example.java", SOURCE)))
        .hasMessageContaining("has no <!-- snippet: NAME --> line");
  }

  @Test
  void blockWhoseNameHasNoRegionFails() throws IOException {
    Path page = write("page.md", "<!-- snippet: missing -->\n```java\nint x;\n```\n");

    assertThatThrownBy(() -> DocSnippets.assertPageMatches(page, write("Example.java", SOURCE)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("snippet 'missing' has no // snippet: missing region");
  }

  @Test
  void pageWithoutJavaBlocksFails() throws IOException {
    Path page = write("page.md", "# Nothing here\n");

    assertThatThrownBy(() -> DocSnippets.assertPageMatches(page, write("Example.java", SOURCE)))
        .hasMessageContaining("has no ```java block");
  }

  @Test
  void regionWithoutEndIsRejected() throws IOException {
    Path page = write("page.md", "<!-- snippet: open -->\n```java\nint x;\n```\n");
    Path source = write("Open.java", "// snippet: open\nint x;\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> DocSnippets.assertPageMatches(page, source))
        .withMessageContaining("snippet 'open' has no // end-snippet line");
  }

  @Test
  void duplicateRegionAcrossSourcesIsRejected() throws IOException {
    Path page = write("page.md", "<!-- snippet: hello -->\n```java\nint x;\n```\n");

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                DocSnippets.assertPageMatches(
                    page, write("A.java", SOURCE), write("B.java", SOURCE)))
        .withMessageContaining("snippet 'hello' is defined twice");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
