package io.inferlink.realservers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InvalidRequestException;
import io.inferlink.Tensor;
import io.inferlink.testkit.KitModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code compression=gzip} against real servers over V2 REST: the whole body gzip-compressed with
 * {@code Content-Encoding: gzip}, {@code Inference-Header-Content-Length} counting the uncompressed JSON.
 *
 * <p>Triton (here PyTriton's) decompresses gzip and deflate request bodies before it reads the binary
 * extension's header length, and compresses answers for {@code Accept-Encoding: gzip}: the identity
 * model's answer must come back equal, JSON or binary. KServe's Python model server (FastAPI) has no
 * request decompression at all (no middleware, and its decoder parses the body as sent), so there the
 * honest expectation is the refusal it gives any unreadable body: HTTP 400, "Unrecognized request
 * format". If a KServe release learns gzip, that test fails and should become the Triton one.
 */
class CompressedRequestsIT {
  private static final ClientOptions GZIP = ClientOptions.builder().compression("gzip").build();

  // Rank 1, as the kit's identity model is declared on PyTriton (shape [-1], no batch dimension).
  private static InferenceRequest identity(float[] x) {
    return InferenceRequest.builder(KitModels.IDENTITY)
        .input(Tensor.ofFloats(KitModels.IDENTITY_TENSOR, x, x.length)).build();
  }

  /** A smooth ramp: compressible, as many real tensors are, yet not all zeros. */
  private static float[] ramp(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (i % 1024) / 1024f;
    }
    return x;
  }

  @ParameterizedTest(name = "pytriton {0}")
  @ValueSource(strings = {"?binary=always", "?binary=never"})
  void tritonAnswersAGzipRequestAsItAnswersAPlainOne(String query) {
    float[] x = ramp(32 * 1024);
    String endpoint = RealPeers.get().endpoint("pytriton", "kserve-v2+http") + query;
    try (InferenceClient gzip = InferenceClient.create(endpoint, GZIP);
        InferenceClient plain = InferenceClient.create(endpoint)) {
      float[] viaGzip = gzip.infer(identity(x)).output(KitModels.IDENTITY_TENSOR).toFloatArray();
      assertArrayEquals(x, viaGzip);
      assertArrayEquals(plain.infer(identity(x)).output(KitModels.IDENTITY_TENSOR).toFloatArray(), viaGzip);
    }
  }

  @Test
  void tritonTakesTheEndpointQueryForm() {
    float[] x = ramp(4096);
    String endpoint = RealPeers.get().endpoint("pytriton", "kserve-v2+http") + "?binary=always&compression=gzip";
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      assertArrayEquals(x, client.infer(identity(x)).output(KitModels.IDENTITY_TENSOR).toFloatArray());
    }
  }

  @Test
  void kserveRefusesAGzipBodyAsUnreadableButAnswersThePlainOne() {
    float[] x = ramp(4096);
    String endpoint = RealPeers.get().endpoint("kserve", "kserve-v2+http") + "?binary=always";
    try (InferenceClient plain = InferenceClient.create(endpoint)) {
      assertArrayEquals(x, plain.infer(identity(x)).output(KitModels.IDENTITY_TENSOR).toFloatArray());
    }
    try (InferenceClient gzip = InferenceClient.create(endpoint, GZIP)) {
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> gzip.infer(identity(x)));
      assertEquals(400, e.httpStatus());
      assertTrue(String.valueOf(e.serverMessage()).contains("Unrecognized request format"), e.toString());
    }
  }
}
