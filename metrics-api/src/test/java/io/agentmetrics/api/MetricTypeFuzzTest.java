package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * {@link MetricType#fromId} accepts exactly the known ids and enum names (in any case); anything
 * else, including null, fails with an {@link IllegalArgumentException} that lists the valid ids.
 * Plain {@code verify} replays the committed corpus; the {@code fuzz} profile explores.
 */
class MetricTypeFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void fromIdAcceptsExactlyTheKnownIds(String id) {
    boolean known =
        Arrays.stream(MetricType.values())
            .anyMatch(type -> type.id().equals(id) || type.name().equalsIgnoreCase(id));
    if (known) {
      MetricType type = MetricType.fromId(id);
      assertThat(type.id().equals(id) || type.name().equalsIgnoreCase(id)).isTrue();
    } else {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MetricType.fromId(id))
          .withMessageContaining("time_to_first_token")
          .withMessageContaining("thread_pool_usage");
    }
  }
}
