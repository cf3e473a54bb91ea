package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnavailableException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.testkit.KitModels;
import io.inferlink.tfserving.TensorFlowServing;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OVMS client runs the options' interceptors and retries once per call, although the gRPC client it
 * wraps is built on the pipeline too: an interceptor sees one call, and a retried call goes out as many
 * times as the policy says, not that many times squared. Attempts are counted by the headers supplier,
 * which every RPC asks once.
 */
class OvmsPipelineTest {
  private static final InferenceRequest LOADING = InferenceRequest.builder(LoadingModel.NAME)
      .input(Tensor.ofFloats("x", new float[] {1f, 2f}, 2)).idempotent(true).build();

  @ParameterizedTest
  @EnumSource(value = OvmsForm.class, names = {"KSERVE_GRPC", "TFS_GRPC"})
  void interceptorsAndRetriesRunOncePerCall(OvmsForm form) {
    List<InferenceCall> seen = new CopyOnWriteArrayList<>();
    InferenceInterceptor recording = new InferenceInterceptor() {
      @Override
      public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
        seen.add(call);
        return chain.proceed(call);
      }
    };
    AtomicInteger rpcs = new AtomicInteger();
    ClientOptions options = ClientOptions.builder().interceptor(recording)
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 2.0))
        .headersSupplier(() -> {
          rpcs.incrementAndGet();
          return Map.of();
        }).build();
    try (OvmsTestServer server = OvmsTestServer.start(); InferenceClient client = server.client(form, options)) {
      assertThrows(UnavailableException.class, () -> client.infer(LOADING), "the model is still loading");
    }
    assertEquals(1, seen.size(), "the interceptor saw " + seen);
    assertEquals(3, rpcs.get(), "RPCs sent");
  }

  /**
   * The TF Serving API's model status, an extension the OVMS client sends through the TF Serving client it
   * wraps: it goes out through this client's pipeline, so a header an interceptor adds (a trace context)
   * reaches the server instead of failing the call as one the wrapped client could not send.
   */
  @ParameterizedTest
  @EnumSource(value = OvmsForm.class, names = {"TFS_REST", "TFS_GRPC"})
  void modelStatusCarriesTheHeadersInterceptorsAdd(OvmsForm form) {
    String callId = UUID.randomUUID().toString();
    List<InferenceCall> seen = new CopyOnWriteArrayList<>();
    InferenceInterceptor tagging = new InferenceInterceptor() {
      @Override
      public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
        seen.add(call);
        return chain.proceed(call.withHeader(KitModels.CALL_ID_HEADER, callId));
      }
    };
    try (OvmsTestServer server = OvmsTestServer.start();
        InferenceClient client = server.client(form, ClientOptions.builder().interceptor(tagging).build())) {
      assertFalse(client.unwrap(TensorFlowServing.class).modelStatus(ModelRef.of(KitModels.IDENTITY)).isEmpty());
      assertTrue(server.emulator.recorder().headersOfCall(callId, Duration.ofSeconds(5)).isPresent(),
          form + ": the interceptor's header did not reach the server");
    }
    assertEquals(1, seen.size(), "the interceptor saw " + seen);
    assertEquals("model.status", seen.get(0).operationName());
  }
}
