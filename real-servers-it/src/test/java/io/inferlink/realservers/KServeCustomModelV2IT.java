package io.inferlink.realservers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Open Inference Protocol against a custom KServe model written as KServe's V2 quick-start writes
 * it ({@code softmax-v2} of {@code realservers/kserve_realistic.py}): no version, an
 * {@code InferResponse} built with {@code response_id=generate_uuid()} and no {@code model_version},
 * no declared inputs or outputs. KServe then answers {@code "model_version": null},
 * {@code "parameters": null} and metadata {@code "versions": null}; gRPC leaves the fields empty.
 * The model also ignores the client's {@code binary_data} requests, so a REST client that asks for
 * binary outputs gets JSON.
 */
class KServeCustomModelV2IT {
  private static final ModelRef MODEL = ModelRef.of("softmax-v2");
  private static final float[][] LOGITS = {{1f, 2f, 0.5f}, {3f, 0.1f, 0.2f}, {0f, -1f, 4.25f}};

  static Stream<String> endpoints() {
    RealPeers peers = RealPeers.get();
    String rest = peers.endpoint("kserve-realistic", "kserve-v2+http");
    String grpc = peers.endpoint("kserve-realistic", "kserve-v2+grpc");
    return Stream.of(rest, rest + "?binary=never", rest + "?binary=always", grpc, grpc + "?contents=typed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void anUnversionedModelAnswersWithNoVersion(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceResponse r = client.infer(request());
      assertEquals("softmax-v2", r.modelName());
      assertNull(r.modelVersion(), "KServe names no version for an unversioned model");
      assertNotNull(r.id(), "the quick-start's generate_uuid() id");
      Tensor out = r.output("output-0");
      assertEquals(DataType.FP32, out.dtype());
      assertArrayEquals(new long[] {LOGITS.length, 3}, out.shape());
      float[] p = out.toFloatArray();
      for (int row = 0; row < LOGITS.length; row++) {
        double[] expected = KServeCustomModelV1IT.softmax(LOGITS[row]);
        for (int k = 0; k < 3; k++) {
          assertEquals(expected[k], p[row * 3 + k], 1e-6, "row " + row + ", class " + k);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void theMetadataOfAnUnversionedModelWithoutDeclaredTensorsIsEmptyButNamed(String endpoint) {
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      assertTrue(client.modelReady(MODEL));
      ModelMetadata m = client.modelMetadata(MODEL);
      assertEquals("softmax-v2", m.name());
      assertTrue(m.versions().isEmpty(), "no versions: " + m);
      assertTrue(m.inputs().isEmpty() && m.outputs().isEmpty(), "the model declares no tensors: " + m);
    }
  }

  private static InferenceRequest request() {
    float[] flat = new float[LOGITS.length * 3];
    for (int row = 0; row < LOGITS.length; row++) {
      System.arraycopy(LOGITS[row], 0, flat, row * 3, 3);
    }
    return InferenceRequest.builder(MODEL).input(Tensor.ofFloats("input-0", flat, LOGITS.length, 3)).build();
  }
}
