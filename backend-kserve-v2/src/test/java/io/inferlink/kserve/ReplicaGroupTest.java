package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ProtocolFrontend;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.routing.EndpointGroup;
import io.inferlink.routing.EndpointState;
import io.inferlink.routing.EndpointStatus;
import io.inferlink.routing.OutlierEjection;
import io.inferlink.testkit.KitModels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Client groups over emulators: three replicas of one server behind one multi-host endpoint (gRPC and REST),
 * a replica that goes away mid-run, a health check that notices, and a cross-protocol group (Open Inference
 * Protocol over gRPC first, over REST as the fallback) that switches when the primary dies.
 */
class ReplicaGroupTest {
  private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), 2.0);
  private final List<Emulator> emulators = new ArrayList<>();

  @AfterEach
  void stop() {
    emulators.forEach(Emulator::close);
  }

  private Emulator start(Supplier<ProtocolFrontend> frontend) {
    Emulator e = Emulator.builder().frontend(frontend.get()).build().start();
    emulators.add(e);
    return e;
  }

  private static String hosts(String scheme, List<Emulator> replicas) {
    List<String> authorities = new ArrayList<>();
    replicas.forEach(e -> authorities.add(e.endpoint(scheme).substring(scheme.length() + 3)));
    return scheme + "://" + String.join(",", authorities);
  }

  private static InferenceRequest identity() {
    return InferenceRequest.builder(KitModels.IDENTITY)
        .input(Tensor.ofFloats(KitModels.IDENTITY_TENSOR, new float[] {1f, 2f}, 2)).build();
  }

  private static ClientOptions.Builder noChecks() {
    return ClientOptions.builder().healthCheckInterval(Duration.ZERO);
  }

  @Test
  void callsAreSpreadOverTheReplicasOfAMultiHostGrpcEndpoint() {
    spreadsEvenly("kserve-v2+grpc", OipGrpcFrontend::new);
  }

  @Test
  void callsAreSpreadOverTheReplicasOfAMultiHostRestEndpoint() {
    spreadsEvenly("kserve-v2+http", OipRestFrontend::new);
  }

  private void spreadsEvenly(String scheme, Supplier<ProtocolFrontend> frontend) {
    List<Emulator> replicas = List.of(start(frontend), start(frontend), start(frontend));
    try (InferenceClient client = InferenceClient.create(hosts(scheme, replicas), noChecks().build())) {
      for (int i = 0; i < 30; i++) {
        assertEquals(2, client.infer(identity()).output(KitModels.IDENTITY_TENSOR).shape()[0]);
      }
      long first = replicas.get(0).recorder().recordedCalls();
      assertTrue(first > 0);
      for (Emulator e : replicas) {
        assertEquals(first, e.recorder().recordedCalls(), "round robin: a third each");
      }
      List<EndpointStatus> members = client.unwrap(EndpointGroup.class).members();
      assertEquals(3, members.size());
      members.forEach(m -> assertEquals(10, m.calls()));
    }
  }

  @Test
  void aReplicaThatGoesAwayIsEjectedAndNoCallFails() {
    List<Emulator> replicas = List.of(start(OipGrpcFrontend::new), start(OipGrpcFrontend::new),
        start(OipGrpcFrontend::new));
    ClientOptions options = noChecks().retryPolicy(QUICK)
        .outlierEjection(OutlierEjection.afterConsecutiveFailures(1, Duration.ofMinutes(1))).build();
    try (InferenceClient client = InferenceClient.create(hosts("kserve-v2+grpc", replicas), options)) {
      for (int i = 0; i < 9; i++) {
        client.infer(identity());
      }
      replicas.get(1).close();
      for (int i = 0; i < 30; i++) {
        client.infer(identity()); // a failure here fails the test
      }
      EndpointStatus gone = client.unwrap(EndpointGroup.class).members().get(1);
      assertEquals(EndpointState.EJECTED, gone.state());
      assertEquals(1, gone.failures(), "ejected after its first failure: no call sent to it since");
      assertEquals(1, gone.ejections());
    }
  }

  @Test
  void aHealthCheckNoticesAReplicaThatStopped() throws InterruptedException {
    List<Emulator> replicas = List.of(start(OipRestFrontend::new), start(OipRestFrontend::new));
    ClientOptions options = ClientOptions.builder().healthCheckInterval(Duration.ofMillis(50)).build();
    try (InferenceClient client = InferenceClient.create(hosts("kserve-v2+http", replicas), options)) {
      EndpointGroup group = client.unwrap(EndpointGroup.class);
      replicas.get(0).close();
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (group.members().get(0).state() != EndpointState.UNHEALTHY && System.nanoTime() - end < 0) {
        Thread.sleep(10);
      }
      assertEquals(EndpointState.UNHEALTHY, group.members().get(0).state());
      for (int i = 0; i < 5; i++) {
        client.infer(identity()); // no retries: only the health check keeps calls off the stopped replica
      }
      assertEquals(5, group.members().get(1).calls());
    }
  }

  @Test
  void aGrpcPrimaryFailsOverToARestFallbackOfTheSameProtocol() {
    Emulator primary = start(OipGrpcFrontend::new);
    Emulator fallback = start(OipRestFrontend::new);
    ClientOptions options = noChecks().retryPolicy(QUICK).fallbackEndpoints(fallback.endpoint("kserve-v2+http"))
        .build();
    try (InferenceClient client = InferenceClient.create(primary.endpoint("kserve-v2+grpc"), options)) {
      for (int i = 0; i < 10; i++) {
        client.infer(identity());
      }
      long tenCalls = primary.recorder().recordedCalls();
      assertTrue(tenCalls > 0);
      assertEquals(0, fallback.recorder().recordedCalls(), "the fallback waits while the primary serves");
      primary.close();
      for (int i = 0; i < 10; i++) {
        float[] echoed = client.infer(identity()).output(KitModels.IDENTITY_TENSOR).toFloatArray();
        assertEquals(2f, echoed[1]);
      }
      assertEquals(tenCalls, fallback.recorder().recordedCalls(), "the fallback took the ten calls");
      assertTrue(client.capabilities().supports(io.inferlink.Capability.SERVER_READY));
      assertTrue(client.serverReady(), "readiness goes to whoever serves");
    }
  }

  @Test
  void aSingleGrpcNameWithBalancingSetUsesGrpcJavasRoundRobinOverItsAddresses() {
    Emulator server = start(OipGrpcFrontend::new);
    // localhost may resolve to ::1 as well, where nothing listens: round robin uses the addresses that connect.
    String endpoint = "kserve-v2+grpc://localhost:" + server.port(server.protocols().iterator().next())
        + "?balancing=round-robin";
    try (InferenceClient client = InferenceClient.create(endpoint, noChecks().build())) {
      for (int i = 0; i < 5; i++) {
        client.infer(identity());
      }
      assertThrows(io.inferlink.UnsupportedFeatureException.class, () -> client.unwrap(EndpointGroup.class),
          "one host: no group, grpc-java balances");
    }
  }

  @Test
  void aRestEndpointPinnedToAnAddressConnectsThereAndKeepsItsName() throws Exception {
    Emulator server = start(OipRestFrontend::new);
    int port = server.port(server.protocols().iterator().next());
    // The name does not resolve (.invalid): only the pinned address can make the call succeed.
    io.inferlink.spi.Endpoint pinned = io.inferlink.spi.Endpoint.parse("kserve-v2+http://replicas.invalid:" + port)
        .withAddress(java.net.InetAddress.getByName("127.0.0.1"));
    try (InferenceClient client = io.inferlink.spi.ProviderRegistry.getDefault().createClient(pinned,
        noChecks().build())) {
      assertEquals(2, client.infer(identity()).output(KitModels.IDENTITY_TENSOR).shape()[0]);
    }
  }
}
