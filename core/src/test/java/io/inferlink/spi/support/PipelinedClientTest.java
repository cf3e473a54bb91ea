package io.inferlink.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.interceptor.InferenceCall;
import io.inferlink.interceptor.InferenceCall.Operation;
import io.inferlink.interceptor.RetryPolicy;
import io.inferlink.spi.Endpoint;
import io.inferlink.spi.InferenceClientProvider;
import io.inferlink.spi.ProviderRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A provider whose client is not built on the skeleton still has its operations run through the
 * options' interceptors, and refuses per-call headers it cannot send instead of dropping them.
 */
class PipelinedClientTest {
  private static final Endpoint ENDPOINT = Endpoint.parse("legacy://h:1");
  private static final InferenceRequest REQUEST =
      InferenceRequest.builder("m").input(Tensor.ofFloats("x", new float[] {1}, 1)).build();

  /** A client written the old way: its own methods, no pipeline. */
  static final class OldClient implements InferenceClient {
    final AtomicInteger infers = new AtomicInteger();

    @Override
    public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
      infers.incrementAndGet();
      return CompletableFuture.completedFuture(InferenceResponse.builder().modelName("m").build());
    }

    @Override
    public CompletableFuture<Boolean> serverLiveAsync() {
      return CompletableFuture.completedFuture(true);
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.of(Set.of(), Set.of(DataType.FP32));
    }

    @Override
    public String providerName() {
      return "old";
    }

    @Override
    public void close() {}
  }

  private static InferenceClient create(OldClient inner, ClientOptions options) {
    InferenceClientProvider provider = new InferenceClientProvider() {
      @Override
      public String name() {
        return "old";
      }

      @Override
      public Set<String> schemes() {
        return Set.of("legacy");
      }

      @Override
      public InferenceClient create(Endpoint endpoint, ClientOptions o) {
        return inner;
      }
    };
    return ProviderRegistry.of(List.of(provider)).createClient(ENDPOINT, options);
  }

  @Test
  void interceptorsSeeTheOperationsOfAClientNotOnTheSkeleton() throws Exception {
    CallPipelineTest.Recorder recorder = new CallPipelineTest.Recorder();
    OldClient inner = new OldClient();
    InferenceClient c = create(inner, ClientOptions.builder().interceptor(recorder).build());
    assertEquals("m", c.inferAsync(REQUEST).get(10, TimeUnit.SECONDS).modelName());
    assertTrue(c.serverLive());
    assertEquals(2, recorder.calls.size());
    InferenceCall infer = recorder.calls.get(0);
    assertEquals(Operation.INFER, infer.operation());
    assertEquals("old", infer.provider());
    assertEquals("legacy://h:1", infer.endpoint());
    assertEquals(Operation.SERVER_LIVE, recorder.calls.get(1).operation());
    assertSame(inner, c.unwrap(OldClient.class));
  }

  @Test
  void perCallHeadersAreRefusedRatherThanDropped() {
    OldClient inner = new OldClient();
    InferenceClient c = create(inner, ClientOptions.builder().interceptor(new CallPipelineTest.Recorder()).build());
    InferenceRequest withHeader = REQUEST.toBuilder().header("X-Tenant", "blue").build();
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> c.inferAsync(withHeader).get(10, TimeUnit.SECONDS));
    assertInstanceOf(UnsupportedFeatureException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("X-Tenant"), e.getCause().getMessage());
    assertThrows(UnsupportedFeatureException.class, () -> c.infer(withHeader));
    assertEquals(0, inner.infers.get(), "nothing was sent");
  }

  @Test
  void withoutInterceptorsOrRetriesTheClientIsNotWrapped() {
    OldClient inner = new OldClient();
    assertSame(inner, create(inner, ClientOptions.defaults()));
  }

  @Test
  void aClientOnTheSkeletonIsNotWrapped() {
    ScriptedClient skeleton = new ScriptedClient(ClientOptions.defaults());
    assertSame(skeleton, CallPipeline.around(skeleton, ENDPOINT, ClientOptions.defaults()));
    ClientOptions retrying = ClientOptions.builder().retryPolicy(RetryPolicy.exponential(2)).build();
    InferenceClient wrapped = CallPipeline.around(new OldClient(), ENDPOINT, retrying);
    assertSame(wrapped, CallPipeline.around(wrapped, ENDPOINT, retrying), "never wrapped twice");
  }
}
