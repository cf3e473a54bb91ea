package io.inferlink.realservers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.routing.EndpointGroup;
import io.inferlink.routing.EndpointStatus;
import io.inferlink.testcontainers.KServeContainer;
import io.inferlink.testcontainers.RequiresDocker;
import io.inferlink.testcontainers.TritonServerContainer;
import io.inferlink.testkit.KitModels;
import io.inferlink.testkit.load.AttemptCounter;
import io.inferlink.testkit.load.LoadReport;
import io.inferlink.testkit.load.LoadRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.MountableFile;

/**
 * Failover across vendors and protocols against real servers: Triton (PyTriton 0.7.0) is the primary over
 * {@code kserve-v2+grpc}, KServe 0.21.0 the fallback over {@code kserve-v2+http}; both serve the kit's
 * {@code add_one}. Under sustained load the primary's container is killed ({@code docker kill}) and no call
 * may fail. Both servers are this test's own containers (host networking), never the shared ones of
 * {@link RealPeers}, since one of them is stopped. Skipped with one line without Docker or the images;
 * failed instead with {@code REQUIRE_DOCKER=true}, as in {@code .ci/run}.
 */
@RequiresDocker(images = {"inferlink/pytriton:0.7.0", "inferlink/kserve:0.21.0"})
class CrossVendorFailoverIT {
  private static final int CALLS = 1_500;
  private static final int IN_FLIGHT = 8;
  private static final int STOP_PRIMARY_AT = 500;
  private static final float[] X = {1f, 2f, 3f, 4f};
  // Triton's add_one takes rank 2 only (realservers/README.md); KServe's any rank.
  private static final InferenceRequest ADD_ONE = InferenceRequest.builder(KitModels.ADD_ONE)
      .input(Tensor.ofFloats(KitModels.ADD_ONE_INPUT, X, 1, X.length))
      .idempotent(true) // a call cut off by the stop may run again on the fallback
      .build();

  private static TritonServerContainer triton;
  private static KServeContainer kserve;

  @BeforeAll
  static void start() {
    Path realservers = RealPeers.realserversFolder();
    triton = new TritonServerContainer(RealPeerContainers.PYTRITON).withHostNetwork()
        .withPyTritonScript(MountableFile.forHostPath(realservers.resolve("pytriton_models.py")), "--max-seconds", "900")
        .waitingForModel("versioned"); // bound last
    kserve = new KServeContainer(RealPeerContainers.KSERVE).withHostNetwork()
        .withPythonScript(MountableFile.forHostPath(realservers.resolve("kserve_models.py")), "--max-seconds", "900");
    CompletableFuture<Void> tritonUp = CompletableFuture.runAsync(triton::start);
    kserve.start();
    tritonUp.join();
  }

  @AfterAll
  static void stop() {
    if (triton != null) {
      triton.stop();
    }
    if (kserve != null) {
      kserve.stop();
    }
  }

  @Test
  void kserveOverRestTakesOverWhenTritonOverGrpcStops() throws Exception {
    // Each server alone answers add_one the same way: the contract the failover relies on.
    for (String endpoint : new String[] {triton.kserveV2GrpcEndpoint(), kserve.kserveV2HttpEndpoint()}) {
      try (InferenceClient alone = InferenceClient.create(endpoint)) {
        check(alone.infer(ADD_ONE));
      }
    }

    AttemptCounter attempts = new AttemptCounter();
    CompletableFuture<?>[] stopping = new CompletableFuture<?>[1];
    AtomicInteger callsDone = new AtomicInteger();
    int[] callsDoneWhenStopped = {-1};
    LoadReport report;
    List<EndpointStatus> members;
    try (InferenceClient client = InferenceClient.create(ClientOptions.builder()
        .endpoint(triton.kserveV2GrpcEndpoint())
        .fallbackEndpoints(kserve.kserveV2HttpEndpoint())
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(200), 2.0))
        .healthCheckInterval(Duration.ofSeconds(1))
        .requestTimeout(Duration.ofSeconds(30))
        .attemptInterceptor(attempts)
        .build())) {
      report = LoadRun.of(CALLS, IN_FLIGHT)
          // On its own thread, as a crash comes from outside: the load goes on meanwhile.
          .at(STOP_PRIMARY_AT, () -> stopping[0] = CompletableFuture.runAsync(() -> {
            stopPrimary();
            callsDoneWhenStopped[0] = callsDone.get();
          }))
          .maxTime(Duration.ofMinutes(3))
          .run(i -> client.inferAsync(ADD_ONE).thenApply(CrossVendorFailoverIT::check)
              .whenComplete((r, e) -> callsDone.incrementAndGet()), attempts);
      members = client.unwrap(EndpointGroup.class).members();
    }
    stopping[0].join();
    String table = LoadReport.table(Map.of("triton grpc -> kserve rest", report))
        + "primary stopped after " + callsDoneWhenStopped[0] + " calls had ended\n" + members + "\n";
    System.out.print(table);
    assertEquals(0, report.failures(), "no call may fail when the primary stops\n" + table);
    assertTrue(callsDoneWhenStopped[0] < CALLS - 200, "the primary stopped well before the load ended\n" + table);
    assertTrue(members.get(0).calls() >= STOP_PRIMARY_AT / 2, "the primary served until it stopped\n" + table);
    assertTrue(members.get(1).calls() >= 200, "the fallback served once the primary stopped\n" + table);
  }

  /**
   * {@code docker kill} (SIGKILL), as a crash or an OOM kill ends a server. Not {@code docker stop}: on
   * SIGTERM Triton keeps serving while calls are in flight, and under steady load it still answered every
   * call seconds later, so a graceful stop would test nothing here.
   */
  private static void stopPrimary() {
    triton.getDockerClient().killContainerCmd(triton.getContainerId()).exec();
  }

  private static InferenceResponse check(InferenceResponse response) {
    assertArrayEquals(new float[] {2f, 3f, 4f, 5f}, response.output(KitModels.ADD_ONE_OUTPUT).toFloatArray(),
        Arrays.toString(X) + " + 1");
    return response;
  }
}
