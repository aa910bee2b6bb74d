package io.agentmetrics.a2a.dto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileContentTest {

  @ParameterizedTest
  @ValueSource(strings = {"A", "aGk=A", "aG k=", "aGk!", "aGk=\u0000", "a-_b", "SECRET*"})
  void bytesThatAreNotBase64AreRefusedNamingTheFieldWithoutEchoingThem(String bytes) {
    assertThatThrownBy(() -> new FileContent("a.txt", "text/plain", bytes, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bytes must be base64")
        .message()
        .doesNotContain("SECRET");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "aGk=", "aGk", "aGVsbG8gd29y\r\nbGQ=", "+/+/"})
  void base64BytesAreKeptAsTheyAreAndDecode(String bytes) {
    FileContent file = new FileContent(null, null, bytes, null);

    assertThat(file.bytes()).isEqualTo(bytes);
    assertThat(Base64.getMimeDecoder().decode(file.bytes())).isNotNull();
  }

  @Test
  void aUriFileNeedsNoBytes() {
    assertThat(new FileContent(null, null, null, "https://example.com/a.txt").uri())
        .isEqualTo("https://example.com/a.txt");
  }
}
