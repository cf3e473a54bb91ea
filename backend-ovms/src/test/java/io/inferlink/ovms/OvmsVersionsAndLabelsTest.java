package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.testkit.KitModels;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * §4.4: version {@code 0} means the latest version to OVMS; labels are ignored by OVMS, so the
 * client refuses them rather than let them reach another version. The emulator itself answers a
 * label with the latest version (OvmsRestFrontendTest and OvmsGrpcFrontendTest in the testkit show
 * it), which is what the refusal protects against.
 */
class OvmsVersionsAndLabelsTest {
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
  void versionZeroIsTheLatestVersion(OvmsForm form) {
    try (InferenceClient client = server.client(form)) {
      ModelRef zero = ModelRef.of(KitModels.VERSIONED, "0");
      assertEquals(2L, client.infer(request(zero)).output(KitModels.VERSIONED_OUTPUT).getLong(0),
          "version 0 should reach the latest version, 2");
      assertEquals(1L, client.infer(request(ModelRef.of(KitModels.VERSIONED, "1"))).output(KitModels.VERSIONED_OUTPUT).getLong(0));
      assertTrue(client.modelReady(zero), "the latest version is ready");
      assertEquals(KitModels.VERSIONED, client.modelMetadata(zero).name());
    }
  }

  @ParameterizedTest
  @EnumSource(OvmsForm.class)
  void labelsAreRefusedBeforeSending(OvmsForm form) {
    String callId = "labels-" + form;
    ClientOptions tagged = ClientOptions.builder().header(KitModels.CALL_ID_HEADER, callId).build();
    try (InferenceClient client = server.client(form, tagged)) {
      ModelRef stable = ModelRef.withLabel(KitModels.VERSIONED, KitModels.LABEL_STABLE);
      UnsupportedFeatureException e = AsyncFailures.failure(UnsupportedFeatureException.class,
          () -> client.inferAsync(request(stable)));
      assertTrue(e.getMessage().contains("OVMS ignores version labels"), e.getMessage());
      assertThrows(UnsupportedFeatureException.class, () -> client.modelReady(stable));
      assertThrows(UnsupportedFeatureException.class, () -> client.modelMetadata(stable));
    }
    assertTrue(server.emulator.recorder().headersOfCall(callId, Duration.ZERO).isEmpty(),
        "a labelled call reached the server");
  }

  private static InferenceRequest request(ModelRef ref) {
    return InferenceRequest.builder(ref).input(Tensor.ofFloats(KitModels.VERSIONED_INPUT, new float[] {1f}, 1)).build();
  }
}
