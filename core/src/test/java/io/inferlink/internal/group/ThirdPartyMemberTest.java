package io.inferlink.internal.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.Capabilities;
import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.spi.Endpoint;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A member of a provider not built on the skeleton is called through its public methods: it answers calls, and
 * refuses those with per-call headers rather than send them without.
 */
class ThirdPartyMemberTest {

  static final class PlainClient implements InferenceClient {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public CompletableFuture<InferenceResponse> inferAsync(InferenceRequest request) {
      calls.incrementAndGet();
      return CompletableFuture.completedFuture(InferenceResponse.builder().modelName("plain").build());
    }

    @Override
    public Capabilities capabilities() {
      return FakeMember.ALL;
    }

    @Override
    public String providerName() {
      return "plain";
    }

    @Override
    public void close() {}
  }

  @Test
  void itAnswersThroughItsPublicMethodsAndRefusesPerCallHeaders() {
    PlainClient plain = new PlainClient();
    ClientOptions options = ClientOptions.builder().healthCheckInterval(Duration.ZERO).build();
    try (ClientGroup group = ClientGroups.create(Endpoint.parseHosts("plain://a:1,b:1"), options,
        (e, o) -> plain, System::nanoTime)) {
      InferenceRequest.Builder request = InferenceRequest.builder(ModelRef.of("m"))
          .input(Tensor.ofFloats("x", new float[] {1f}, 1));
      assertEquals("plain", group.infer(request.build()).modelName());
      UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
          () -> group.infer(request.header("x-trace", "1").build()));
      assertTrue(e.getMessage().contains("x-trace"), e.getMessage());
      assertEquals(1, plain.calls.get(), "the call with a header was not sent");
    }
  }
}
