package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.testkit.KitModels;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code compression=gzip} over OVMS's four forms against the emulated OVMS: the same answer as without,
 * and the server recorded that the request arrived compressed ({@code Content-Encoding} on REST,
 * {@code grpc-encoding} on gRPC).
 */
class CompressionTest {
  private static OvmsTestServer server;

  @BeforeAll
  static void start() {
    server = OvmsTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(OvmsForm.class)
  void sameAnswerAndTheRequestArrivedCompressed(OvmsForm form) {
    String header = form.grpc() ? "grpc-encoding" : "content-encoding";
    float[] ramp = new float[16 * 1024];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = (i % 4096) / 4096f; // smooth, so compressible
    }
    Map<String, String> plain = call(form, form + "-plain", ClientOptions.builder(), ramp);
    Map<String, String> gzip = call(form, form + "-gzip", ClientOptions.builder().compression("gzip"), ramp);
    assertFalse(plain.containsKey(header), "off: nothing compressed, " + plain);
    assertEquals("gzip", gzip.get(header), "on: " + gzip);
  }

  /** Sends {@code x} through the identity model, checks the answer, and returns the headers the server saw. */
  private static Map<String, String> call(OvmsForm form, String id, ClientOptions.Builder options, float[] x) {
    try (InferenceClient client = server.client(form, options.build())) {
      Tensor input = Tensor.ofFloats(KitModels.IDENTITY_TENSOR, x, 1, x.length);
      // The TF Serving API's first call looks up the metadata that types the answer (a GET, no body); the
      // recorder keeps the first headers of an id, so only the second call, a POST alone, carries one.
      client.infer(InferenceRequest.builder(KitModels.IDENTITY).inputs(input).build());
      InferenceRequest request = InferenceRequest.builder(KitModels.IDENTITY).header(KitModels.CALL_ID_HEADER, id)
          .inputs(input).build();
      assertArrayEquals(x, client.infer(request).output(KitModels.IDENTITY_TENSOR).toFloatArray());
    }
    return server.emulator.recorder().headersOfCall(id, Duration.ofSeconds(5)).orElseThrow();
  }
}
