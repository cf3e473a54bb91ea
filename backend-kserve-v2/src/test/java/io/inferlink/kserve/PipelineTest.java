package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnavailableException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceCall.Operation;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.kserve.internal.V2GrpcProvider;
import io.inferlink.kserve.internal.V2RestProvider;
import io.inferlink.testkit.KitModels;
import io.inferlink.emulator.oip.OipModelRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both Open Inference Protocol clients through the one pipeline, against the emulator: per-call
 * headers reach the server on the async and the blocking path; an interceptor sees every operation,
 * repository extension included, with its fields; a short-circuit sends nothing; retries, by the
 * policy or by an interceptor, are attempts the server sees.
 */
class PipelineTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static RepositoryEmulator server;

  @BeforeAll
  static void start() {
    server = new RepositoryEmulator(OipModelRepository.triton());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static InferenceClient client(String scheme, ClientOptions.Builder options) {
    return InferenceClient.create(server.emulator.endpoint(scheme), options.build());
  }

  private static String providerOf(String scheme) {
    return scheme.equals(RepositoryEmulator.REST) ? V2RestProvider.NAME : V2GrpcProvider.NAME;
  }

  private static InferenceRequest.Builder identity() {
    return InferenceRequest.builder(KitModels.IDENTITY).input(Tensor.ofFloats(KitModels.IDENTITY_TENSOR, new float[] {3f}, 1));
  }

  private static InferenceRequest failWith(int code) {
    return InferenceRequest.builder(KitModels.FAIL).input(Tensor.ofInts(KitModels.FAIL_TENSOR, new int[] {code}, 1)).build();
  }

  private static Map<String, String> headersOf(String callId) {
    return server.emulator.recorder().headersOfCall(callId, WAIT)
        .orElseThrow(() -> new AssertionError("no call " + callId + " reached the server"));
  }

  /** Records every call it sees and passes it on. */
  static final class Recorder implements InferenceInterceptor {
    final List<InferenceCall> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
      calls.add(call);
      return chain.proceed(call);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {RepositoryEmulator.REST, RepositoryEmulator.GRPC})
  void perCallHeadersReachTheServerOnBothPaths(String scheme) throws Exception {
    try (InferenceClient c = client(scheme, ClientOptions.builder().header("X-Tenant", "client").header("X-Team", "search"))) {
      String async = UUID.randomUUID().toString();
      c.inferAsync(identity().header(KitModels.CALL_ID_HEADER, async).header("X-Tenant", "blue").build())
          .get(10, TimeUnit.SECONDS);
      Map<String, String> seen = headersOf(async);
      assertEquals("blue", seen.get("x-tenant"), "the request's header replaces the client's: " + seen);
      assertEquals("search", seen.get("x-team"));

      String blocking = UUID.randomUUID().toString();
      c.infer(identity().header(KitModels.CALL_ID_HEADER, blocking).header("X-Tenant", "green").build());
      assertEquals("green", headersOf(blocking).get("x-tenant"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {RepositoryEmulator.REST, RepositoryEmulator.GRPC})
  void anInterceptorSeesEveryOperationOfTheClientAndItsRepository(String scheme) throws Exception {
    Recorder recorder = new Recorder();
    String callId = UUID.randomUUID().toString();
    InferenceInterceptor tagging = new InferenceInterceptor() {
      @Override
      public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
        return chain.proceed(call.operation() == Operation.EXTENSION ? call.withHeader(KitModels.CALL_ID_HEADER, callId) : call);
      }
    };
    try (InferenceClient c = client(scheme, ClientOptions.builder().interceptor(recorder).interceptor(tagging))) {
      c.infer(identity().header("X-Tenant", "blue").build());
      c.modelMetadata(ModelRef.of(KitModels.IDENTITY));
      assertTrue(c.modelReady(ModelRef.of(KitModels.VERSIONED, "1")));
      assertTrue(c.serverLive());
      assertTrue(c.serverReady());
      c.serverMetadata();
      ModelRepository repository = c.unwrap(ModelRepository.class);
      repository.index();
      repository.unload(KitModels.ADD_ONE);
      repository.load(KitModels.ADD_ONE);

      List<String> names = new ArrayList<>();
      recorder.calls.forEach(call -> names.add(call.operation() + " " + call.operationName()));
      assertEquals(List.of("INFER infer", "MODEL_METADATA model.metadata", "MODEL_READY model.ready",
          "SERVER_LIVE server.live", "SERVER_READY server.ready", "SERVER_METADATA server.metadata",
          "EXTENSION repository.index", "EXTENSION repository.unload", "EXTENSION repository.load"), names);
      for (InferenceCall call : recorder.calls) {
        assertEquals(providerOf(scheme), call.provider());
        assertEquals(server.emulator.endpoint(scheme), call.endpoint());
        assertEquals(1, call.attempt());
      }
      InferenceCall infer = recorder.calls.get(0);
      assertEquals(ModelRef.of(KitModels.IDENTITY), infer.model());
      assertEquals(Map.of("X-Tenant", "blue"), infer.headers());
      assertTrue(infer.request().isPresent());
      assertTrue(infer.requestBytes() > 0, "the encoded request's size: " + infer.requestBytes());
      assertEquals(ModelRef.of(KitModels.VERSIONED, "1"), recorder.calls.get(2).model());
      assertNull(recorder.calls.get(3).model());
      assertNull(recorder.calls.get(6).model(), "the index is about no model");
      assertEquals(ModelRef.of(KitModels.ADD_ONE), recorder.calls.get(7).model());
      assertTrue(recorder.calls.get(6).idempotent());
      assertTrue(!recorder.calls.get(8).idempotent(), "a load is not marked harmless to repeat");
      assertTrue(headersOf(callId).containsKey(KitModels.CALL_ID_HEADER),
          "a header an interceptor adds to an extension call reaches the server");
      assertTrue(c.inferAsync(RepositoryEmulator.addOne()).get(10, TimeUnit.SECONDS).outputs().size() > 0,
          "the model is back");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {RepositoryEmulator.REST, RepositoryEmulator.GRPC})
  void aShortCircuitSendsNothing(String scheme) throws Exception {
    InferenceResponse cached = InferenceResponse.builder().modelName("from-cache").build();
    InferenceInterceptor cache = new InferenceInterceptor() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
        return call.operation() == Operation.INFER ? CompletableFuture.completedFuture((T) cached) : chain.proceed(call);
      }
    };
    try (InferenceClient c = client(scheme, ClientOptions.builder().interceptor(cache))) {
      assertTrue(c.serverReady()); // connected; from now on nothing more must arrive
      long before = server.emulator.recorder().recordedCalls();
      assertSame(cached, c.inferAsync(identity().build()).get(10, TimeUnit.SECONDS));
      assertSame(cached, c.infer(identity().build()));
      Thread.sleep(200);
      assertEquals(before, server.emulator.recorder().recordedCalls(), "no call reached the server");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {RepositoryEmulator.REST, RepositoryEmulator.GRPC})
  void retriesByThePolicyAreAttemptsTheServerSees(String scheme) {
    Recorder recorder = new Recorder();
    int[] supplied = new int[1];
    try (InferenceClient c = client(scheme, ClientOptions.builder().interceptor(recorder)
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 2.0))
        .headersSupplier(() -> {
          supplied[0]++;
          return Map.of();
        }))) {
      assertThrows(UnavailableException.class, () -> c.infer(failWith(14))); // UNAVAILABLE, answered: retried
      assertEquals(3, supplied[0], "every attempt asked the headers supplier once");
      assertEquals(1, recorder.calls.size(), "the interceptor outside the retries saw one call");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {RepositoryEmulator.REST, RepositoryEmulator.GRPC})
  void anInterceptorThatRetriesNumbersItsAttempts(String scheme) throws Exception {
    String firstId = UUID.randomUUID().toString();
    String secondId = UUID.randomUUID().toString();
    InferenceInterceptor retryOnce = new InferenceInterceptor() {
      @Override
      public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
        return chain.proceed(call.withHeader("x-attempt", "1").withHeader(KitModels.CALL_ID_HEADER, firstId))
            .exceptionallyCompose(e -> chain.proceed(call.withAttempt(2).withHeader("x-attempt", "2")
                .withHeader(KitModels.CALL_ID_HEADER, secondId)));
      }
    };
    try (InferenceClient c = client(scheme, ClientOptions.builder().interceptor(retryOnce))) {
      UnavailableException e = assertInstanceOf(UnavailableException.class,
          assertThrows(UnavailableException.class, () -> c.infer(failWith(14))));
      assertTrue(e.getMessage().contains(KitModels.FAIL_MESSAGE_PREFIX), e.getMessage());
      assertEquals("1", headersOf(firstId).get("x-attempt"), "the first attempt reached the server");
      assertEquals("2", headersOf(secondId).get("x-attempt"), "the second attempt reached the server");
    }
  }
}
