package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import io.inferlink.emulator.ovms.OvmsRelease;
import io.inferlink.testkit.KitModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * §4.1: OVMS 2026.3 removed the TF Serving API, and its {@code /v1/models} paths answer OpenAI-style
 * model lists. A TF Serving-API client then fails with an UnsupportedFeatureException that says to
 * use the KServe API, not with a parse error; the KServe API of the same server works.
 */
class OvmsTfsApiRemovedTest {
  private static final InferenceRequest ADD_ONE = InferenceRequest.builder(KitModels.ADD_ONE)
      .input(Tensor.ofFloats("x", new float[] {1f}, 1, 1)).build();
  private static OvmsTestServer server;

  @BeforeAll
  static void start() {
    server = OvmsTestServer.start(OvmsRelease.V2026_3);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(value = OvmsForm.class, names = {"TFS_REST", "TFS_GRPC"})
  void everyTfServingCallSaysToUseTheKserveApi(OvmsForm form) {
    try (InferenceClient client = server.client(form)) {
      UnsupportedFeatureException infer = AsyncFailures.failure(UnsupportedFeatureException.class, () -> client.inferAsync(ADD_ONE));
      assertEquals(ErrorCode.UNIMPLEMENTED, infer.code());
      assertTrue(infer.getMessage().contains("no TF Serving API") && infer.getMessage().contains("use the KServe API"),
          infer.getMessage());
      assertThrows(UnsupportedFeatureException.class, () -> client.modelMetadata(ModelRef.of(KitModels.ADD_ONE)));
      assertThrows(UnsupportedFeatureException.class, () -> client.modelReady(ModelRef.of(KitModels.ADD_ONE)));
    }
  }

  /**
   * A status read over REST gets an OpenAI model object, which is reported as the API being gone, not as
   * a parse error; over gRPC the service is unimplemented. Either way later calls are refused unsent.
   */
  @ParameterizedTest
  @EnumSource(value = OvmsForm.class, names = {"TFS_REST", "TFS_GRPC"})
  void theFindingIsKeptAndLaterCallsAreNotSent(OvmsForm form) {
    try (InferenceClient client = server.client(form)) {
      UnsupportedFeatureException status = assertThrows(UnsupportedFeatureException.class,
          () -> client.modelReady(ModelRef.of(KitModels.ADD_ONE)));
      assertTrue(status.getMessage().contains(form.grpc() ? "gRPC services are unimplemented" : "OpenAI-style"),
          status.getMessage());
      long before = server.emulator.recorder().recordedCalls();
      assertThrows(UnsupportedFeatureException.class, () -> client.infer(ADD_ONE));
      assertEquals(before, server.emulator.recorder().recordedCalls(), "the refused call reached the server");
    }
  }

  @ParameterizedTest
  @EnumSource(value = OvmsForm.class, names = {"KSERVE_REST", "KSERVE_GRPC"})
  void theKserveApiOfTheSameServerWorks(OvmsForm form) {
    try (InferenceClient client = server.client(form)) {
      assertEquals(2f, client.infer(ADD_ONE).output("y").toFloatArray()[0]);
      assertEquals("2026.3.0", client.serverMetadata().version());
    }
  }

  /** On a 2026.2 server the same failures keep their meaning: a missing model is missing. */
  @ParameterizedTest
  @EnumSource(value = OvmsForm.class, names = {"TFS_REST", "TFS_GRPC"})
  void olderServersFailAsBefore(OvmsForm form) {
    try (OvmsTestServer older = OvmsTestServer.start(OvmsRelease.V2026_2); InferenceClient client = older.client(form)) {
      assertThrows(ModelNotFoundException.class, () -> client.infer(InferenceRequest.builder("nope")
          .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build()));
      assertEquals(2f, client.infer(ADD_ONE).output("y").toFloatArray()[0]);
    }
  }
}
