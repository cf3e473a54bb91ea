package io.inferlink.ovms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import io.inferlink.UnavailableException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * §4.5, §4.7: a model version still loading answers 404 over REST and UNAVAILABLE over gRPC
 * (MODEL_VERSION_NOT_LOADED_YET). The client reads that as "not ready" and as a retryable
 * {@link UnavailableException}, never as a missing model; once loaded, the same calls work.
 */
class OvmsHealthTest {
  private static final InferenceRequest CALL = InferenceRequest.builder(LoadingModel.NAME)
      .input(Tensor.ofFloats("x", new float[] {1f, 2f}, 2)).build();

  @ParameterizedTest
  @EnumSource(OvmsForm.class)
  void aModelStillLoadingIsNotReadyAndRetryableNotMissing(OvmsForm form) {
    try (OvmsTestServer server = OvmsTestServer.start(); InferenceClient client = server.client(form)) {
      ModelRef loading = ModelRef.of(LoadingModel.NAME);
      assertFalse(client.modelReady(loading), "a version still loading is not ready");

      UnavailableException infer = AsyncFailures.failure(UnavailableException.class, () -> client.inferAsync(CALL));
      assertTrue(infer.isRetryable());
      assertEquals("Model with requested version is not loaded yet", infer.serverMessage());
      if (form.grpc()) {
        assertEquals(14, infer.grpcStatus(), "UNAVAILABLE");
      } else {
        assertEquals(404, infer.httpStatus());
      }
      assertThrows(UnavailableException.class, () -> client.modelMetadata(loading));

      server.loading.finish();
      assertTrue(client.modelReady(loading));
      assertEquals(2, client.infer(CALL).output("x").elementCount());
    }
  }

  @ParameterizedTest
  @EnumSource(OvmsForm.class)
  void anUnknownModelIsStillMissingAndNotReady(OvmsForm form) {
    try (OvmsTestServer server = OvmsTestServer.start(); InferenceClient client = server.client(form)) {
      assertFalse(client.modelReady(ModelRef.of("nope")));
      ModelNotFoundException e = assertThrows(ModelNotFoundException.class,
          () -> client.infer(InferenceRequest.builder("nope").input(Tensor.ofFloats("x", new float[] {1f}, 1)).build()));
      assertFalse(e.isRetryable());
      assertEquals("Model with requested name is not found", e.serverMessage());
      assertTrue(client.serverLive());
      assertTrue(client.serverReady());
    }
  }
}
