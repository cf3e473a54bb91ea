package io.inferlink.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.emulator.ovms.OvmsFrontends;
import io.inferlink.emulator.ovms.OvmsRelease;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.interceptor.RetryPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The meters of real calls, over every protocol the emulator serves: after each scenario the whole
 * registry is compared, line by line, with what that call must leave (names, tags, counts, bytes).
 */
class MicrometerInterceptorEmulatorTest {
  private static final Tensor ADD_ONE_INPUT = Tensor.ofFloats("x", new float[] {1, 2, 3, 4}, 1, 4); // 16 bytes
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    OvmsFrontends ovms = OvmsFrontends.of(OvmsRelease.V2026_2);
    emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(10))
        .frontend(new TfServingRestFrontend()).frontend(new TfServingGrpcFrontend())
        .frontend(new KServeV1RestFrontend()).frontend(new OipRestFrontend()).frontend(new OipGrpcFrontend())
        .frontend(ovms.rest()).frontend(ovms.grpc()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  /** A client of {@code protocol} with the interceptor and its attempt counter, and its registry. */
  private static final class Metered implements AutoCloseable {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final InferenceClient client;
    final String provider;

    Metered(ServedProtocol protocol, UnaryOperator<ClientOptions.Builder> more) {
      MicrometerInterceptor metrics = MicrometerInterceptor.builder(registry).build();
      client = InferenceClient.create(protocol.endpoint(emulator), more.apply(ClientOptions.builder()
          .interceptor(metrics).attemptInterceptor(metrics.attempts())).build());
      provider = protocol.provider;
    }

    /** The lines a call of {@code model} ending with {@code outcome} leaves, sent with {@code requestBytes}. */
    List<String> expected(String model, String outcome, long requestBytes, long responseBytes) {
      String tags = "{model=" + model + ",operation=infer";
      List<String> lines = new ArrayList<>(List.of(
          "inferlink.client.attempts" + tags + ",outcome=" + outcome + ",provider=" + provider + "} count=1",
          "inferlink.client.calls" + tags + ",outcome=" + outcome + ",provider=" + provider + "} count=1",
          "inferlink.client.calls.active{provider=" + provider + "} value=0",
          "inferlink.client.request.size" + tags + ",provider=" + provider + "} count=1 bytes=" + requestBytes));
      if (responseBytes >= 0) {
        lines.add("inferlink.client.response.size" + tags + ",provider=" + provider + "} count=1 bytes=" + responseBytes);
      }
      lines.sort(null);
      return lines;
    }

    @Override
    public void close() {
      client.close();
      registry.close();
    }
  }

  private static Metered metered(ServedProtocol protocol) {
    return new Metered(protocol, b -> b);
  }

  /** The fail model's request; its code goes as INT64 to a client that cannot carry INT32 (KServe V1). */
  private static InferenceRequest fail(InferenceClient client, ErrorCode code) {
    Tensor tensor = client.capabilities().supports(DataType.INT32)
        ? Tensor.ofInts("code", new int[] {code.grpcCode()}, 1)
        : Tensor.ofLongs("code", new long[] {code.grpcCode()}, 1);
    return InferenceRequest.builder(ModelRef.of("fail")).input(tensor).build();
  }

  private static InferenceRequest sleep(long millis, Duration timeout) {
    return InferenceRequest.builder(ModelRef.of("sleep")).input(Tensor.ofLongs("millis", new long[] {millis}, 1))
        .timeout(timeout).build();
  }

  private static ErrorCode codeOf(CompletableFuture<?> call) {
    Throwable t = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS)).getCause();
    assertTrue(t instanceof InferenceException, () -> "not typed: " + t);
    return ((InferenceException) t).code();
  }

  @ParameterizedTest
  @EnumSource(ServedProtocol.class)
  void aSuccessfulInferenceIsTimedAndSized(ServedProtocol protocol) throws Exception {
    try (Metered m = metered(protocol)) {
      InferenceResponse response = m.client.inferAsync(InferenceRequest.builder(ModelRef.of("add_one"))
          .input(ADD_ONE_INPUT).build()).get(30, TimeUnit.SECONDS);
      long outputBytes = response.outputs().values().stream().mapToLong(Tensor::byteSize).sum();
      assertTrue(outputBytes > 0, "the answer has outputs");
      assertEquals(m.expected("add_one", "OK", 16, outputBytes), MeterDump.of(m.registry));
    }
  }

  @ParameterizedTest
  @EnumSource(ServedProtocol.class)
  void aServerErrorIsCountedByItsCode(ServedProtocol protocol) {
    try (Metered m = metered(protocol)) {
      InferenceRequest request = fail(m.client, ErrorCode.INTERNAL);
      assertEquals(ErrorCode.INTERNAL, codeOf(m.client.inferAsync(request)));
      long bytes = request.inputs().get("code").byteSize();
      assertEquals(m.expected("fail", "INTERNAL", bytes, -1), MeterDump.of(m.registry));
    }
  }

  @ParameterizedTest
  @EnumSource(ServedProtocol.class)
  void anUnknownModelIsNotFound(ServedProtocol protocol) {
    try (Metered m = metered(protocol)) {
      InferenceRequest request = InferenceRequest.builder(ModelRef.of("no_such_model")).input(ADD_ONE_INPUT).build();
      assertEquals(ErrorCode.NOT_FOUND, codeOf(m.client.inferAsync(request)));
      assertEquals(m.expected("no_such_model", "NOT_FOUND", 16, -1), MeterDump.of(m.registry));
    }
  }

  @ParameterizedTest
  @EnumSource(ServedProtocol.class)
  void aCallPastItsDeadlineIsDeadlineExceeded(ServedProtocol protocol) {
    try (Metered m = metered(protocol)) {
      assertEquals(ErrorCode.DEADLINE_EXCEEDED,
          codeOf(m.client.inferAsync(sleep(5_000, Duration.ofMillis(300)))));
      assertEquals(m.expected("sleep", "DEADLINE_EXCEEDED", 8, -1), MeterDump.of(m.registry));
    }
  }

  @ParameterizedTest
  @EnumSource(ServedProtocol.class)
  void aCancelledCallIsCancelledAndLeavesNothingInFlight(ServedProtocol protocol) throws Exception {
    try (Metered m = metered(protocol)) {
      CompletableFuture<InferenceResponse> call = m.client.inferAsync(sleep(10_000, Duration.ofSeconds(30)));
      String active = "inferlink.client.calls.active{provider=" + protocol.provider + "} value=1";
      assertTrue(MeterDump.of(m.registry).contains(active), () -> "in flight: " + MeterDump.of(m.registry));
      Thread.sleep(100); // let the request reach the server
      call.cancel(true);
      assertThrows(CancellationException.class, call::join);
      List<String> expected = m.expected("sleep", "CANCELLED", 8, -1);
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      // The caller's future is cancelled at once; the attempt's end, which records, follows it.
      while (!expected.equals(MeterDump.of(m.registry)) && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertEquals(expected, MeterDump.of(m.registry));
    }
  }

  @ParameterizedTest
  @EnumSource(ServedProtocol.class)
  void retriesAreCountedInsideOneCall(ServedProtocol protocol) {
    RetryPolicy threeTries = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 2.0);
    try (Metered m = new Metered(protocol, b -> b.retryPolicy(threeTries))) {
      InferenceRequest request = fail(m.client, ErrorCode.UNAVAILABLE);
      assertEquals(ErrorCode.UNAVAILABLE, codeOf(m.client.inferAsync(request)));
      long bytes = request.inputs().get("code").byteSize();
      String tags = "{model=fail,operation=infer";
      String p = ",provider=" + protocol.provider + "}";
      List<String> expected = new ArrayList<>(List.of(
          "inferlink.client.attempts" + tags + ",outcome=UNAVAILABLE" + p + " count=3",
          "inferlink.client.calls" + tags + ",outcome=UNAVAILABLE" + p + " count=1",
          "inferlink.client.calls.active{provider=" + protocol.provider + "} value=0",
          "inferlink.client.request.size" + tags + p + " count=1 bytes=" + bytes,
          "inferlink.client.retries" + tags + p + " count=2"));
      expected.sort(null);
      assertEquals(expected, MeterDump.of(m.registry));
    }
  }
}
