package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentmetrics.a2a.agent.AgentReply;
import io.agentmetrics.a2a.agent.AgentStageTimings;
import io.agentmetrics.a2a.agent.TaskProcessor;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Shutdown lets the requests that are already running finish within the grace period. */
class GracefulShutdownIT {

  @Test
  void anInFlightRequestCompletesWhileTheServerStops() throws Exception {
    GatedProcessor agent = new GatedProcessor();
    TestServer server = TestServer.start(c -> c, agent);
    CompletableFuture<HttpResponse<String>> inFlight =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return server.post("/", JsonRpcProtocolIT.send("\"slow\"", "Take your time"));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    agent.awaitStarted();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
    // Release the agent only once the server has stopped taking new requests.
    awaitRefusingNewRequests(server);
    agent.release.countDown();

    HttpResponse<String> response = inFlight.get(60, TimeUnit.SECONDS);
    stopping.get(60, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(
            new ObjectMapper()
                .readTree(response.body())
                .path("result")
                .path("status")
                .path("state")
                .asText())
        .isEqualTo("completed");
  }

  @Test
  void everyRequestAcceptedUnderLoadCompletesWhileTheServerStops() throws Exception {
    int inFlight = 12;
    CountDownLatch started = new CountDownLatch(inFlight);
    CountDownLatch release = new CountDownLatch(1);
    TaskProcessor agent =
        request -> {
          started.countDown();
          release.await();
          return new AgentReply("answer", new AgentStageTimings(0, 0, 1, 0));
        };
    TestServer server = TestServer.start(c -> c, agent);
    ExecutorService clients = Executors.newFixedThreadPool(inFlight);
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < inFlight; i++) {
      int n = i;
      responses.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return server.post(
                      "/", JsonRpcProtocolIT.send("\"load-" + n + "\"", "Question " + n));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              clients));
    }
    assertThat(started.await(60, TimeUnit.SECONDS))
        .as("requests that reached the agent: %d of %d", inFlight - started.getCount(), inFlight)
        .isTrue();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
    awaitRefusingNewRequests(server);
    release.countDown();

    ObjectMapper json = new ObjectMapper();
    for (CompletableFuture<HttpResponse<String>> response : responses) {
      HttpResponse<String> done = response.get(60, TimeUnit.SECONDS);
      assertThat(done.statusCode()).isEqualTo(200);
      assertThat(json.readTree(done.body()).path("result").path("status").path("state").asText())
          .isEqualTo("completed");
    }
    stopping.get(60, TimeUnit.SECONDS);
    clients.shutdown();
  }

  private static void awaitRefusingNewRequests(TestServer server) {
    await("the server refusing new requests")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> refusing(server));
  }

  private static boolean refusing(TestServer server) throws InterruptedException {
    try {
      return server.get("/health").statusCode() == 503;
    } catch (java.io.IOException refused) {
      return true;
    }
  }
}
