package io.inferlink.tfserving.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.tfserving.TfServingGrpcFrontend;
import io.inferlink.testkit.KitModels;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code compression=gzip} over TF Serving gRPC against the emulator: the same answer as without, and the
 * server recorded that the request arrived compressed ({@code grpc-encoding}).
 */
class CompressionTest {
  private static Emulator emulator;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().maxLifetime(Duration.ofMinutes(5)).frontend(new TfServingGrpcFrontend()).build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void sameAnswerAndTheRequestArrivedCompressed() {
    float[] ramp = new float[16 * 1024];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = (i % 4096) / 4096f; // smooth, so compressible
    }
    Map<String, String> plain = call("plain", ClientOptions.builder(), ramp);
    Map<String, String> gzip = call("gzip", ClientOptions.builder().compression("gzip"), ramp);
    assertFalse(plain.containsKey("grpc-encoding"), "off: nothing compressed, " + plain);
    assertEquals("gzip", gzip.get("grpc-encoding"), "on: " + gzip);
  }

  /** Sends {@code x} through the identity model, checks the answer, and returns the headers the server saw. */
  private static Map<String, String> call(String id, ClientOptions.Builder options, float[] x) {
    try (InferenceClient client = InferenceClient.create(emulator.endpoint("tfserving+grpc"), options.build())) {
      // The id goes on the inference call only: the metadata look-up that types the answer has none.
      InferenceRequest request = InferenceRequest.builder(KitModels.IDENTITY).header(KitModels.CALL_ID_HEADER, id)
          .inputs(Tensor.ofFloats(KitModels.IDENTITY_TENSOR, x, 1, x.length)).build();
      assertArrayEquals(x, client.infer(request).output(KitModels.IDENTITY_TENSOR).toFloatArray());
    }
    return emulator.recorder().headersOfCall(id, Duration.ofSeconds(5)).orElseThrow();
  }
}
