package io.inferlink.kserve;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.InferenceClient;
import io.inferlink.ModelRef;
import io.inferlink.ServerException;
import io.inferlink.testkit.emulator.HttpLoopbackServer;
import io.inferlink.testkit.emulator.HttpReply;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A V2 model metadata answer whose tensor shape is an object (found by KServeRestAnswersFuzzTest):
 * {@code modelMetadata} fails with a ServerException naming the tensor, sync and async, where it used
 * to throw a NullPointerException.
 */
class V2RestMalformedMetadataTest {
  private static HttpLoopbackServer server;

  @BeforeAll
  static void start() {
    server = HttpLoopbackServer.builder("malformed-v2-metadata").maxLifetime(Duration.ofMinutes(5)).route("/v2/", call ->
        HttpReply.json(200, "{\"name\": \"m\", \"versions\": [\"1\"], \"platform\": \"p\", \"inputs\": [], \"outputs\": "
            + "[{\"name\": \"y\", \"datatype\": \"INT64\", \"shape\": {\"b64\": \"AA\", \"x\": 1}}]}")).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aShapeThatIsAnObjectIsAServerException() {
    try (InferenceClient client = InferenceClient.create("kserve-v2+http://127.0.0.1:" + server.port())) {
      Throwable sync = assertThrows(Throwable.class, () -> client.modelMetadata(ModelRef.of("m")));
      assertInstanceOf(ServerException.class, sync, sync::toString);
      assertTrue(sync.getMessage().contains("shape of 'y' is an object"), sync.getMessage());
      Throwable async = assertThrows(ExecutionException.class, () -> client.modelMetadataAsync(ModelRef.of("m")).get())
          .getCause();
      assertInstanceOf(ServerException.class, async, async::toString);
    }
  }
}
