package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.RestartableEmulator;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.routing.Balancing;
import io.inferlink.routing.EndpointGroup;
import io.inferlink.routing.EndpointState;
import io.inferlink.routing.OutlierEjection;
import io.inferlink.testkit.KitModels;
import io.inferlink.testkit.load.AttemptCounter;
import io.inferlink.testkit.load.LoadReport;
import io.inferlink.testkit.load.LoadRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17's chaos test: three emulator replicas behind one client under sustained load (2,000 calls, 32
 * in flight). At call 400 replica A is killed (connections drop, then are refused); at call 700 replica
 * B starts shedding load (503 + {@code Retry-After} over REST, UNAVAILABLE + {@code grpc-retry-pushback-ms}
 * over gRPC) until call 1,100; at call 1,300 A comes back on the same ports. With failover, retries and
 * the retry budget the run has no failed call and few extra attempts; the same run with retries and
 * failover off has failures, which shows that the chaos reaches the calls and the test can fail. Each
 * run prints a table (calls, attempts, failures, p50/p99).
 */
class ReplicaChaosTest {
  private static final int CALLS = 2_000;
  private static final int IN_FLIGHT = 32;
  private static final int KILL_A = 400;
  private static final int OVERLOAD_B = 700;
  private static final int END_OVERLOAD_B = 1_100;
  private static final int RESTART_A = 1_300;
  /** The most attempts per call the failover run may need: the chaos costs retries, but a bounded few. */
  private static final double MAX_ATTEMPTS_PER_CALL = 1.3;

  private static final float[] X = {1f, 2f, 3f, 4f};
  private static final InferenceRequest ADD_ONE = InferenceRequest.builder(KitModels.ADD_ONE)
      .input(Tensor.ofFloats(KitModels.ADD_ONE_INPUT, X, 1, X.length))
      // Safe to run twice, so a call cut off by the kill may go to another replica (README "Retries").
      .idempotent(true)
      .build();

  /**
   * Calls through both protocols and both kinds of client before anything is measured, so that class
   * loading, the JIT and the first connections do not land in the first run's p99.
   */
  @BeforeAll
  static void warmUp() throws InterruptedException {
    for (String scheme : new String[] {"kserve-v2+grpc", "kserve-v2+http"}) {
      try (Chaos warm = new Chaos(scheme)) {
        warm.run(failoverOptions(), false, false);
        warm.run(plainOptions(), false, false);
      }
    }
  }

  private static ClientOptions.Builder failoverOptions() {
    return ClientOptions.builder()
        .retryPolicy(new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(50), 2.0))
        // Short enough that the restarted replica is tried again within the run's second or so.
        .outlierEjection(OutlierEjection.afterConsecutiveFailures(3, Duration.ofMillis(200)))
        .healthCheckInterval(Duration.ofMillis(100));
  }

  private static ClientOptions.Builder plainOptions() {
    return ClientOptions.builder()
        .retryPolicy(RetryPolicy.none())
        .outlierEjection(OutlierEjection.disabled())
        .healthCheckInterval(Duration.ZERO);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"kserve-v2+grpc", "kserve-v2+http"})
  void failoverAndRetriesHideAKilledAndAnOverloadedReplica(String scheme) throws Exception {
    Map<String, LoadReport> reports = new LinkedHashMap<>();

    Chaos withFailover = new Chaos(scheme);
    try (withFailover) {
      reports.put(scheme + " failover+retries", withFailover.run(failoverOptions(), true, true));
    }

    Chaos withoutFailover = new Chaos(scheme);
    try (withoutFailover) {
      reports.put(scheme + " no retries, no failover", withoutFailover.run(plainOptions(), true, false));
    }
    System.out.print(LoadReport.table(reports));

    LoadReport good = reports.get(scheme + " failover+retries");
    LoadReport bad = reports.get(scheme + " no retries, no failover");
    String table = "\n" + LoadReport.table(reports);
    assertEquals(0, good.failures(), "no call may fail with failover and retries" + table);
    assertTrue(good.attempts() > good.calls(), "the kill and the overload cost retries" + table);
    assertTrue(good.attemptsPerCall() <= MAX_ATTEMPTS_PER_CALL,
        "extra attempts stay bounded (<= " + MAX_ATTEMPTS_PER_CALL + " per call)" + table);
    assertTrue(withFailover.overloadRefusals() > 0, "replica B refused calls while overloaded" + table);
    assertTrue(withFailover.restartedReplicaServes(), "the restarted replica A is back in rotation");
    assertTrue(bad.failures() > 0, "without retries and failover the chaos must show" + table);
    assertEquals(bad.calls(), bad.attempts(), "one attempt per call without retries" + table);
  }

  /** Three replicas and the run's script of kills and overloads. */
  private static final class Chaos implements AutoCloseable {
    private final String scheme;
    private final List<RestartableEmulator> replicas = new ArrayList<>();
    private long overloadRefusals;
    private boolean restartedReplicaServes;

    Chaos(String scheme) {
      this.scheme = scheme;
      for (int i = 0; i < 3; i++) {
        replicas.add(RestartableEmulator.start(
            () -> Emulator.builder().frontend(new OipGrpcFrontend()).frontend(new OipRestFrontend())));
      }
    }

    /** One endpoint naming the three replicas' hosts, as {@code kserve-v2+grpc://a:1,b:2,c:3}. */
    String endpoint() {
      String prefix = scheme + "://";
      return prefix + replicas.stream().map(r -> r.endpoint(scheme).substring(prefix.length()))
          .collect(Collectors.joining(","));
    }

    /**
     * One run; {@code chaos} false runs the same load with no kill and no overload (the warm-up). With
     * {@code awaitRecovery}, afterwards waits for replica A to be back in rotation
     * ({@link #restartedReplicaServes()}); only a client with health checks and retries can be asked that.
     */
    LoadReport run(ClientOptions.Builder options, boolean chaos, boolean awaitRecovery) throws InterruptedException {
      AttemptCounter attempts = new AttemptCounter();
      RestartableEmulator a = replicas.get(0);
      Emulator b = replicas.get(1).current();
      try (InferenceClient client = InferenceClient.create(options.endpoint(endpoint())
          .balancing(Balancing.ROUND_ROBIN)
          .requestTimeout(Duration.ofSeconds(10))
          .attemptInterceptor(attempts)
          .build())) {
        LoadRun load = LoadRun.of(CALLS, IN_FLIGHT).maxTime(Duration.ofSeconds(40));
        if (!chaos) {
          return load.run(i -> checked(client.inferAsync(ADD_ONE)), attempts);
        }
        LoadReport report = load
            .at(KILL_A, a::kill)
            // gRPC says 300 ms; REST's Retry-After rounds it up to 1 s.
            .at(OVERLOAD_B, () -> b.overload(Duration.ofMillis(300)))
            .at(END_OVERLOAD_B, b::endOverload)
            .at(RESTART_A, a::restart)
            .run(i -> checked(client.inferAsync(ADD_ONE)), attempts);
        overloadRefusals = b.overloadRefusals();
        EndpointGroup group = client.unwrap(EndpointGroup.class);
        System.out.println(scheme + " replicas after the run: " + group.members());
        if (awaitRecovery) {
          restartedReplicaServes = backInRotation(client, group);
        }
        return report;
      }
    }

    long overloadRefusals() {
      return overloadRefusals;
    }

    /**
     * Whether replica A takes calls again once the client has seen it come back: its state turns HEALTHY
     * within a few seconds (a health check, or the end of its ejection; gRPC's reconnect backoff may add a
     * second or two), then some of a few more calls reach it.
     */
    private static boolean backInRotation(InferenceClient client, EndpointGroup group) throws InterruptedException {
      long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (group.members().get(0).state() != EndpointState.HEALTHY) {
        if (System.nanoTime() > giveUp) {
          return false;
        }
        Thread.sleep(50);
      }
      long before = group.members().get(0).calls();
      for (int i = 0; i < 30; i++) {
        checked(client.inferAsync(ADD_ONE)).join();
      }
      return group.members().get(0).calls() > before;
    }

    boolean restartedReplicaServes() {
      return restartedReplicaServes;
    }

    @Override
    public void close() {
      replicas.forEach(RestartableEmulator::close);
    }
  }

  /** A wrong answer counts as a failed call too: failover must not trade errors for wrong results. */
  private static CompletableFuture<InferenceResponse> checked(CompletableFuture<InferenceResponse> call) {
    return call.thenApply(response -> {
      float[] y = response.output(KitModels.ADD_ONE_OUTPUT).toFloatArray();
      float[] expected = {2f, 3f, 4f, 5f};
      if (!Arrays.equals(expected, y)) {
        throw new IllegalStateException("add_one answered " + Arrays.toString(y));
      }
      return response;
    });
  }
}
