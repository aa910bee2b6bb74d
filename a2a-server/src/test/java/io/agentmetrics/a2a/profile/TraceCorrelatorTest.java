package io.agentmetrics.a2a.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TraceCorrelatorTest {

  private static TraceEvent.Request request(String id, double agentMs, @Nullable String taskId) {
    return new TraceEvent.Request(
        0, id, "message/send", taskId, Map.of("agent_processing", agentMs, "total", agentMs + 2));
  }

  private static TraceEvent.Agent agent(String taskId, double llmMs, @Nullable String requestId) {
    return new TraceEvent.Agent(0, taskId, "ctx", requestId, Map.of("llm_invocation", llmMs));
  }

  @Test
  void pairsByOrderWhicheverEventComesFirst() {
    List<TraceCorrelator.Pair> pairs =
        TraceCorrelator.correlate(
            List.of(
                agent("t1", 10, null),
                request("r1", 11, null),
                request("r2", 21, null),
                agent("t2", 20, null)));

    assertThat(pairs)
        .extracting(p -> p.request().requestId() + "=" + p.agent().taskId())
        .containsExactly("r1=t1", "r2=t2");
  }

  @Test
  void idsWinOverOrder() {
    List<TraceCorrelator.Pair> pairs = new ArrayList<>();
    TraceCorrelator correlator = new TraceCorrelator(pairs::add);
    correlator.accept(agent("t1", 10, "r1"));
    correlator.accept(agent("t2", 10, "r2"));
    correlator.accept(request("r2", 11, null));
    correlator.accept(request("r1", 11, null));
    correlator.finish();

    assertThat(pairs)
        .extracting(p -> p.request().requestId() + "=" + p.agent().taskId())
        .containsExactly("r2=t2", "r1=t1");
    assertThat(correlator.pairedById()).isEqualTo(2);
    assertThat(correlator.pairedByOrder()).isZero();
  }

  @Test
  void skipsAnAgentDetailLongerThanTheRequestsAgentProcessing() {
    List<TraceCorrelator.Pair> pairs =
        TraceCorrelator.correlate(
            List.of(agent("slow", 900, null), agent("fast", 10, null), request("r1", 11, null)));

    assertThat(pairs)
        .singleElement()
        .satisfies(p -> assertThat(p.agent().taskId()).isEqualTo("fast"));
  }

  @Test
  void requestWithoutAgentDetailIsReportedUnpaired() {
    List<TraceCorrelator.Pair> pairs = new ArrayList<>();
    TraceCorrelator correlator = new TraceCorrelator(pairs::add);
    correlator.accept(request("r1", 11, null));
    correlator.accept(agent("t9", 10, "r9"));
    correlator.finish();

    assertThat(pairs).singleElement().satisfies(p -> assertThat(p.agent()).isNull());
    assertThat(correlator.unpairedAgents()).isEqualTo(1);
  }

  @Test
  void requestTaskIdPairsExactly() {
    List<TraceCorrelator.Pair> pairs =
        TraceCorrelator.correlate(
            List.of(agent("t1", 10, null), agent("t2", 10, null), request("r2", 11, "t2")));

    assertThat(pairs)
        .filteredOn(p -> p.agent() != null)
        .singleElement()
        .satisfies(p -> assertThat(p.agent().taskId()).isEqualTo("t2"));
  }
}
