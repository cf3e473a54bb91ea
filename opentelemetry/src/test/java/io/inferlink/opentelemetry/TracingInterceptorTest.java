package io.inferlink.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceCall.Operation;
import io.inferlink.interceptor.InferenceInterceptor;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The interceptor on its own, with chains written here: what the endpoint string gives the attributes
 * (and what it must not), extensions, and the span ending once whatever the rest of the pipeline does.
 */
class TracingInterceptorTest {
  private final SdkTracing tracing = new SdkTracing();
  private final InferenceInterceptor interceptor = InferenceTracing.create(tracing.sdk).interceptor();

  @AfterEach
  void close() {
    tracing.close();
  }

  private static InferenceCall.Builder call(Operation operation, String endpoint) {
    return InferenceCall.builder(operation).provider("kserve-v2-rest").endpoint(endpoint).timeout(Duration.ofSeconds(5));
  }

  /** A chain that keeps the calls it was given and answers with {@code answer}. */
  private static final class Recording implements InferenceInterceptor.Chain<Object> {
    final List<InferenceCall> calls = new ArrayList<>();
    final CompletableFuture<Object> answer;

    Recording(CompletableFuture<Object> answer) {
      this.answer = answer;
    }

    @Override
    public CompletableFuture<Object> proceed(InferenceCall call) {
      calls.add(call);
      return answer;
    }
  }

  @Test
  void credentialsInTheEndpointReachNeitherAttributesNorName() {
    InferenceRequest request = InferenceRequest.builder(ModelRef.of("m", "3"))
        .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build();
    Recording chain = new Recording(CompletableFuture.completedFuture("ok"));
    interceptor.intercept(call(Operation.INFER, "kserve-v2+https://alice:s3cret@models.example/serving?token=abc")
        .request(request).build(), chain).join();
    SpanData span = tracing.onlyClientSpan();
    assertEquals("infer m", span.getName());
    Attributes a = span.getAttributes();
    assertEquals("models.example", a.get(SemanticAttributes.SERVER_ADDRESS));
    assertEquals(443L, a.get(SemanticAttributes.SERVER_PORT), "https without a port is 443");
    assertEquals("3", a.get(InferlinkAttributes.MODEL_VERSION));
    assertEquals("kserve-v2", a.get(InferlinkAttributes.PROTOCOL));
    assertFalse(a.toString().contains("s3cret") || a.toString().contains("alice") || a.toString().contains("abc"), a.toString());
    assertTrue(chain.calls.get(0).headers().containsKey("traceparent"), chain.calls.get(0).toString());
  }

  @Test
  void aGrpcEndpointWithoutAPortGivesNoPortAndAnExtensionNoHttpMethod() {
    Recording chain = new Recording(CompletableFuture.completedFuture("ok"));
    interceptor.intercept(InferenceCall.extension("repository.load").provider("kserve-v2-grpc")
        .endpoint("kserve-v2+grpc://models.example").model(ModelRef.of("m")).timeout(Duration.ofSeconds(5)).build(),
        chain).join();
    Attributes a = tracing.onlyClientSpan().getAttributes();
    assertEquals("grpc", a.get(SemanticAttributes.RPC_SYSTEM));
    assertNull(a.get(SemanticAttributes.SERVER_PORT), a.toString());
    assertEquals("repository.load", a.get(InferlinkAttributes.OPERATION));
    assertEquals("repository.load m", tracing.onlyClientSpan().getName());

    tracing.exporter.reset();
    interceptor.intercept(InferenceCall.extension("repository.load").provider("kserve-v2-rest")
        .endpoint("kserve-v2+http://models.example:8000").timeout(Duration.ofSeconds(5)).build(), chain).join();
    assertNull(tracing.onlyClientSpan().getAttributes().get(SemanticAttributes.HTTP_REQUEST_METHOD),
        "an extension's HTTP method is not guessed");
  }

  @Test
  void aChainThatThrowsEndsTheSpanOnceWithTheExceptionsClassAsErrorType() {
    IllegalStateException boom = new IllegalStateException("boom");
    InferenceInterceptor.Chain<Object> throwing = call -> {
      throw boom;
    };
    InferenceCall call = call(Operation.SERVER_READY, "kserve-v2+http://127.0.0.1:8000").build();
    assertSame(boom, assertThrows(IllegalStateException.class, () -> interceptor.intercept(call, throwing)));
    SpanData span = tracing.onlyClientSpan();
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals(IllegalStateException.class.getName(), span.getAttributes().get(SemanticAttributes.ERROR_TYPE));
  }

  @Test
  void theCallersFutureCompletesAfterTheSpanEndedAndCancellingItReachesThePipeline() {
    CompletableFuture<Object> pipeline = new CompletableFuture<>();
    CompletableFuture<Object> answer = interceptor.intercept(
        call(Operation.SERVER_LIVE, "kserve-v2+http://127.0.0.1:8000").build(), new Recording(pipeline));
    assertTrue(tracing.clientSpans().isEmpty(), "ended before the call did");
    answer.cancel(true);
    assertTrue(pipeline.isCancelled(), "the cancellation did not reach the pipeline's future");
    SpanData span = tracing.onlyClientSpan();
    assertEquals("CANCELLED", span.getAttributes().get(SemanticAttributes.ERROR_TYPE));
    pipeline.complete("late"); // a late answer ends nothing again
    assertEquals(1, tracing.clientSpans().size());
  }

  @Test
  void aSuccessIsRelayedWithTheSpanAlreadyEnded() {
    CompletableFuture<Object> pipeline = new CompletableFuture<>();
    CompletableFuture<Object> answer = interceptor.intercept(
        call(Operation.SERVER_LIVE, "kserve-v2+http://127.0.0.1:8000").build(), new Recording(pipeline));
    List<Integer> spansWhenAnswered = new ArrayList<>();
    answer.thenRun(() -> spansWhenAnswered.add(tracing.clientSpans().size()));
    pipeline.complete(Boolean.TRUE);
    assertEquals(Boolean.TRUE, answer.join());
    assertEquals(List.of(1), spansWhenAnswered);
    assertEquals(StatusCode.UNSET, tracing.onlyClientSpan().getStatus().getStatusCode());
  }
}
