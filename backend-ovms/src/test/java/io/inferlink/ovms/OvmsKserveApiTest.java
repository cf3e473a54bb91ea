package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.DataType;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.kserve.ModelRepository;
import io.inferlink.testkit.KitModels;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** §4.5: OVMS's KServe API as the client meets it. */
class OvmsKserveApiTest {
  private static OvmsTestServer server;

  @BeforeAll
  static void start() {
    server = OvmsTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** OVMS has no BF16; the client refuses it before anything is sent (the server would answer 400). */
  @ParameterizedTest
  @EnumSource(value = OvmsForm.class, names = {"KSERVE_REST", "KSERVE_GRPC"})
  void bf16IsRefusedBeforeSending(OvmsForm form) {
    String callId = "bf16-" + form;
    try (InferenceClient client = server.client(form, ClientOptions.builder().header(KitModels.CALL_ID_HEADER, callId).build())) {
      assertFalse(client.capabilities().supports(DataType.BF16));
      InferenceRequest bf16 = InferenceRequest.builder(KitModels.IDENTITY)
          .input(Tensor.ofBf16("x_bf16", new float[] {1f}, 1)).build();
      UnsupportedFeatureException e = AsyncFailures.failure(UnsupportedFeatureException.class, () -> client.inferAsync(bf16));
      assertTrue(e.getMessage().contains("BF16"), e.getMessage());
    }
    assertTrue(server.emulator.recorder().headersOfCall(callId, Duration.ZERO).isEmpty(), "the BF16 call was sent");
  }

  /** What the refusal saves: the KServe client without OVMS's rules sends BF16, and OVMS refuses it. */
  @Test
  void ovmsItselfRefusesBf16() {
    try (InferenceClient plain = InferenceClient.create("kserve-v2+http://127.0.0.1:" + server.restPort())) {
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> plain.infer(
          InferenceRequest.builder(KitModels.IDENTITY).input(Tensor.ofBf16("x_bf16", new float[] {1f}, 1)).build()));
      assertEquals(400, e.httpStatus());
    }
  }

  /** FP16 travels only as binary data or raw contents, which OVMS requires; it round-trips. */
  @ParameterizedTest
  @EnumSource(value = OvmsForm.class, names = {"KSERVE_REST", "KSERVE_GRPC"})
  void fp16TravelsAsBinaryAndComesBack(OvmsForm form) {
    try (InferenceClient client = server.client(form)) {
      Tensor half = Tensor.ofFp16("x_fp16", new float[] {1f, -2.5f, 65504f}, 3);
      assertArrayEquals(half.toShortArray(), client.infer(InferenceRequest.builder(KitModels.IDENTITY).input(half).build())
          .output("x_fp16").toShortArray());
    }
  }

  @ParameterizedTest
  @EnumSource(OvmsForm.class)
  void serverAndModelMetadataAreOvmsOwn(OvmsForm form) {
    try (InferenceClient client = server.client(form)) {
      assertEquals("OpenVINO Model Server", client.serverMetadata().name());
      assertEquals("2026.2.0", client.serverMetadata().version());
      if (!form.tfs()) {
        assertEquals("OpenVINO", client.modelMetadata(ModelRef.of(KitModels.ADD_ONE)).platform());
      }
    }
  }

  /** OVMS's models follow its configuration file; the KServe client's repository extension is not offered. */
  @ParameterizedTest
  @EnumSource(value = OvmsForm.class, names = {"KSERVE_REST", "KSERVE_GRPC"})
  void noModelRepository(OvmsForm form) {
    try (InferenceClient client = server.client(form)) {
      assertThrows(UnsupportedFeatureException.class, () -> client.unwrap(ModelRepository.class));
      assertFalse(client.capabilities().supports(io.inferlink.Capability.MODEL_REPOSITORY));
    }
  }
}
