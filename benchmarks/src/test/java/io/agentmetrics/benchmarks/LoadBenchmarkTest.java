package io.agentmetrics.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class LoadBenchmarkTest {

  private static final String WRK_WITH_503S =
      """
      Running 10s test @ http://127.0.0.1:8080/tasks/send
        2 threads and 32 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     3.10ms    1.20ms  40.00ms   90.00%
          Req/Sec     5.00k   300.00     6.00k    70.00%
        Latency Distribution
           50%    2.90ms
           75%    3.50ms
           90%    4.20ms
           99%    8.00ms
        100000 requests in 10.00s, 150.00MB read
        Non-2xx or 3xx responses: 20000
      Requests/sec:  10000.00
      Transfer/sec:     15.00MB
      """;

  @Test
  void throughputCountsSuccessfulAnswersOnlyAndReportsTheOthers() {
    ObjectNode round = LoadBenchmark.parseWrk(WRK_WITH_503S);

    // 100,000 answers in 10 s, of which 20,000 were refusals such as the agent queue's 503.
    assertThat(round.path("throughput_rps").asDouble()).isEqualTo(8_000.0);
    assertThat(round.path("answered_rps").asDouble()).isEqualTo(10_000.0);
    assertThat(round.path("non_2xx").asLong()).isEqualTo(20_000);
    assertThat(round.path("p99_ms").asDouble()).isEqualTo(8.0);
  }

  @Test
  void theTracedSendsAreReadWhereTraceReportCountsThem() throws Exception {
    // The shape of `trace-report --format json` (schema v2): sends under correlation.
    JsonNode report =
        new ObjectMapper()
            .readTree(
                """
                {"correlation": {"sends": 82778, "with_agent_detail": 82778},
                 "non_llm_overhead_ms": {"p50": 0.048, "p99": 0.519}}
                """);
    ObjectNode into = new ObjectMapper().createObjectNode();

    LoadBenchmark.putReport(into, report);

    assertThat(into.path("traced_sends").asLong()).isEqualTo(82_778);
    assertThat(into.path("non_llm_overhead_p99_ms").asDouble()).isEqualTo(0.519);
  }

  @Test
  void aRunWithoutRefusalsHasNoNon2xxAnswers() {
    ObjectNode round =
        LoadBenchmark.parseWrk(WRK_WITH_503S.replace("  Non-2xx or 3xx responses: 20000\n", ""));

    assertThat(round.path("throughput_rps").asDouble()).isEqualTo(10_000.0);
    assertThat(round.path("non_2xx").asLong()).isZero();
  }
}
