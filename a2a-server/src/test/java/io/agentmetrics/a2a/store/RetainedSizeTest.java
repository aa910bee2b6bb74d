package io.agentmetrics.a2a.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.a2a.dto.Message;
import io.agentmetrics.a2a.dto.Part;
import io.agentmetrics.a2a.dto.RawJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retained sizes worked out by hand for a 64-bit JVM with compressed references. */
class RetainedSizeTest {

  @ParameterizedTest
  @CsvSource({
    // a String (24) and its byte[] (16 + characters, rounded up to 8)
    "'', 40",
    "abc, 48",
    "abcdefghi, 56",
    // Latin-1 keeps one byte a character; the euro sign makes it two
    "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9, 56",
    "\u20ac\u20ac\u20ac\u20ac\u20ac, 56",
    "\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac\u20ac, 64"
  })
  void aStringIsItsObjectAndItsCompactBytes(String value, long bytes) {
    assertThat(RetainedSize.of(value)).isEqualTo(bytes);
  }

  @Test
  void aMessageIsItsRecordItsStringsItsListAndItsParts() {
    Message message =
        new Message("user", List.of(Part.text("hi")), "m1", null, null, null, null, null);

    // record of 8 references 48; "user", "m1", "message" 48 each; a list of one 48;
    // the part: record of 5 references 32, "text" 48, "hi" 48.
    assertThat(RetainedSize.of(message)).isEqualTo(48 + 3 * 48 + 48 + 32 + 48 + 48);
  }

  @Test
  void aDataPartOfAMebibyteOfEmptyObjectsWeighsAboutItsText() {
    StringBuilder json = new StringBuilder("[{}");
    while (json.length() < (1 << 20) - 1) {
      json.append(",{}");
    }
    String text = json.append(']').toString();
    Message message =
        new Message(
            "user",
            List.of(new Part("data", null, new RawJson(text), null, null)),
            "m1",
            null,
            null,
            null,
            null,
            null);

    assertThat(RetainedSize.of(message)).isBetween((long) text.length(), text.length() + 512L);
  }

  @Test
  void anAbsentStringWeighsNothingAndIdsCountEachTime() {
    List<String> ids = List.of("t1", "t2");

    assertThat(RetainedSize.of((String) null)).isZero();
    // a list of two 48; two strings of 2 characters 48 each
    assertThat(RetainedSize.ofStrings(ids)).isEqualTo(48 + 2 * 48);
  }
}
