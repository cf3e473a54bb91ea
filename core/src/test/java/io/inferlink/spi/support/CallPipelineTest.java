package io.inferlink.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelRef;
import io.inferlink.ServerException;
import io.inferlink.Tensor;
import io.inferlink.UnavailableException;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceCall.Operation;
import io.inferlink.interceptor.InferenceInterceptor;
import io.inferlink.interceptor.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The call pipeline through a client on the skeleton: what interceptors see, and that they can
 * observe, add headers, short-circuit and retry; their order, their exceptions, cancellation, the
 * blocking path, the retry policy as an interceptor, and the skeleton's gate and lifecycle.
 */
class CallPipelineTest {
  private static final InferenceRequest REQUEST = InferenceRequest.builder(ModelRef.of("m", "3"))
      .input(Tensor.ofFloats("x", new float[] {1, 2}, 2)).header("X-Tenant", "blue").build();

  private static ScriptedClient client(InferenceInterceptor... interceptors) {
    ClientOptions.Builder b = ClientOptions.builder();
    for (InferenceInterceptor i : interceptors) {
      b.interceptor(i);
    }
    return new ScriptedClient(b.build());
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(CompletableFuture<?> f) {
    return assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
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

  @Nested
  class Observe {
    @Test
    void anInterceptorSeesEveryOperationWithItsFields() throws Exception {
      Recorder recorder = new Recorder();
      ScriptedClient c = client(recorder);
      get(c.inferAsync(REQUEST));
      c.modelMetadata(ModelRef.of("m"));
      c.modelReady(ModelRef.of("m", "2"));
      c.serverLive();
      c.serverReady();
      c.serverMetadata();
      get(c.load("n"));

      List<Operation> ops = new ArrayList<>();
      recorder.calls.forEach(call -> ops.add(call.operation()));
      assertEquals(List.of(Operation.INFER, Operation.MODEL_METADATA, Operation.MODEL_READY, Operation.SERVER_LIVE,
          Operation.SERVER_READY, Operation.SERVER_METADATA, Operation.EXTENSION), ops);
      List<String> names = new ArrayList<>();
      recorder.calls.forEach(call -> names.add(call.operationName()));
      assertEquals(List.of("infer", "model.metadata", "model.ready", "server.live", "server.ready", "server.metadata",
          "repository.load"), names);

      InferenceCall infer = recorder.calls.get(0);
      assertEquals(ModelRef.of("m", "3"), infer.model());
      assertEquals("scripted", infer.provider());
      assertEquals("scripted+http://***@h:1/base?token=***", infer.endpoint());
      assertEquals(1, infer.attempt());
      assertEquals(Map.of("X-Tenant", "blue"), infer.headers());
      assertSame(REQUEST, infer.request().orElseThrow());
      assertEquals(8, infer.requestBytes());
      assertFalse(infer.idempotent(), "inference is idempotent only when the request says so");
      assertEquals(ClientOptions.defaults().requestTimeout(), infer.timeout());

      InferenceCall ready = recorder.calls.get(2);
      assertEquals(ModelRef.of("m", "2"), ready.model());
      assertTrue(ready.idempotent());
      assertTrue(ready.request().isEmpty());
      assertEquals(-1, ready.requestBytes());
      assertTrue(ready.headers().isEmpty());
      assertNull(recorder.calls.get(3).model(), "server-level operations have no model");
      InferenceCall load = recorder.calls.get(6);
      assertEquals(ModelRef.of("n"), load.model());
      assertFalse(load.idempotent());
      assertEquals(2, load.requestBytes());
    }

    @Test
    void theRequestsOwnTimeoutIsTheCallsAndTheDeadlineFollowsIt() throws Exception {
      Recorder recorder = new Recorder();
      ScriptedClient c = client(recorder);
      get(c.inferAsync(REQUEST.toBuilder().timeout(Duration.ofSeconds(7)).idempotent(true).build()));
      InferenceCall call = recorder.calls.get(0);
      assertEquals(Duration.ofSeconds(7), call.timeout());
      assertTrue(call.idempotent());
      Duration left = c.sent.get(0).attempt().timeLeft();
      assertTrue(left.compareTo(Duration.ofSeconds(7)) <= 0 && left.compareTo(Duration.ofSeconds(6)) > 0, left::toString);
    }
  }

  @Nested
  class Headers {
    @Test
    void interceptorsAddHeadersAfterTheRequestsAndTheTransportGetsThem() throws Exception {
      InferenceInterceptor trace = new InferenceInterceptor() {
        @Override
        public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
          return chain.proceed(call.withHeader("traceparent", "00-abc-def-01").withHeader("x-tenant", "green"));
        }
      };
      ScriptedClient c = client(trace);
      get(c.inferAsync(REQUEST));
      get(c.load("n"));
      assertEquals(List.of("traceparent", "x-tenant"), List.copyOf(c.sent.get(0).attempt().headers().keySet()),
          "a header of the same name in another case is replaced");
      assertEquals("green", c.sent.get(0).attempt().headers().get("x-tenant"));
      assertEquals(Map.of("traceparent", "00-abc-def-01", "x-tenant", "green"), c.sent.get(1).attempt().headers(),
          "extension calls carry them too");
    }

    @Test
    void aHeaderThatBreaksTheRuleFailsTheCallAsAnInferenceException() {
      InferenceInterceptor bad = new InferenceInterceptor() {
        @Override
        public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
          return chain.proceed(call.withHeader("x-evil", "a\r\nHost: elsewhere"));
        }
      };
      ScriptedClient c = client(bad);
      InferenceException e = assertInstanceOf(InferenceException.class, failureOf(c.inferAsync(REQUEST)));
      assertInstanceOf(IllegalArgumentException.class, e.getCause());
      assertFalse(e.getMessage().contains("elsewhere"), e.getMessage());
      assertTrue(c.sent.isEmpty());
    }
  }

  @Nested
  class ShortCircuit {
    @Test
    void anInterceptorThatAnswersItselfSendsNothing() throws Exception {
      InferenceResponse cached = InferenceResponse.builder().modelName("cached").build();
      InferenceInterceptor cache = new InferenceInterceptor() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
          return call.operation() == Operation.INFER ? CompletableFuture.completedFuture((T) cached) : chain.proceed(call);
        }
      };
      ScriptedClient c = client(cache);
      assertSame(cached, get(c.inferAsync(REQUEST)));
      assertSame(cached, c.infer(REQUEST));
      assertTrue(c.sent.isEmpty());
      assertTrue(c.serverLive());
      assertEquals(1, c.sent.size());
    }

    @Test
    void anInterceptorMayRefuseACallWithATypedFailure() {
      UnavailableException open = new UnavailableException("circuit open");
      InferenceInterceptor breaker = new InferenceInterceptor() {
        @Override
        public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
          throw open;
        }
      };
      ScriptedClient c = client(breaker);
      assertSame(open, failureOf(c.inferAsync(REQUEST)));
      assertSame(open, assertThrows(UnavailableException.class, c::serverLive));
      assertTrue(c.sent.isEmpty());
    }
  }

  @Nested
  class Retry {
    @Test
    void anInterceptorMayRetryAndEachAttemptIsNumbered() throws Exception {
      InferenceInterceptor once = new InferenceInterceptor() {
        @Override
        public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
          return chain.proceed(call).exceptionallyCompose(e -> chain.proceed(call.withAttempt(2)));
        }
      };
      ScriptedClient c = client(once);
      c.answer = n -> n == 1 ? CompletableFuture.failedFuture(new UnavailableException("warming up"))
          : CompletableFuture.completedFuture(null);
      assertEquals("m", get(c.inferAsync(REQUEST)).modelName());
      assertEquals(List.of(1, 2), attemptNumbers(c));
      assertEquals(Map.of("X-Tenant", "blue"), c.sent.get(1).attempt().headers(), "a retry keeps the headers");
      assertEquals(1, c.prepared.get(), "the request is built once, whatever the attempts");
    }

    @Test
    void theRetryPolicyRunsInsideTheInterceptorsAndCountsAttempts() throws Exception {
      Recorder recorder = new Recorder();
      ScriptedClient c = new ScriptedClient(ClientOptions.builder().interceptor(recorder)
          .retryPolicy(new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(2), 2.0)).build());
      c.answer = n -> n < 3 ? CompletableFuture.failedFuture(new UnavailableException("down " + n))
          : CompletableFuture.completedFuture(null);
      assertTrue(get(c.serverReadyAsync()));
      assertEquals(List.of(1, 2, 3), attemptNumbers(c));
      assertEquals(1, recorder.calls.size(), "an interceptor outside the retries sees the call once");
      assertEquals(1, recorder.calls.get(0).attempt());
    }

    @Test
    void attemptInterceptorsRunInsideTheRetriesAndSeeEachAttempt() throws Exception {
      Recorder outer = new Recorder();
      Recorder perAttempt = new Recorder();
      ScriptedClient c = new ScriptedClient(ClientOptions.builder().interceptor(outer).attemptInterceptor(perAttempt)
          .retryPolicy(new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(2), 2.0)).build());
      c.answer = n -> n < 3 ? CompletableFuture.failedFuture(new UnavailableException("down " + n))
          : CompletableFuture.completedFuture(null);
      assertTrue(get(c.serverReadyAsync()));
      assertEquals(1, outer.calls.size());
      List<Integer> seen = new ArrayList<>();
      perAttempt.calls.forEach(call -> seen.add(call.attempt()));
      assertEquals(List.of(1, 2, 3), seen);
    }

    @Test
    void withoutRetriesAnAttemptInterceptorSeesTheCallOnceAndToBuilderKeepsIt() throws Exception {
      Recorder perAttempt = new Recorder();
      ClientOptions options = ClientOptions.builder().attemptInterceptor(perAttempt).build();
      assertEquals(List.of(perAttempt), options.toBuilder().build().attemptInterceptors());
      assertTrue(options.toBuilder().clearInterceptors().build().attemptInterceptors().isEmpty());
      ScriptedClient c = new ScriptedClient(options);
      c.answer = n -> CompletableFuture.completedFuture(null);
      assertTrue(get(c.serverLiveAsync()));
      assertEquals(1, perAttempt.calls.size());
    }

    @Test
    void eachRetryGetsOnlyWhatIsLeftOfTheCallsTimeout() throws Exception {
      ScriptedClient c = new ScriptedClient(ClientOptions.builder().requestTimeout(Duration.ofSeconds(5))
          .retryPolicy(new RetryPolicy(3, Duration.ofMillis(150), Duration.ofMillis(150), 1.0)).build());
      c.answer = n -> n < 3 ? CompletableFuture.failedFuture(new UnavailableException("down"))
          : CompletableFuture.completedFuture(null);
      assertTrue(get(c.serverLiveAsync()));
      // Two jittered waits of at least 75 ms each came before the third attempt: a lower bound, never flaky.
      Duration third = c.sent.get(2).attempt().timeLeft();
      assertTrue(third.compareTo(Duration.ofMillis(5000 - 150)) <= 0, "the third attempt still has " + third);
    }

    @Test
    void thePipelineTellsTheRetriesWhenTheNextAttemptGoesElsewhere() throws Exception {
      CallPipeline pipeline = CallPipeline.of(ClientOptions.builder().retryPolicy(RetryPolicy.exponential(3)).build());
      // Asked to wait far past the deadline: without the prepared call's word the call would end at the first failure.
      InferenceException busy = Errors.create(new InferenceException.Details(ErrorCode.UNAVAILABLE).httpStatus(503)
          .retryAfter(Duration.ofMinutes(10)));
      List<Integer> sent = Collections.synchronizedList(new ArrayList<>());
      PreparedCall<String> group = new PreparedCall<>() {
        @Override
        public CompletableFuture<String> send(Attempt attempt) {
          sent.add(attempt.number());
          return attempt.number() == 1 ? CompletableFuture.failedFuture(busy) : CompletableFuture.completedFuture("b");
        }

        @Override
        public boolean nextAttemptGoesElsewhere() {
          return true;
        }
      };
      InferenceCall call = InferenceCall.builder(Operation.SERVER_READY).provider("p").timeout(Duration.ofSeconds(30))
          .build();
      assertEquals("b", get(pipeline.execute(call, group)));
      assertEquals(List.of(1, 2), sent);
    }

    @Test
    void extensionsAreRetriedByTheSameRulesAsEverythingElse() throws Exception {
      ScriptedClient c = new ScriptedClient(ClientOptions.builder()
          .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 2.0)).build());
      InferenceException mayHaveRun = Errors.create(new InferenceException.Details(ErrorCode.UNAVAILABLE)
          .message("reset").delivery(InferenceException.Delivery.OUTCOME_UNKNOWN));
      c.answer = n -> CompletableFuture.failedFuture(mayHaveRun);
      assertSame(mayHaveRun, failureOf(c.load("n")));
      assertEquals(List.of(1), attemptNumbers(c), "a load that may have run is not sent again");
    }

    private List<Integer> attemptNumbers(ScriptedClient c) {
      List<Integer> out = new ArrayList<>();
      c.sent.forEach(s -> out.add(s.attempt().number()));
      return out;
    }
  }

  @Nested
  class Order {
    @Test
    void theFirstAddedInterceptorIsTheOutermost() throws Exception {
      List<String> events = Collections.synchronizedList(new ArrayList<>());
      ScriptedClient c = client(named("a", events), named("b", events));
      c.answer = n -> {
        events.add("send");
        return CompletableFuture.completedFuture(null);
      };
      get(c.serverLiveAsync());
      assertEquals(List.of("a in", "b in", "send", "b out", "a out"), events);
    }

    private InferenceInterceptor named(String name, List<String> events) {
      return new InferenceInterceptor() {
        @Override
        public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
          events.add(name + " in");
          return chain.proceed(call).whenComplete((v, e) -> events.add(name + " out"));
        }
      };
    }
  }

  @Nested
  class Failures {
    @Test
    void anExceptionThrownByAnInterceptorFailsTheFutureAsAnInferenceException() {
      IllegalStateException bug = new IllegalStateException("bug in the interceptor");
      InferenceInterceptor broken = new InferenceInterceptor() {
        @Override
        public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
          throw bug;
        }
      };
      ScriptedClient c = client(broken);
      CompletableFuture<InferenceResponse> f = c.inferAsync(REQUEST);
      InferenceException e = assertInstanceOf(ServerException.class, failureOf(f));
      assertEquals(ErrorCode.UNKNOWN, e.code());
      assertSame(bug, e.getCause());
      assertTrue(e.getMessage().contains(broken.getClass().getName()), e.getMessage());
      assertEquals("scripted", e.provider());
      InferenceException sync = assertThrows(InferenceException.class, () -> c.infer(REQUEST));
      assertSame(bug, sync.getCause());
      assertTrue(c.sent.isEmpty());
    }

    @Test
    void anInterceptorDeeperInTheChainFailsTheSameWay() {
      Recorder outer = new Recorder();
      InferenceInterceptor broken = new InferenceInterceptor() {
        @Override
        public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
          throw new IllegalArgumentException("deep");
        }
      };
      ScriptedClient c = client(outer, broken);
      InferenceException e = assertInstanceOf(InferenceException.class, failureOf(c.serverLiveAsync()));
      assertEquals("deep", e.getCause().getMessage());
      assertEquals(1, outer.calls.size());
    }

    @Test
    void anInterceptorThatReturnsNoFutureFailsTheCall() {
      InferenceInterceptor none = new InferenceInterceptor() {
        @Override
        public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
          return null;
        }
      };
      InferenceException e = assertInstanceOf(InferenceException.class, failureOf(client(none).serverLiveAsync()));
      assertTrue(e.getMessage().contains("returned no future"), e.getMessage());
    }

    @Test
    void theTransportsFailureReachesTheCallerAsItIs() {
      Recorder recorder = new Recorder();
      ScriptedClient c = client(recorder);
      InvalidRequestException bad = new InvalidRequestException("wrong shape");
      c.answer = n -> CompletableFuture.failedFuture(bad);
      assertSame(bad, failureOf(c.inferAsync(REQUEST)));
      assertSame(bad, assertThrows(InvalidRequestException.class, () -> c.infer(REQUEST)));
    }
  }

  @Nested
  class Cancellation {
    @Test
    void cancellingTheCallersFutureCancelsTheAttemptInFlightWhateverTheInterceptorsDerived() {
      InferenceInterceptor deriving = new InferenceInterceptor() {
        @Override
        public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
          return chain.proceed(call).thenApply(v -> v);
        }
      };
      ScriptedClient c = client(deriving, new Recorder());
      c.answer = n -> new CompletableFuture<>();
      CompletableFuture<InferenceResponse> f = c.inferAsync(REQUEST);
      assertEquals(1, c.returned.size());
      assertTrue(f.cancel(true));
      assertTrue(c.returned.get(0).isCancelled(), "the attempt in flight is cancelled");
    }

    @Test
    void cancellingStopsRetries() throws Exception {
      ScriptedClient c = new ScriptedClient(ClientOptions.builder()
          .retryPolicy(new RetryPolicy(5, Duration.ofMillis(200), Duration.ofMillis(200), 1.0)).build());
      c.answer = n -> CompletableFuture.failedFuture(new UnavailableException("down"));
      CompletableFuture<Boolean> f = c.serverLiveAsync();
      assertTrue(f.cancel(true));
      Thread.sleep(500);
      assertEquals(1, c.sent.size());
    }

    @Test
    void withoutInterceptorsCancellingReachesTheExchangeDirectly() {
      ScriptedClient c = client();
      c.answer = n -> new CompletableFuture<>();
      CompletableFuture<InferenceResponse> f = c.inferAsync(REQUEST);
      f.cancel(true);
      assertTrue(c.returned.get(0).isCancelled());
    }
  }

  @Nested
  class Blocking {
    @Test
    void withoutInterceptorsTheBlockingFormSendsOnTheCallersThread() {
      ScriptedClient c = client();
      assertEquals("m", c.infer(REQUEST).modelName());
      assertTrue(c.serverReady());
      assertEquals("blocking", c.sent.get(0).how());
      assertEquals("blocking", c.sent.get(1).how());
    }

    @Test
    void withInterceptorsTheBlockingFormStillSendsOnTheCallersThreadAndThrowsTheSameInstance() throws Exception {
      Recorder recorder = new Recorder();
      ScriptedClient c = client(recorder);
      assertEquals("m", c.infer(REQUEST).modelName());
      assertEquals("blocking", c.sent.get(0).how(), "no hand-off to an I/O thread for a caller that waits anyway");
      assertEquals(1, recorder.calls.size());
      assertEquals("m", get(c.inferAsync(REQUEST)).modelName());
      assertEquals("async", c.sent.get(1).how(), "the async form stays async");
      // an attempt an interceptor sends from another thread goes out async
      ScriptedClient elsewhere = client(new InferenceInterceptor() {
        @Override
        public <T> CompletableFuture<T> intercept(InferenceCall call, Chain<T> chain) {
          CompletableFuture<T> out = new CompletableFuture<>();
          new Thread(() -> chain.proceed(call).whenComplete((v, e) -> {
            if (e == null) {
              out.complete(v);
            } else {
              out.completeExceptionally(e);
            }
          }), "another-thread").start(); // always from another thread, unlike supplyAsync(...).thenCompose
          return out;
        }
      });
      assertEquals("m", elsewhere.infer(REQUEST).modelName());
      assertEquals("async", elsewhere.sent.get(0).how());
      UnavailableException down = new UnavailableException("down");
      c.answer = n -> CompletableFuture.failedFuture(down);
      assertSame(down, assertThrows(UnavailableException.class, () -> c.modelMetadata(ModelRef.of("m"))));
    }
  }

  @Nested
  class Skeleton {
    @Test
    void aClosedClientRefusesEveryCallBeforeBuildingAnything() {
      Recorder recorder = new Recorder();
      ScriptedClient c = client(recorder);
      c.close();
      c.close();
      assertEquals(1, c.transportsClosed.get(), "the transport is closed once");
      IllegalStateException e = assertInstanceOf(IllegalStateException.class, failureOf(c.inferAsync(REQUEST)));
      assertEquals("scripted client is closed", e.getMessage());
      assertThrows(IllegalStateException.class, c::serverLive);
      assertInstanceOf(IllegalStateException.class, failureOf(c.load("n")));
      assertEquals(0, c.prepared.get());
      assertTrue(recorder.calls.isEmpty());
    }

    @Test
    void theCapabilityGateRefusesBeforeBuildingAnything() {
      Recorder recorder = new Recorder();
      ScriptedClient c = new ScriptedClient(ClientOptions.builder().interceptor(recorder).build(),
          Capabilities.of(Set.of(), Set.of(DataType.INT64)));
      UnsupportedFeatureException types = assertInstanceOf(UnsupportedFeatureException.class,
          failureOf(c.inferAsync(InferenceRequest.builder("m").input(Tensor.ofFloats("x", new float[] {1}, 1)).build())));
      assertTrue(types.getMessage().contains("FP32"), types.getMessage());
      assertEquals("scripted does not support server metadata [UNIMPLEMENTED]",
          assertThrows(UnsupportedFeatureException.class, c::serverMetadata).getMessage());
      assertEquals("scripted does not support model readiness [UNIMPLEMENTED]",
          assertInstanceOf(UnsupportedFeatureException.class, failureOf(c.modelReadyAsync(ModelRef.of("m")))).getMessage());
      assertEquals(0, c.prepared.get());
      assertTrue(recorder.calls.isEmpty());
    }

    @Test
    void aRefusalWhileBuildingFailsTheCallAndSendsNothing() {
      Recorder recorder = new Recorder();
      AtomicReference<String> seen = new AtomicReference<>();
      ScriptedClient c = client(recorder);
      CompletableFuture<String> f = c.callExtension("repository.unload", false, () -> {
        seen.set("built");
        throw new IllegalArgumentException("model name is empty");
      });
      assertEquals("model name is empty", failureOf(f).getMessage());
      assertEquals("built", seen.get());
      assertInstanceOf(IllegalArgumentException.class, failureOf(c.callExtension("repository.load", "", false, () -> {
        seen.set("built again");
        return null;
      })), "a bad model name fails the future");
      assertEquals("built", seen.get());
      assertTrue(recorder.calls.isEmpty());
      assertTrue(c.sent.isEmpty());
    }

    @Test
    void unwrapReachesTheClientAndItsExtensions() {
      ScriptedClient c = client();
      assertSame(c, c.unwrap(AbstractInferenceClient.class));
      assertSame(c.extension, c.unwrap(CharSequence.class));
      assertThrows(UnsupportedFeatureException.class, () -> c.unwrap(Runnable.class));
    }

    @Test
    void toStringShowsNoSecret() {
      String s = client().toString();
      assertFalse(s.contains("secret") || s.contains("abc"), s);
    }
  }
}
