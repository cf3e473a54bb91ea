package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceClient;
import io.inferlink.ModelRef;
import io.inferlink.ServerException;
import io.inferlink.spi.JsonLimits;
import io.inferlink.testkit.emulator.HttpLoopbackServer;
import io.inferlink.testkit.emulator.HttpReply;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V2 model metadata answers the reader must refuse: a tensor shape that is an object (found by
 * KServeRestAnswersFuzzTest; it used to throw a NullPointerException), and a document nested deeper
 * than the one JSON limit (it used to be read up to Jackson's default of 1000). Both fail with a
 * ServerException saying why, sync and async. The model name picks the answer.
 */
class V2RestMalformedMetadataTest {
  private static HttpLoopbackServer server;

  @BeforeAll
  static void start() {
    String deep = "[".repeat(JsonLimits.MAX_NESTING_DEPTH) + "]".repeat(JsonLimits.MAX_NESTING_DEPTH);
    server = HttpLoopbackServer.builder("malformed-v2-metadata").maxLifetime(Duration.ofMinutes(5)).route("/v2/", call ->
        HttpReply.json(200, "{\"name\": \"m\", \"versions\": [\"1\"], \"platform\": \"p\", \"inputs\": [], \"outputs\": "
            + "[{\"name\": \"y\", \"datatype\": \"INT64\", \"shape\": "
            + (call.rawPath().endsWith("/deep") ? "[1], \"extra\": " + deep : "{\"b64\": \"AA\", \"x\": 1}") + "}]}"))
        .build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aDocumentNestedDeeperThanTheLimitIsAServerException() {
    try (InferenceClient client = InferenceClient.create("kserve-v2+http://127.0.0.1:" + server.port())) {
      Throwable e = assertThrows(Throwable.class, () -> client.modelMetadata(ModelRef.of("deep")));
      assertInstanceOf(ServerException.class, e, e::toString);
      assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }
  }

  @Test
  void aShapeThatIsAnObjectIsAServerException() {
    try (InferenceClient client = InferenceClient.create("kserve-v2+http://127.0.0.1:" + server.port())) {
      Throwable sync = assertThrows(Throwable.class, () -> client.modelMetadata(ModelRef.of("m")));
      assertInstanceOf(ServerException.class, sync, sync::toString);
      assertTrue(sync.getMessage().contains("lacks 'name', 'datatype' or 'shape'"), sync.getMessage());
      Throwable async = assertThrows(ExecutionException.class, () -> client.modelMetadataAsync(ModelRef.of("m")).get())
          .getCause();
      assertInstanceOf(ServerException.class, async, async::toString);
    }
  }
}
