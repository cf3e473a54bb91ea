package io.inferlink.ovms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.ServerException;
import io.inferlink.spi.JsonLimits;
import io.inferlink.transport.http.ByteChunks;
import io.inferlink.transport.http.HttpResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OVMS's configuration status document: read as TF Serving status documents, within the one JSON nesting limit. */
class OvmsJsonDocsTest {
  private static HttpResult answer(String body) {
    return HttpResult.of(200, Map.of(), ByteChunks.ofBytes(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void eachModelHasItsVersions() {
    String doc = "{\"m\": {\"model_version_status\": [{\"version\": \"1\", \"state\": \"AVAILABLE\", "
        + "\"status\": {\"error_code\": \"OK\", \"error_message\": \"\"}}]}}";
    assertEquals(1, OvmsJsonDocs.configStatus(answer(doc), "ovms").get("m").size());
  }

  @Test
  void aDocumentNestedDeeperThanTheLimitIsMalformed() {
    String deep = "[".repeat(JsonLimits.MAX_NESTING_DEPTH) + "]".repeat(JsonLimits.MAX_NESTING_DEPTH);
    String doc = "{\"m\": {\"model_version_status\": [], \"extra\": " + deep + "}}";
    Throwable e = assertThrows(Throwable.class, () -> OvmsJsonDocs.configStatus(answer(doc), "ovms"));
    assertInstanceOf(ServerException.class, e, e::toString);
    assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
  }
}
