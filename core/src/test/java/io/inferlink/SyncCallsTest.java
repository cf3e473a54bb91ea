package io.inferlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The blocking forms of {@link InferenceClient} and its default methods, through a tiny fake client. */
class SyncCallsTest {

  /** Implements only what an InferenceClient must; inferAsync hands back a future chosen by the test. */
  static final class TinyClient implements InferenceClient {
    volatile CompletableFuture<InferenceResponse> next = new CompletableFuture<>();

    @Override
    public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
      return next;
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.of(Set.of(), Set.of(DataType.FP32));
    }

    @Override
    public String providerName() {
      return "tiny-provider";
    }

    @Override
    public void close() {}
  }

  private final TinyClient client = new TinyClient();
  private final InferenceRequest request =
      InferenceRequest.builder("m").input(Tensor.ofFloats("x", new float[] {1, 2}, 2)).build();

  private static void assertContains(String haystack, String... needles) {
    for (String n : needles) {
      assertTrue(haystack.contains(n), () -> "expected '" + n + "' in: " + haystack);
    }
  }

  @Nested
  class Infer {
    @Test
    void successReturnsTheValue() {
      InferenceResponse response = InferenceResponse.builder().modelName("m").build();
      client.next = CompletableFuture.completedFuture(response);
      assertSame(response, client.infer(request));
    }

    @Test
    void failureIsRethrownAsTheSameInstance() {
      ModelNotFoundException failure = new ModelNotFoundException("no model 'm'");
      client.next = CompletableFuture.failedFuture(failure);
      ModelNotFoundException thrown = assertThrows(ModelNotFoundException.class, () -> client.infer(request));
      assertSame(failure, thrown);
      assertEquals("no model 'm' [NOT_FOUND]", thrown.getMessage());
    }

    @Test
    void failureOfADependentStageIsRethrownAsTheSameInstance() {
      UnavailableException failure = new UnavailableException("down");
      CompletableFuture<InferenceResponse> source = new CompletableFuture<>();
      client.next = source.thenApply(Function.identity());
      source.completeExceptionally(failure);
      assertSame(failure, assertThrows(UnavailableException.class, () -> client.infer(request)));
    }

    @Test
    void syncAndAsyncCallersSeeTheSameException() throws Exception {
      AuthenticationException failure = new AuthenticationException("bad token");
      client.next = CompletableFuture.failedFuture(failure);
      ExecutionException async = assertThrows(ExecutionException.class, () -> client.inferAsync(request).get());
      RuntimeException sync = assertThrows(RuntimeException.class, () -> client.infer(request));
      assertSame(async.getCause(), sync);
    }

    @Test
    void otherRuntimeExceptionsAreRethrownUnchanged() {
      IllegalStateException failure = new IllegalStateException("client closed");
      client.next = CompletableFuture.failedFuture(failure);
      assertSame(failure, assertThrows(IllegalStateException.class, () -> client.infer(request)));
    }

    @Test
    void errorsAreRethrownUnchanged() {
      StackOverflowError failure = new StackOverflowError("deep");
      client.next = CompletableFuture.failedFuture(failure);
      assertSame(failure, assertThrows(StackOverflowError.class, () -> client.infer(request)));
    }

    @Test
    void checkedExceptionBecomesUnknownInferenceExceptionWithCause() {
      IOException failure = new IOException("connection reset");
      client.next = CompletableFuture.failedFuture(failure);
      InferenceException e = assertThrows(InferenceException.class, () -> client.infer(request));
      assertEquals(ErrorCode.UNKNOWN, e.code());
      assertSame(failure, e.getCause());
    }

    @Test
    void cancelledFutureGivesCancelled() {
      CompletableFuture<InferenceResponse> f = new CompletableFuture<>();
      f.cancel(true);
      client.next = f;
      InferenceException e = assertThrows(InferenceException.class, () -> client.infer(request));
      assertEquals(ErrorCode.CANCELLED, e.code());
      assertFalse(e.isRetryable());
    }

    @Test
    void interruptedWaiterGetsCancelledKeepsItsFlagAndCancelsTheFuture() throws Exception {
      CompletableFuture<InferenceResponse> pending = new CompletableFuture<>();
      client.next = pending;
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicBoolean stillInterrupted = new AtomicBoolean();
      CountDownLatch started = new CountDownLatch(1);
      Thread waiter = new Thread(() -> {
        started.countDown();
        try {
          client.infer(request);
        } catch (Throwable t) {
          thrown.set(t);
          stillInterrupted.set(Thread.currentThread().isInterrupted());
        }
      });
      waiter.start();
      assertTrue(started.await(5, TimeUnit.SECONDS));
      waiter.interrupt();
      waiter.join(TimeUnit.SECONDS.toMillis(5));
      assertFalse(waiter.isAlive(), "the waiter must return once interrupted");
      InferenceException e = assertInstanceOf(InferenceException.class, thrown.get());
      assertEquals(ErrorCode.CANCELLED, e.code());
      assertInstanceOf(InterruptedException.class, e.getCause());
      assertTrue(stillInterrupted.get(), "the interrupt flag is restored");
      assertTrue(pending.isCancelled(), "the call is cancelled");
    }

    @Test
    void alreadyInterruptedCallerFailsAtOnce() {
      CompletableFuture<InferenceResponse> pending = new CompletableFuture<>();
      client.next = pending;
      Thread.currentThread().interrupt();
      try {
        InferenceException e = assertThrows(InferenceException.class, () -> client.infer(request));
        assertEquals(ErrorCode.CANCELLED, e.code());
        assertTrue(Thread.currentThread().isInterrupted());
        assertTrue(pending.isCancelled());
      } finally {
        Thread.interrupted();
      }
    }
  }

  @Nested
  class DefaultMethods {
    private void assertUnsupportedBothWays(CompletableFuture<?> async, Runnable sync, String feature) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> async.get(5, TimeUnit.SECONDS));
      UnsupportedFeatureException asyncFailure = assertInstanceOf(UnsupportedFeatureException.class, e.getCause());
      assertContains(asyncFailure.getMessage(), "tiny-provider", feature);
      assertEquals(ErrorCode.UNIMPLEMENTED, asyncFailure.code());
      UnsupportedFeatureException syncFailure = assertThrows(UnsupportedFeatureException.class, sync::run);
      assertContains(syncFailure.getMessage(), "tiny-provider", feature);
    }

    @Test
    void modelMetadata() {
      assertUnsupportedBothWays(client.modelMetadataAsync(ModelRef.of("m")),
          () -> client.modelMetadata(ModelRef.of("m")), "model metadata");
    }

    @Test
    void modelReady() {
      assertUnsupportedBothWays(client.modelReadyAsync(ModelRef.of("m")),
          () -> client.modelReady(ModelRef.of("m")), "model readiness");
    }

    @Test
    void serverLive() {
      assertUnsupportedBothWays(client.serverLiveAsync(), client::serverLive, "server liveness");
    }

    @Test
    void serverReady() {
      assertUnsupportedBothWays(client.serverReadyAsync(), client::serverReady, "server readiness");
    }

    @Test
    void serverMetadata() {
      assertUnsupportedBothWays(client.serverMetadataAsync(), client::serverMetadata, "server metadata");
    }
  }

  @Nested
  class Unwrap {
    @Test
    void unknownTypeIsUnsupportedNamingProviderAndType() {
      UnsupportedFeatureException e =
          assertThrows(UnsupportedFeatureException.class, () -> client.unwrap(Runnable.class));
      assertContains(e.getMessage(), "tiny-provider", "java.lang.Runnable");
    }

    @Test
    void ownTypesReturnTheClientItself() {
      assertSame(client, client.unwrap(InferenceClient.class));
      assertSame(client, client.unwrap(TinyClient.class));
      assertSame(client, client.unwrap(AutoCloseable.class));
    }
  }
}
