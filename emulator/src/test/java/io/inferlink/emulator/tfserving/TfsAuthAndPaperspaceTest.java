package io.inferlink.emulator.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.emulator.Emulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Basic credentials switch and the legacy Paperspace paths (PROTOCOLS.md §5.1). */
class TfsAuthAndPaperspaceTest {
  // The example of the Paperspace docs: pineapple:fanatic.
  private static final Map<String, String> GOOD = Map.of("Authorization", "Basic cGluZWFwcGxlOmZhbmF0aWM=");
  private static final TfServingRestFrontend LEGACY = TfServingRestFrontend.builder()
      .deployment("dep-abc", "versioned").basicAuth("pineapple", "fanatic").build();
  private static final TfServingRestFrontend PROTECTED_TFS = TfServingRestFrontend.builder()
      .basicAuth("paperspace", "my_password").build();
  private static Emulator emulator;
  private static TfsClient legacy;
  private static TfsClient tfs;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(LEGACY).frontend(PROTECTED_TFS).build().start();
    legacy = new TfsClient("http://127.0.0.1:" + emulator.port(TfServingRestFrontend.PAPERSPACE_LEGACY_PROTOCOL));
    tfs = new TfsClient("http://127.0.0.1:" + emulator.port(TfServingRestFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void missingOrWrongCredentialsAre401WithAChallenge() {
    for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Authorization", "Basic cGluZWFwcGxlOndyb25n"),
        Map.of("Authorization", "Bearer cGluZWFwcGxlOmZhbmF0aWM="), Map.of("Authorization", "Basic %%%"))) {
      TfsClient.Reply reply = legacy.send("GET", "/model-serving/add_one", null, headers);
      assertEquals(401, reply.status(), headers.toString());
      assertEquals("Basic realm=\"inferlink-emulator\"", reply.raw().headers().firstValue("www-authenticate").orElse(null));
      assertEquals("Unauthorized", reply.error());
    }
  }

  @Test
  void rightCredentialsPassInAnyCaseOfTheScheme() {
    assertEquals(200, legacy.send("GET", "/model-serving/add_one", null, GOOD).status());
    assertEquals(200, legacy.send("GET", "/model-serving/add_one", null,
        Map.of("Authorization", "basic cGluZWFwcGxlOmZhbmF0aWM=")).status());
  }

  @Test
  void thePlainTfServingModeHasTheSameSwitch() {
    Map<String, String> secret = Map.of("Authorization", "Basic cGFwZXJzcGFjZTpteV9wYXNzd29yZA==");
    assertEquals(401, tfs.get("/v1/models/add_one").status());
    assertEquals(401, tfs.get("/elsewhere").status());
    assertEquals(200, tfs.send("GET", "/v1/models/add_one", null, secret).status());
    assertEquals(404, tfs.send("GET", "/elsewhere", null, secret).status());
  }

  @Test
  void everyPaperspacePathForm() {
    assertEquals(2, get("/model-serving/dep-abc").get("model_version_status").size());
    assertEquals("1", get("/model-serving/dep-abc/versions/1").at("/model_version_status/0/version").textValue());
    assertEquals("2", get("/model-serving/dep-abc/metadata").at("/model_spec/version").textValue());
    assertEquals("versioned", get("/model-serving/dep-abc/versions/1/metadata").at("/model_spec/name").textValue());
    assertEquals(TfsClient.expected("{'outputs': [2]}"), post("/model-serving/dep-abc:predict", "{'inputs': [1.0]}"));
    assertEquals(TfsClient.expected("{'outputs': [1]}"), post("/model-serving/dep-abc/versions/1:predict", "{'inputs': [1.0]}"));
    assertEquals(TfsClient.expected("{'results': [3.0]}"), post("/model-serving/add_one:regress", "{'examples': [{'x': 2.0}]}"));
    assertEquals(3, post("/model-serving/classifier:classify", "{'examples': [{'x': [1.0, 2.0, 3.0, 4.0]}]}").at("/results/0").size());
  }

  @Test
  void unknownDeploymentsAndForeignPaths() {
    TfsClient.Reply unknown = legacy.send("POST", "/model-serving/dep-zzz:predict", "{\"inputs\": [1]}", GOOD);
    assertEquals(404, unknown.status());
    assertEquals("Servable not found for request: Latest(dep-zzz)", unknown.error());
    assertEquals(404, legacy.send("GET", "/v1/models/add_one", null, GOOD).status());
    assertEquals(400, legacy.send("GET", "/model-serving/add_one:predict", null, GOOD).status());
  }

  @Test
  void urlsAndSchemesOfTheLegacyMode() {
    int port = emulator.port(TfServingRestFrontend.PAPERSPACE_LEGACY_PROTOCOL);
    assertEquals("http://127.0.0.1:" + port + "/model-serving/dep-abc", LEGACY.deploymentUrl(emulator, "dep-abc"));
    assertEquals("paperspace-legacy+http://127.0.0.1:" + port, emulator.endpoint("paperspace-legacy+http"));
    assertThrows(IllegalStateException.class, () -> PROTECTED_TFS.deploymentUrl(emulator, "x"));
    assertTrue(PROTECTED_TFS.schemes().contains("tfserving+http"));
  }

  private static JsonNode get(String path) {
    TfsClient.Reply reply = legacy.send("GET", path, null, GOOD);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static JsonNode post(String path, String singleQuoted) {
    TfsClient.Reply reply = legacy.send("POST", path, singleQuoted.replace('\'', '"'), GOOD);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }
}
