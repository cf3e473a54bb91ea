package io.inferlink.realservers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.InvalidRequestException;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.testkit.KitModels;
import io.inferlink.testkit.KitTensors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * FP16 as JSON numbers ({@code half-as-json=true}): MLServer 1.7.1, which has no binary extension,
 * takes and answers them; Triton and KServe refuse FP16 JSON data, which is why the option is off by
 * default.
 */
class HalfFloatJsonIT {
  private static final String JSON_HALVES = "?binary=never&half-as-json=true";

  private static InferenceRequest identity(Tensor t) {
    return InferenceRequest.builder(KitModels.IDENTITY).input(t).build();
  }

  private static String endpoint(String server, String query) {
    return RealPeers.get().endpoint(server, "kserve-v2+http") + query;
  }

  @Test
  void mlserverTakesAndAnswersFp16AsJsonNumbersBitForBit() {
    Tensor sent = KitTensors.finiteSample(DataType.FP16, KitModels.identityTensorName(DataType.FP16));
    try (InferenceClient client = InferenceClient.create(endpoint("mlserver", JSON_HALVES))) {
      Tensor back = client.infer(identity(sent)).output(sent.name());
      assertEquals(DataType.FP16, back.dtype());
      assertArrayEquals(sent.shape(), back.shape());
      assertEquals(sent.data(), back.data(), "the FP16 bits");
    }
  }

  @Test
  void mlserverRefusesBf16CleanlyWithItsOwnWords() {
    Tensor sent = Tensor.ofBf16(KitModels.identityTensorName(DataType.BF16), new float[] {1.5f}, 1);
    try (InferenceClient client = InferenceClient.create(endpoint("mlserver", JSON_HALVES))) {
      InferenceException e = assertThrows(InferenceException.class, () -> client.infer(identity(sent)));
      assertTrue(e.serverMessage() != null && e.serverMessage().contains("BF16"), e.toString());
    }
  }

  @Test
  void withoutTheOptionFp16IsRefusedBeforeSending() {
    Tensor sent = Tensor.ofFp16(KitModels.identityTensorName(DataType.FP16), new float[] {1.5f}, 1, 1);
    try (InferenceClient client = InferenceClient.create(endpoint("mlserver", "?binary=never"))) {
      assertThrows(UnsupportedFeatureException.class, () -> client.infer(identity(sent)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pytriton", "kserve"})
  void tritonAndKServeRefuseFp16JsonData(String server) {
    Tensor sent = Tensor.ofFp16(KitModels.identityTensorName(DataType.FP16), new float[] {1.5f}, 1, 1);
    try (InferenceClient client = InferenceClient.create(endpoint(server, JSON_HALVES))) {
      InferenceRequest request = identity(sent).toBuilder().id("fp16-json").build();
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.infer(request));
      assertTrue(e.serverMessage().contains("FP16 data via JSON is not supported"), e.toString());
    }
  }
}
