package io.inferlink.tfserving.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceClient;
import io.inferlink.ModelRef;
import io.inferlink.ServerException;
import io.inferlink.testkit.emulator.HttpLoopbackServer;
import io.inferlink.testkit.emulator.HttpReply;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Metadata answers whose signature is malformed below the top level (found by TfRestAnswersFuzzTest):
 * {@code modelMetadata} fails with a ServerException naming what is wrong, sync and async, where it
 * used to let the reader's internal exception or a NullPointerException out. The model name picks the
 * answer.
 */
class MalformedMetadataTest {
  private static HttpLoopbackServer server;

  @BeforeAll
  static void start() {
    server = HttpLoopbackServer.builder("malformed-metadata").route("/v1/models/", call -> {
      String model = call.rawPath().substring("/v1/models/".length()).replaceAll("[:/].*", "");
      String signature = model.equals("inputslist")
          ? "{\"inputs\": [1]}"
          : "{\"inputs\": {\"x\": {\"dtype\": \"DT_FLOAT\", \"tensor_shape\": {\"dim\": {\"size\": \"3\"}}}}}";
      return HttpReply.json(200, "{\"model_spec\": {\"name\": \"" + model + "\"}, \"metadata\": {\"signature_def\": "
          + "{\"signature_def\": {\"serving_default\": " + signature + "}}}}");
    }).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @CsvSource({"inputslist, signature inputs is not an object", "dimobject, \"dim\" is an object, not a list"})
  void aMalformedSignatureIsAServerException(String model, String expected) {
    try (InferenceClient client = InferenceClient.create("tfserving+http://127.0.0.1:" + server.port())) {
      Throwable sync = assertThrows(Throwable.class, () -> client.modelMetadata(ModelRef.of(model)));
      assertInstanceOf(ServerException.class, sync, sync::toString);
      assertTrue(sync.getMessage().contains(expected), sync.getMessage());
      assertEquals("tfserving-rest", ((ServerException) sync).provider());
      Throwable async = assertThrows(ExecutionException.class, () -> client.modelMetadataAsync(ModelRef.of(model)).get())
          .getCause();
      assertInstanceOf(ServerException.class, async, async::toString);
    }
  }
}
