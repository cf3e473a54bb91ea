package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Capability;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnavailableException;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipModelRepository;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceCall.Operation;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.testkit.KitModels;
import io.inferlink.tfserving.Example;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.TensorFlowServing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both gRPC clients run every operation, their extensions' included, through the one pipeline: an
 * interceptor sees each with its operation, model and attempt; a request's own headers reach the server
 * as metadata on that call only; an interceptor that answers itself sends nothing; retries go out as new
 * attempts under one interceptor call. The server tells the calls apart by the kit's call-id header,
 * which the options' headers supplier numbers.
 */
class GrpcPipelineTest {
  private static final ModelRef IDENTITY = ModelRef.of(KitModels.IDENTITY);
  private static Emulator emulator;

  /** A gRPC client, and one extension call of it with the name interceptors see. */
  enum Provider {
    KSERVE_V2("kserve-v2+grpc", "repository.index", null,
        c -> c.unwrap(ModelRepository.class).indexAsync(false)),
    TF_SERVING("tfserving+grpc", "classify", KitModels.CLASSIFIER,
        c -> c.unwrap(TensorFlowServing.class).classifyAsync(ModelRef.of(KitModels.CLASSIFIER), null,
            ExampleInput.of(Example.builder().floats("x", 5.1f, 3.5f, 1.4f, 0.2f).build())));

    final String scheme;
    final String extension;
    final String extensionModel;
    final Function<InferenceClient, CompletableFuture<?>> callExtension;

    Provider(String scheme, String extension, String extensionModel,
        Function<InferenceClient, CompletableFuture<?>> callExtension) {
      this.scheme = scheme;
      this.extension = extension;
      this.extensionModel = extensionModel;
      this.callExtension = callExtension;
    }
  }

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(OipGrpcFrontend.builder().repository(OipModelRepository.triton()).build())
        .frontend(new TfServingGrpcFrontend()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  /** Records the calls it sees and lets them through. */
  private static final class Recording implements InferenceInterceptor {
    final List<InferenceCall> seen = new CopyOnWriteArrayList<>();

    @Override
    public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
      seen.add(call);
      return chain.proceed(call);
    }
  }

  /** Options whose every attempt carries the next call id of {@code prefix}: prefix-1, prefix-2... */
  private static ClientOptions.Builder numbered(String prefix, AtomicInteger attempts) {
    return ClientOptions.builder().requestTimeout(Duration.ofSeconds(10))
        .headersSupplier(() -> Map.of(KitModels.CALL_ID_HEADER, prefix + "-" + attempts.incrementAndGet()));
  }

  private static Map<String, String> serverSaw(String callId) {
    return emulator.recorder().headersOfCall(callId, Duration.ofSeconds(5))
        .orElseThrow(() -> new AssertionError("the server saw no call " + callId));
  }

  private static InferenceRequest.Builder identity() {
    return InferenceRequest.builder(IDENTITY).input(Tensor.ofFloats(KitModels.IDENTITY_TENSOR, new float[] {1f}, 1));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void anInterceptorSeesEveryOperationWithItsModelAndAttempt(Provider p) throws Exception {
    Recording recording = new Recording();
    try (InferenceClient client = InferenceClient.create(emulator.endpoint(p.scheme),
        ClientOptions.builder().interceptor(recording).build())) {
      client.infer(identity().build());
      client.modelMetadata(IDENTITY);
      assertTrue(client.modelReadyAsync(IDENTITY).get(10, TimeUnit.SECONDS));
      List<Operation> expected = new ArrayList<>(List.of(Operation.INFER, Operation.MODEL_METADATA, Operation.MODEL_READY));
      if (client.capabilities().supports(Capability.SERVER_LIVE)) {
        assertTrue(client.serverLive());
        client.serverMetadataAsync().get(10, TimeUnit.SECONDS);
        expected.addAll(List.of(Operation.SERVER_LIVE, Operation.SERVER_METADATA));
      }
      p.callExtension.apply(client).get(10, TimeUnit.SECONDS);
      expected.add(Operation.EXTENSION);

      assertEquals(expected, recording.seen.stream().map(InferenceCall::operation).toList());
      for (InferenceCall call : recording.seen) {
        assertEquals(1, call.attempt(), call.toString());
        boolean serverLevel = call.operation() == Operation.SERVER_LIVE || call.operation() == Operation.SERVER_METADATA;
        String model = call.operation() == Operation.EXTENSION ? p.extensionModel : serverLevel ? null : KitModels.IDENTITY;
        assertEquals(model, call.model() == null ? null : call.model().name(), call.toString());
      }
      InferenceCall extension = recording.seen.get(recording.seen.size() - 1);
      assertEquals(p.extension, extension.operationName());
      assertTrue(recording.seen.get(0).request().isPresent(), "the interceptor sees the request of an inference");
    }
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void aRequestsHeaderGoesAsMetadataWithThatCallOnly(Provider p) throws Exception {
    String prefix = "headers-" + p.scheme;
    try (InferenceClient client = InferenceClient.create(emulator.endpoint(p.scheme),
        numbered(prefix, new AtomicInteger()).build())) {
      client.infer(identity().header("X-Tenant", "blue").build()); // the blocking path, no interceptor
      client.inferAsync(identity().build()).get(10, TimeUnit.SECONDS);
      client.inferAsync(identity().header("X-Tenant", "green").build()).get(10, TimeUnit.SECONDS);
    }
    assertEquals("blue", serverSaw(prefix + "-1").get("x-tenant"));
    assertFalse(serverSaw(prefix + "-2").containsKey("x-tenant"), "the header was of the first call only");
    assertEquals("green", serverSaw(prefix + "-3").get("x-tenant"));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void anInterceptorThatAnswersItselfSendsNothing(Provider p) throws Exception {
    InferenceInterceptor answering = new InferenceInterceptor() {
      @Override
      public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
        return CompletableFuture.completedFuture(null);
      }
    };
    AtomicInteger attempts = new AtomicInteger();
    try (InferenceClient client = InferenceClient.create(emulator.endpoint(p.scheme),
        numbered("answered-" + p.scheme, attempts).interceptor(answering).build())) {
      assertNull(client.inferAsync(identity().build()).get(10, TimeUnit.SECONDS));
      assertNull(client.modelMetadataAsync(IDENTITY).get(10, TimeUnit.SECONDS));
      assertNull(p.callExtension.apply(client).get(10, TimeUnit.SECONDS));
    }
    assertEquals(0, attempts.get(), "no call went out");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void aRetryPolicySendsNewAttemptsUnderOneInterceptorCall(Provider p) {
    Recording recording = new Recording();
    AtomicInteger attempts = new AtomicInteger();
    String prefix = "retried-" + p.scheme;
    InferenceRequest unavailable = InferenceRequest.builder(KitModels.FAIL)
        .input(Tensor.ofInts(KitModels.FAIL_TENSOR, new int[] {14}, 1)).idempotent(true).build();
    try (InferenceClient client = InferenceClient.create(emulator.endpoint(p.scheme), numbered(prefix, attempts)
        .interceptor(recording).retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 2.0)).build())) {
      assertThrows(UnavailableException.class, () -> client.infer(unavailable));
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> client.inferAsync(unavailable).get(10, TimeUnit.SECONDS));
      assertInstanceOf(UnavailableException.class, async.getCause());
    }
    assertEquals(6, attempts.get(), "three attempts for each call");
    for (int i = 1; i <= 6; i++) {
      serverSaw(prefix + "-" + i);
    }
    assertEquals(2, recording.seen.size(), "the interceptor sees each call once, outside the retries");
    recording.seen.forEach(c -> assertEquals(1, c.attempt()));
  }
}
