package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.kservev1.KServeV1RestFrontend;
import io.inferlink.emulator.oip.OipGrpcFrontend;
import io.inferlink.emulator.oip.OipRestFrontend;
import io.inferlink.testkit.KitModels;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code compression=gzip} against the emulator, for every protocol of this module: the answer is the
 * same as without compression, and the server recorded that the request arrived compressed
 * ({@code Content-Encoding} on REST, {@code grpc-encoding} on gRPC). The emulator answers REST calls
 * that accept gzip compressed, so the client's inflating is exercised against a server too.
 */
class CompressionTest {
  private static final AtomicInteger CALLS = new AtomicInteger();
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(5)).frontend(new OipRestFrontend())
        .frontend(new OipGrpcFrontend()).frontend(new KServeV1RestFrontend()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @ParameterizedTest(name = "{0}{1}")
  @CsvSource({"kserve-v2+http,?binary=never,content-encoding", "kserve-v2+http,?binary=always,content-encoding",
      "kserve-v2+grpc,'',grpc-encoding", "kserve-v1+http,'',content-encoding"})
  void sameAnswerAndTheRequestArrivedCompressed(String scheme, String query, String codingHeader) {
    String endpoint = emulator.endpoint(scheme) + query;
    float[] ramp = ramp(scheme.startsWith("kserve-v1") ? 512 : 64 * 1024);
    Map<String, String> plain = call(endpoint, ClientOptions.builder(), ramp);
    Map<String, String> gzip = call(endpoint, ClientOptions.builder().compression("gzip"), ramp);
    assertFalse(plain.containsKey(codingHeader), "off: nothing compressed, " + plain);
    assertEquals("gzip", gzip.get(codingHeader), "on: " + gzip);
  }

  @Test
  void theEndpointQueryTurnsCompressionOn() {
    Map<String, String> seen = call(emulator.endpoint("kserve-v2+http") + "?binary=always&compression=gzip",
        ClientOptions.builder(), ramp(1024));
    assertEquals("gzip", seen.get("content-encoding"));
    assertEquals("gzip", seen.get("accept-encoding"));
  }

  @Test
  void aBadValueInTheQueryFailsCreateNamingTheOption() {
    ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
        () -> InferenceClient.create(emulator.endpoint("kserve-v2+http") + "?compression=brotli"));
    assertTrue(e.getMessage().contains("compression"), e.getMessage());
  }

  /** Sends {@code x} through the identity model, checks the answer, and returns the headers the server saw. */
  private static Map<String, String> call(String endpoint, ClientOptions.Builder options, float[] x) {
    String id = "compression-" + CALLS.incrementAndGet();
    try (InferenceClient client = InferenceClient.create(endpoint, options.header(KitModels.CALL_ID_HEADER, id).build())) {
      InferenceRequest request = InferenceRequest.builder(KitModels.IDENTITY)
          .inputs(Tensor.ofFloats(KitModels.IDENTITY_TENSOR, x, 1, x.length)).build();
      assertArrayEquals(x, client.infer(request).firstOutput().toFloatArray()); // KServe V1 names it "predictions"
    }
    return emulator.recorder().headersOfCall(id, Duration.ofSeconds(5)).orElseThrow();
  }

  /** A smooth FP32 ramp: compressible, like many real tensors, yet not all zeros. */
  static float[] ramp(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (i % 4096) / 4096f;
    }
    return x;
  }
}
