package io.inferlink.realservers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.ServerException;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Triton (through PyTriton) with models bound the PyTriton quick-start way
 * ({@code realservers/pytriton_realistic.py}: {@code @batch} infer functions,
 * {@code ModelConfig(max_batch_size=16)}, {@code Tensor(dtype=np.bytes_ / np.float16, shape=(-1,))},
 * so every tensor travels as {@code [batch, n]}). {@code digest} answers BYTES that are not UTF-8 (raw
 * SHA-256 digests) and {@code half} answers FP16; the expected values are computed here.
 */
class PyTritonBatchedModelsIT {
  private static final String[][] TEXTS = {{"hello", "héllo wörld", ""}, {"Triton", "naïve café", "日本語"}};
  // float -> FP16 (round to nearest even) worked out by hand: each input's nearest half-precision value
  private static final float[] X = {0.1f, 1f, -2.5f, 3.14159f, 65504f, 70000f, 1e-8f, 6e-8f};
  private static final float[] X_AS_HALF = {0.0999755859375f, 1f, -2.5f, 3.140625f, 65504f,
      Float.POSITIVE_INFINITY, 0f, 0x1p-24f};

  static Stream<String> endpoints() {
    RealPeers peers = RealPeers.get();
    String rest = peers.endpoint("pytriton-realistic", "kserve-v2+http");
    String grpc = peers.endpoint("pytriton-realistic", "kserve-v2+grpc");
    return Stream.of(rest, rest + "?binary=never", rest + "?binary=always", grpc, grpc + "?contents=typed");
  }

  static Stream<String> endpointsWithBinaryData() {
    return endpoints().filter(e -> !e.endsWith("binary=never"));
  }

  /**
   * Every form, {@code binary=never} included: asked for JSON, Triton writes each digest's raw bytes
   * inside the JSON string (escaping only control characters, quote and backslash), which is not
   * UTF-8 but still holds the exact bytes.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void rawDigestBytesComeBackExactly(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceResponse r = client.infer(InferenceRequest.builder("digest")
          .input(Tensor.ofStrings("data", flat(TEXTS), 2, 3)).build());
      Tensor sha = r.output("sha256");
      assertEquals(DataType.BYTES, sha.dtype());
      assertArrayEquals(new long[] {2, 3}, sha.shape());
      List<byte[]> digests = sha.toBytesList();
      List<byte[]> upper = r.output("upper").toBytesList();
      String[] texts = flat(TEXTS);
      for (int i = 0; i < texts.length; i++) {
        byte[] utf8 = texts[i].getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(sha256(utf8), digests.get(i), "digest of element " + i);
        assertArrayEquals(asciiUpper(utf8), upper.get(i), "upper of element " + i);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpointsWithBinaryData")
  void bytesThatAreNotUtf8GoInAndComeBackExactly(String endpoint) {
    byte[][] blobs = {{(byte) 0xff, (byte) 0xfe, 0, 'a'}, {(byte) 0x80, 'b', (byte) 0xc3}};
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceResponse r = client.infer(InferenceRequest.builder("digest")
          .input(Tensor.ofBytes("data", blobs, 1, 2)).build());
      for (int i = 0; i < blobs.length; i++) {
        assertArrayEquals(sha256(blobs[i]), r.output("sha256").toBytesList().get(i), "digest of element " + i);
        assertArrayEquals(asciiUpper(blobs[i]), r.output("upper").toBytesList().get(i), "upper of element " + i);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpointsWithBinaryData")
  void fp16OutputsAreWidenedExactly(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      Tensor y = client.infer(InferenceRequest.builder("half").input(Tensor.ofFloats("x", X, 2, 4)).build()).output("y");
      assertEquals(DataType.FP16, y.dtype());
      assertArrayEquals(new long[] {2, 4}, y.shape());
      assertArrayEquals(X_AS_HALF, y.toFloatArray());
    }
  }

  /** Triton has no JSON form for FP16 answers: plain JSON is refused by Triton, and the client says so. */
  @Test
  void fp16OutputsOverPlainJsonAreRefusedByTritonWithItsMessage() {
    String endpoint = RealPeers.get().endpoint("pytriton-realistic", "kserve-v2+http") + "?binary=never";
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceRequest request = InferenceRequest.builder("half").input(Tensor.ofFloats("x", X, 2, 4)).build();
      InferenceException e = assertThrows(InferenceException.class, () -> client.infer(request));
      assertTrue(e.serverMessage() != null && e.serverMessage().contains("FP16"), "Triton's message: " + e);
    }
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedBeforeSendingOverPlainJson() {
    String endpoint = RealPeers.get().endpoint("pytriton-realistic", "kserve-v2+http") + "?binary=never";
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceRequest request = InferenceRequest.builder("digest")
          .input(Tensor.ofBytes("data", new byte[][] {{(byte) 0xff, 'a'}}, 1, 1)).build();
      UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> client.infer(request));
      assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }
  }

  /**
   * PyTriton answers a Python exception with its traceback; the model's own words must reach the caller.
   * (NaN has no plain-JSON form, so not with {@code binary=never}.)
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("endpointsWithBinaryData")
  void aValueErrorOfTheModelReachesTheCallerWithItsMessage(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceRequest request = InferenceRequest.builder("half")
          .input(Tensor.ofFloats("x", new float[] {1f, Float.NaN}, 1, 2)).build();
      ServerException e = assertThrows(ServerException.class, () -> client.infer(request));
      assertEquals(ErrorCode.INTERNAL, e.code());
      assertTrue(e.serverMessage().contains("ValueError: half: x must be finite, got [nan]"), e.serverMessage());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aBatchLargerThanMaxBatchSizeIsAnInvalidRequestWithTritonsMessage(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceRequest request = InferenceRequest.builder("half").input(Tensor.ofFloats("x", new float[17 * 2], 17, 2)).build();
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.infer(request));
      assertTrue(e.serverMessage().contains("batch-size must be <= 16"), e.serverMessage());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void theBatchDimensionAppearsInTheMetadata(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      ModelMetadata m = client.modelMetadata(ModelRef.of("half"));
      assertEquals(List.of("1"), m.versions());
      assertArrayEquals(new long[] {-1, -1}, m.input("x").orElseThrow().shape());
      assertEquals(DataType.FP16, m.output("y").orElseThrow().dtype());
    }
  }

  private static String[] flat(String[][] rows) {
    return Stream.of(rows).flatMap(Stream::of).toArray(String[]::new);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Python's bytes.upper(): ASCII letters only. */
  private static byte[] asciiUpper(byte[] data) {
    byte[] out = data.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] >= 'a' && out[i] <= 'z') {
        out[i] -= 32;
      }
    }
    return out;
  }
}
