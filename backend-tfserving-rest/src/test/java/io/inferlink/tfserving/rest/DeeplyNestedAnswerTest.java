package io.inferlink.tfserving.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.ServerException;
import io.inferlink.Tensor;
import io.inferlink.testkit.emulator.HttpLoopbackServer;
import io.inferlink.testkit.emulator.HttpReply;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server answering 100,000 nested lists, for predict and for metadata: every reader stops at the
 * one nesting limit with a {@link ServerException}, sync and async, and no {@link StackOverflowError}
 * escapes. The model name picks which answer is deep and how.
 */
class DeeplyNestedAnswerTest {
  private static final String DEEP = "[".repeat(100_000);
  private static final String DEEP_OUTPUTS = "{\"outputs\": " + DEEP;
  private static final String DEEP_CLOSED = "{\"outputs\": " + DEEP + "1" + "]".repeat(100_000) + "}";
  private static HttpLoopbackServer server;

  @BeforeAll
  static void start() {
    server = HttpLoopbackServer.builder("deep-tfserving").route("/v1/models/", call -> {
      String path = call.rawPath();
      String model = path.substring("/v1/models/".length()).replaceAll("[:/].*", "");
      boolean metadata = path.endsWith("/metadata");
      switch (model) {
        case "bare": return HttpReply.json(200, DEEP);
        case "outputs": return metadata ? HttpReply.json(404, "{}") : HttpReply.json(200, DEEP_OUTPUTS);
        case "closed": return metadata ? HttpReply.json(404, "{}") : HttpReply.json(200, DEEP_CLOSED);
        case "deepmeta": return metadata ? HttpReply.json(200, "{\"metadata\": " + DEEP) : HttpReply.json(200, DEEP_CLOSED);
        case "deeperror": return HttpReply.json(500, "{\"error\": " + DEEP + "\"x\"" + "]".repeat(100_000) + "}");
        default: return HttpReply.json(404, "{ \"error\": \"no model " + model + "\" }");
      }
    }).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static InferenceClient client() {
    return InferenceClient.create("tfserving+http://127.0.0.1:" + server.port());
  }

  private static InferenceRequest request(String model) {
    return InferenceRequest.builder(model).input(Tensor.ofFloats("x", new float[] {1f}, 1)).build();
  }

  /** Both forms fail with a ServerException; returns the sync one. */
  private static ServerException bothFail(Runnable sync, Supplier<java.util.concurrent.CompletableFuture<?>> async) {
    Throwable s = assertThrows(Throwable.class, sync::run);
    assertInstanceOf(ServerException.class, s, () -> "sync: " + s);
    Throwable a = assertThrows(ExecutionException.class, () -> async.get().get()).getCause();
    assertInstanceOf(ServerException.class, a, () -> "async: " + a);
    return (ServerException) s;
  }

  @ParameterizedTest
  @ValueSource(strings = {"bare", "outputs", "closed", "deepmeta", "deeperror"})
  void predictFailsTyped(String model) {
    try (InferenceClient client = client()) {
      ServerException e = bothFail(() -> client.infer(request(model)), () -> client.inferAsync(request(model)));
      assertEquals("tfserving-rest", e.provider());
      if (!model.equals("bare") && !model.equals("deeperror")) {
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bare", "deepmeta"})
  void metadataFailsTyped(String model) {
    try (InferenceClient client = client()) {
      ServerException e = bothFail(() -> client.modelMetadata(io.inferlink.ModelRef.of(model)),
          () -> client.modelMetadataAsync(io.inferlink.ModelRef.of(model)));
      assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }
  }
}
