package io.agentmetrics.a2a.telex;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.a2a.dto.JsonMappers;
import io.agentmetrics.a2a.dto.Message;
import java.util.HashSet;
import java.util.Optional;

/**
 * Telex-shaped messages with fuzzed HTML in the query and the history: normalization never throws,
 * and its output is plain single-line text, without duplicates, within the history cap.
 */
class TelexNormalizerFuzzTest {

  private static final int MAX_HISTORY = 5;
  private static final ObjectMapper MAPPER = JsonMappers.create(64, 1 << 20, 1 << 24, 1_000_000);
  private static final TelexNormalizer NORMALIZER = new TelexNormalizer(MAX_HISTORY);

  @FuzzTest(maxDuration = "60s")
  void normalizedTextIsPlainSingleLineAndBounded(FuzzedDataProvider data) throws Exception {
    ObjectNode message = MAPPER.createObjectNode();
    message.put("kind", "message").put("role", "user").put("messageId", "m-1");
    ArrayNode parts = message.putArray("parts");
    if (data.consumeBoolean()) {
      parts.addObject().put("kind", "text").put("text", data.consumeString(500));
    }
    ArrayNode history = parts.addObject().put("kind", "data").putArray("data");
    int turns = data.consumeInt(0, 12);
    for (int i = 0; i < turns; i++) {
      history
          .addObject()
          .put(data.consumeBoolean() ? "kind" : "type", data.consumeBoolean() ? "text" : "file")
          .put("text", data.consumeString(300));
    }

    Optional<MessageText> normalized =
        NORMALIZER
            .normalize(MAPPER.treeToValue(message, Message.class))
            .flatMap(NORMALIZER::extractText);

    normalized.ifPresent(
        result -> {
          assertPlainLine(result.query());
          assertThat(result.query()).isNotEmpty();
          assertThat(result.history()).hasSizeLessThanOrEqualTo(MAX_HISTORY);
          assertThat(new HashSet<>(result.history())).hasSameSizeAs(result.history());
          assertThat(result.history()).doesNotContain(result.query());
          result.history().forEach(TelexNormalizerFuzzTest::assertPlainLine);
        });
  }

  private static void assertPlainLine(String text) {
    assertThat(text).doesNotContain("\n", "\r", "  ").isEqualTo(text.strip());
  }
}
