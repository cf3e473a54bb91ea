package io.inferlink.realservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The MLServer models folder of the official-image run: the same models, and a {@code settings.json} whose
 * {@code host} is gone (so {@code MLSERVER_HOST=0.0.0.0} decides) while every other setting stays; the
 * folder peers.sh serves keeps its 127.0.0.1.
 */
class MLServerModelsWithoutHostTest {
  private static final Path MODELS = Paths.get("..", "realservers", "mlserver_models");

  @Test
  void theCopyLosesOnlyTheHost() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode original = json.readTree(MODELS.resolve("settings.json").toFile());
    assertEquals("127.0.0.1", original.path("host").asText(), "peers.sh's folder binds loopback");

    Path copy = RealPeerContainers.withoutHost(MODELS);
    JsonNode settings = json.readTree(copy.resolve("settings.json").toFile());

    assertFalse(settings.has("host"), settings.toString());
    assertEquals(original.size() - 1, settings.size(), settings.toString());
    assertEquals(original.path("parallel_workers"), settings.path("parallel_workers"));
    assertTrue(Files.isRegularFile(copy.resolve("versioned-v2/model-settings.json")));
    assertTrue(Files.isRegularFile(copy.resolve("kit_runtime.py")));
    assertEquals("127.0.0.1", json.readTree(MODELS.resolve("settings.json").toFile()).path("host").asText(),
        "the original is left as it is");
  }
}
