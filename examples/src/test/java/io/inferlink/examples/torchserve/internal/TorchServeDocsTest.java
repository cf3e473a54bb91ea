package io.inferlink.examples.torchserve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.spi.support.MalformedAnswerException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** TorchServe's own documents, in the forms its documentation shows. */
class TorchServeDocsTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void pingStatusIsTheStatusMember() {
    assertEquals(Optional.of("Healthy"), TorchServeJson.pingStatus(utf8("{\n  \"status\": \"Healthy\"\n}")));
    assertEquals(Optional.empty(), TorchServeJson.pingStatus(utf8("<html>bad gateway</html>")));
  }

  @Test
  void aModelIsReadyWhenOneOfItsWorkersIsReady() {
    String ready = "[{\"modelName\": \"noop\", \"modelVersion\": \"1.0\", \"workers\": ["
        + "{\"id\": \"9000\", \"status\": \"UNLOADING\"}, {\"id\": \"9001\", \"status\": \"READY\"}]}]";
    assertTrue(TorchServeJson.hasReadyWorker(utf8(ready)));
    assertFalse(TorchServeJson.hasReadyWorker(utf8("[{\"modelName\": \"noop\", \"workers\": []}]")));
    assertThrows(MalformedAnswerException.class, () -> TorchServeJson.hasReadyWorker(utf8("{\"modelName\": \"noop\"}")));
  }

  @Test
  void errorMessagesComeFromTheMessageMemberElseFromTheBodyText() {
    assertEquals(java.util.Optional.of("Model not found: x"), TorchServeJson.errorMessage(
        utf8("{\"code\": 404, \"type\": \"ModelNotFoundException\", \"message\": \"Model not found: x\"}")));
    assertEquals(java.util.Optional.empty(), TorchServeJson.errorMessage(utf8("upstream connect error\n")));
    assertEquals("upstream connect error", TorchServeJson.snippet(utf8("upstream connect error\n")));
    String longText = "x".repeat(500);
    assertEquals(203, TorchServeJson.snippet(utf8(longText)).length(), "200 characters and '...'");
    assertEquals(java.util.Optional.of("an HTML page"), TorchServeJson.wrongPath(utf8("  <html>404</html>")));
    assertEquals(java.util.Optional.of("an empty body"), TorchServeJson.wrongPath(utf8("")));
    assertTrue(TorchServeJson.wrongPath(utf8("{\"code\": 404, \"type\": \"ResourceNotFoundException\", \"message\": \"x\"}"))
        .isPresent());
    assertEquals(java.util.Optional.empty(), TorchServeJson.wrongPath(
        utf8("{\"code\": 404, \"type\": \"ModelNotFoundException\", \"message\": \"Model not found: x\"}")));
  }

  @Test
  void aModelDescriptionNestedDeeperThanTheJsonLimitIsMalformed() {
    int limit = io.inferlink.spi.support.JsonLimits.MAX_NESTING_DEPTH;
    byte[] doc = ("[{\"workers\": [{\"status\": \"READY\", \"x\": " + "[".repeat(limit) + "]".repeat(limit) + "}]}]")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThrows(MalformedAnswerException.class, () -> TorchServeJson.hasReadyWorker(doc));
  }
}
