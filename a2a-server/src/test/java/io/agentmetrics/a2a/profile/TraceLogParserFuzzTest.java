package io.agentmetrics.a2a.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Arbitrary log text: the trace-log parser never throws, every event it accepts has finite,
 * non-negative timings, and what it counts adds up.
 */
class TraceLogParserFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void everyAcceptedEventHasSaneTimings(@NotNull String log) throws Exception {
    TraceLogParser parser = new TraceLogParser(new ObjectMapper());
    List<TraceEvent> events = new ArrayList<>();

    parser.parse(new StringReader(log), events::add);

    for (TraceEvent event : events) {
      assertThat(event.line()).isPositive();
      assertThat(event.timings().values()).allMatch(ms -> Double.isFinite(ms) && ms >= 0);
    }
    TraceLogParser.ParseStats stats = parser.stats();
    assertThat(stats.sendEvents + stats.agentEvents).isEqualTo(events.size());
    assertThat(stats.otherRequestsByMethod)
        .hasSizeLessThanOrEqualTo(TraceLogParser.ParseStats.MAX_METHODS);
    assertThat(stats.otherRequestsByMethod.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(stats.otherRequests);
    assertThat(stats.lines).isGreaterThanOrEqualTo(events.size());
  }
}
