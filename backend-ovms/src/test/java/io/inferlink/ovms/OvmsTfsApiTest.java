package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.ServerException;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.tfserving.TfServingRestFrontend;
import io.inferlink.testkit.KitModels;
import io.inferlink.tfserving.Example;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.Feature;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.tfserving.TensorFlowServing;
import io.inferlink.tfserving.grpc.TfServingGrpcExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** §4.4: OVMS's TF Serving API (servers up to 2026.2) as the client meets it, {@code api=tfs}. */
class OvmsTfsApiTest {
  private static OvmsTestServer server;

  @BeforeAll
  static void start() {
    server = OvmsTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** OVMS prints metadata lowerCamelCase with an {@code @type}; TF Serving snake_case. The client reads both alike. */
  @Test
  void metadataIsReadInBothSpellings() {
    ModelMetadata ovms;
    try (InferenceClient client = server.client(OvmsForm.TFS_REST)) {
      ovms = client.modelMetadata(ModelRef.of(KitModels.CLASSIFIER));
    }
    ModelMetadata tfServing;
    try (Emulator tf = Emulator.builder().frontend(new TfServingRestFrontend()).build().start();
        InferenceClient client = InferenceClient.create(tf.endpoint("tfserving+http").replace("tfserving+", "ovms+") + "?api=tfs")) {
      tfServing = client.modelMetadata(ModelRef.of(KitModels.CLASSIFIER));
    }
    for (ModelMetadata m : List.of(ovms, tfServing)) {
      assertEquals(KitModels.CLASSIFIER, m.name());
      assertEquals(List.of("1"), m.versions());
      assertEquals(new TensorSpec("x", DataType.FP32, new long[] {-1, 4}), m.input("x").orElseThrow());
      assertEquals(new TensorSpec("label", DataType.BYTES, new long[] {-1}), m.output("label").orElseThrow());
    }
    assertEquals(ovms.inputs(), tfServing.inputs());
    assertEquals(ovms.outputs(), tfServing.outputs());
  }

  /**
   * Over gRPC OVMS takes numeric inputs only in tensor_content, FP16 in half_val, UINT16 in int_val and
   * strings in string_val (anything else is INVALID_ARGUMENT, see OvmsGrpcFrontendTest), and answers in
   * tensor_content: each type the client declares round-trips.
   */
  @Test
  void everyDeclaredTypeTravelsInTheEncodingOvmsTakesOverGrpc() {
    try (InferenceClient client = server.client(OvmsForm.TFS_GRPC)) {
      List<Tensor> inputs = List.of(Tensor.ofFp16("x_fp16", new float[] {1f, -0.5f}, 2),
          Tensor.ofUint16("x_uint16", new short[] {0, (short) 0xffff}, 2),
          Tensor.ofStrings("x_bytes", new String[] {"a", "zwei ✓"}, 2),
          Tensor.ofFloats("x_fp32", new float[] {Float.NaN, 3f}, 2),
          Tensor.ofInt8("x_int8", new byte[] {-128, 127}, 2),
          Tensor.ofLongs("x_int64", new long[] {Long.MIN_VALUE, 7}, 2));
      InferenceResponse r = client.infer(InferenceRequest.builder(KitModels.IDENTITY).inputs(inputs).build());
      for (Tensor t : inputs) {
        assertEquals(t, r.output(t.name()), t.name());
      }
      assertFalse(client.capabilities().supports(DataType.BOOL));
      assertFalse(client.capabilities().supports(DataType.BF16));
    }
  }

  /** UINT32 and UINT64 go in, but OVMS cannot serialise them as outputs: the call fails on the server. */
  @Test
  void uint32OutputsFailOnTheServer() {
    try (InferenceClient client = server.client(OvmsForm.TFS_GRPC)) {
      ServerException e = assertThrows(ServerException.class, () -> client.infer(InferenceRequest.builder(KitModels.IDENTITY)
          .input(Tensor.ofUint32("x_uint32", new int[] {1}, 1)).build()));
      assertEquals(ErrorCode.INTERNAL, e.code());
      assertTrue(e.serverMessage().contains("Unsupported serialization precision"), e.serverMessage());
    }
  }

  /** Model status works (snake_case in both servers); classify and regress, which OVMS lacks, are refused. */
  @ParameterizedTest
  @EnumSource(value = OvmsForm.class, names = {"TFS_REST", "TFS_GRPC"})
  void statusOnlyOfTensorFlowServingsExtras(OvmsForm form) {
    try (InferenceClient client = server.client(form)) {
      TensorFlowServing tfs = client.unwrap(TensorFlowServing.class);
      List<ModelVersionStatus> versions = tfs.modelStatus(ModelRef.of(KitModels.VERSIONED));
      assertEquals(List.of(2L, 1L), versions.stream().map(ModelVersionStatus::version).toList());
      assertTrue(versions.stream().allMatch(ModelVersionStatus::isAvailable));
      assertEquals(ModelVersionStatus.State.LOADING, tfs.modelStatus(ModelRef.of(LoadingModel.NAME)).get(0).state());
      ExampleInput examples = ExampleInput.of(Example.builder().feature("x", Feature.ofFloats(1f, 2f, 3f, 4f)).build());
      assertThrows(UnsupportedFeatureException.class, () -> tfs.classify(ModelRef.of(KitModels.CLASSIFIER), null, examples));
      assertThrows(UnsupportedFeatureException.class, () -> tfs.regress(ModelRef.of(KitModels.ADD_ONE), null, examples));
      assertThrows(UnsupportedFeatureException.class, () -> client.unwrap(TfServingGrpcExtension.class),
          "OVMS's reload RPC ignores the configuration sent; use Ovms.reloadConfig");
      assertTrue(tfs.client() == client);
    }
  }

  @ParameterizedTest
  @EnumSource(value = OvmsForm.class, names = {"KSERVE_REST", "KSERVE_GRPC"})
  void theKserveApiHasNoTensorFlowServingExtension(OvmsForm form) {
    try (InferenceClient client = server.client(form)) {
      assertThrows(UnsupportedFeatureException.class, () -> client.unwrap(TensorFlowServing.class));
    }
  }
}
