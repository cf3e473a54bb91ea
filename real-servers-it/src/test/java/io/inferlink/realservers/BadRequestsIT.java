package io.inferlink.realservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ErrorCode;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.InvalidRequestException;
import io.inferlink.ModelNotFoundException;
import io.inferlink.ModelRef;
import io.inferlink.ProviderConfigurationException;
import io.inferlink.Tensor;
import io.inferlink.testkit.KitModels;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Error mapping on the real servers, each protocol: a shape the model refuses and an unknown model
 * become typed exceptions that carry the server's own words.
 */
class BadRequestsIT {

  static Stream<Arguments> endpoints() {
    return Stream.of("kserve", "pytriton", "mlserver").flatMap(server ->
        Stream.of("kserve-v2+http", "kserve-v2+grpc").map(scheme -> Arguments.of(server, scheme)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("endpoints")
  void aClassifierInputWithFiveColumnsIsAnInvalidRequestWithTheServersMessage(String server, String scheme) {
    try (InferenceClient client = InferenceClient.create(RealPeers.get().endpoint(server, scheme))) {
      InferenceRequest request = InferenceRequest.builder(KitModels.CLASSIFIER)
          .input(Tensor.ofFloats(KitModels.CLASSIFIER_INPUT, new float[10], 2, 5)).build();
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.infer(request));
      assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
      assertTrue(e.serverMessage() != null && !e.serverMessage().isBlank(), "no server message: " + e);
      // Triton checks the declared shape itself; KServe and MLServer run the model, which names the shape
      assertTrue(e.serverMessage().contains("shape") || e.serverMessage().contains("4"),
          "the server's message should say what is wrong with the shape: " + e.serverMessage());
    }
  }

  /** KServe and MLServer answer a path without a route {@code {"detail": "Not Found"}}, Triton {@code {"error": "Not Found"}}. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"kserve", "pytriton", "mlserver"})
  void aWrongBasePathIsAProviderConfigurationExceptionNotAMissingModel(String server) {
    String endpoint = RealPeers.get().endpoint(server, "kserve-v2+http") + "/no-such-prefix";
    try (InferenceClient client = InferenceClient.create(endpoint)) {
      InferenceRequest request = InferenceRequest.builder(KitModels.ADD_ONE)
          .input(Tensor.ofFloats(KitModels.ADD_ONE_INPUT, new float[] {1f}, 1, 1)).build();
      ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> client.infer(request));
      assertEquals(404, e.httpStatus());
      assertTrue(e.getMessage().contains("/no-such-prefix/v2/models/add_one/infer answered HTTP 404"), e.getMessage());
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("endpoints")
  void anUnknownModelIsModelNotFoundWithTheServersMessage(String server, String scheme) {
    try (InferenceClient client = InferenceClient.create(RealPeers.get().endpoint(server, scheme))) {
      InferenceRequest request = InferenceRequest.builder(ModelRef.of("no-such-model"))
          .input(Tensor.ofFloats("x", new float[] {1f}, 1)).build();
      ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> client.infer(request));
      assertTrue(e.serverMessage().contains("no-such-model"), "the server's message should name the model: " + e);
      assertTrue(e.getMessage().contains(e.serverMessage()), "the message should show the server's: " + e);
    }
  }
}
