package io.inferlink.tfserving.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ClientOptions;
import io.inferlink.InferenceClient;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.ResourceExhaustedException;
import io.inferlink.ServerException;
import io.inferlink.Tensor;
import io.inferlink.emulator.HttpLoopbackServer;
import io.inferlink.emulator.HttpReply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client against a server that answers badly: every answer that is not what TF Serving's REST
 * API says becomes a typed {@link InferenceException} carrying what the server said, never a parser
 * exception, a hang or a wrong tensor. The model name picks the misbehaviour.
 */
class MisbehavingServerTest {
  private static HttpLoopbackServer server;

  @BeforeAll
  static void start() {
    server = HttpLoopbackServer.builder("misbehaving-tfserving").route("/v1/models/", call -> {
      String path = call.rawPath();
      String model = path.substring("/v1/models/".length()).replaceAll("[:/].*", "");
      switch (model) {
        case "truncated": return HttpReply.json(200, "{\"outputs\": [1, 2");
        case "notjson": return HttpReply.of(200, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        case "array": return HttpReply.json(200, "[1, 2, 3]");
        case "ragged": return HttpReply.json(200, "{\"outputs\": [[1, 2], [3]]}");
        case "html404": return HttpReply.of(404, "text/html", "<html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8));
        case "dtype501": return HttpReply.json(501, "{ \"error\": \"Conversion of JSON Value: 1 to type: half\" }");
        case "busy503": return HttpReply.json(503, "{ \"error\": \"Model labels does not init yet.canary\" }");
        case "empty500": return HttpReply.of(500, "application/json", new byte[0]);
        case "huge": return HttpReply.json(200, "{\"outputs\": [" + "1,".repeat(3_000_000) + "1]}");
        case "fine": return HttpReply.json(200, "{\"outputs\": [[1.5, 2.5]]}");
        default: return HttpReply.json(404, "{ \"error\": \"Servable not found for request: Latest(" + model + ")\" }");
      }
    }).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static InferenceClient client(ClientOptions.Builder options) {
    return InferenceClient.create("tfserving+http://127.0.0.1:" + server.port() + "?use-metadata=false", options.build());
  }

  private static InferenceException predictFails(String model, ClientOptions.Builder options) {
    try (InferenceClient client = client(options)) {
      InferenceRequest request = InferenceRequest.builder(model).input(Tensor.ofFloats("x", new float[] {1f}, 1)).build();
      InferenceException sync = assertThrows(InferenceException.class, () -> client.infer(request));
      Throwable async = assertThrows(java.util.concurrent.ExecutionException.class,
          () -> client.inferAsync(request).get()).getCause();
      assertEquals(sync.getClass(), async.getClass(), "sync and async differ");
      return sync;
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "truncated, io.inferlink.ServerException",
      "notjson, io.inferlink.ServerException",
      "array, io.inferlink.ServerException",
      "ragged, io.inferlink.ServerException",
      "html404, io.inferlink.ProviderConfigurationException",
      "dtype501, io.inferlink.UnsupportedFeatureException",
      "busy503, io.inferlink.UnavailableException",
      "empty500, io.inferlink.ServerException",
      "nosuchmodel, io.inferlink.ModelNotFoundException"})
  void badAnswersBecomeTypedExceptions(String model, Class<? extends InferenceException> expected) {
    InferenceException e = predictFails(model, ClientOptions.builder());
    assertInstanceOf(expected, e, e.toString());
    assertEquals("tfserving-rest", e.provider());
  }

  @Test
  void serverMessagesSurviveIntoTheException() {
    assertTrue(predictFails("html404", ClientOptions.builder()).serverMessage().contains("Not Found"));
    assertEquals("Conversion of JSON Value: 1 to type: half", predictFails("dtype501", ClientOptions.builder()).serverMessage());
    assertEquals("Servable not found for request: Latest(nosuchmodel)",
        predictFails("nosuchmodel", ClientOptions.builder()).serverMessage());
    InferenceException truncated = predictFails("truncated", ClientOptions.builder());
    assertInstanceOf(ServerException.class, truncated);
    assertTrue(truncated.getMessage().contains("not a TF Serving REST response"), truncated.getMessage());
  }

  @Test
  void anAnswerLargerThanTheMessageLimitIsRefused() {
    InferenceException e = predictFails("huge", ClientOptions.builder().maxMessageSize(1024 * 1024));
    assertInstanceOf(ResourceExhaustedException.class, e, e.toString());
  }

  @Test
  void aWellFormedAnswerWithoutMetadataIsTypedByTheInferenceRule() {
    try (InferenceClient client = client(ClientOptions.builder())) {
      Tensor out = client.infer(InferenceRequest.builder("fine").input(Tensor.ofFloats("x", new float[] {1f}, 1)).build())
          .firstOutput();
      assertEquals("outputs", out.name());
      assertArrayEquals(new long[] {1, 2}, out.shape());
      assertArrayEquals(new float[] {1.5f, 2.5f}, out.toFloatArray());
    }
  }
}
