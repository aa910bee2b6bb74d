package io.agentmetrics.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Shutdown lets a request that is already running finish within the grace period. */
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

  private static void awaitRefusingNewRequests(TestServer server) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        if (server.get("/health").statusCode() == 503) {
          return;
        }
      } catch (java.io.IOException refused) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the server never stopped taking requests");
  }
}
