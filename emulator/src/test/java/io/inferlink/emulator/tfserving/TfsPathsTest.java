package io.inferlink.emulator.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every path form of PROTOCOLS.md §1.2, and what TF answers to paths outside them. */
class TfsPathsTest {
  private static final String VERSIONED_X = "{\"inputs\": [1.0]}";
  private static Emulator emulator;
  private static TfsClient tfs;

  @BeforeAll
  static void start() {
    // A model whose name needs percent-encoding, to check names are decoded.
    ScriptedModel spaced = ScriptedModel.of("my model/ä", List.of(new TensorSpec("x", DataType.FP32, new long[] {-1})),
        List.of(new TensorSpec("x", DataType.FP32, new long[] {-1})), call -> List.copyOf(call.inputs().values()));
    emulator = Emulator.builder().script(ModelScript.builder().addBuiltins().add(spaced).build())
        .frontend(new TfServingRestFrontend()).build().start();
    tfs = new TfsClient("http://127.0.0.1:" + emulator.port(TfServingRestFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void endpointUsesTheTfServingScheme() {
    assertEquals("tfserving+http://127.0.0.1:" + emulator.port("tfserving-rest"), emulator.endpoint("tfserving+http"));
  }

  @Test
  void statusPathsWithoutVersionWithVersionAndWithLabel() {
    assertEquals(2, tfs.get("/v1/models/versioned").json().get("model_version_status").size());
    assertEquals("1", tfs.get("/v1/models/versioned/versions/1").json().at("/model_version_status/0/version").textValue());
    // A label is not resolved for status: every version is listed.
    assertEquals(2, tfs.get("/v1/models/versioned/labels/stable").json().get("model_version_status").size());
  }

  @Test
  void metadataPathsResolveVersionsAndLabels() {
    assertEquals("2", tfs.get("/v1/models/versioned/metadata").json().at("/model_spec/version").textValue());
    assertEquals("1", tfs.get("/v1/models/versioned/versions/1/metadata").json().at("/model_spec/version").textValue());
    assertEquals("1", tfs.get("/v1/models/versioned/labels/stable/metadata").json().at("/model_spec/version").textValue());
  }

  @Test
  void predictPathsReachTheRightVersion() {
    assertEquals(TfsClient.expected("{'outputs': [2]}"), tfs.post("/v1/models/versioned:predict", VERSIONED_X).json());
    assertEquals(1, tfs.post("/v1/models/versioned/versions/1:predict", VERSIONED_X).json().at("/outputs/0").intValue());
    assertEquals(2, tfs.post("/v1/models/versioned/labels/canary:predict", VERSIONED_X).json().at("/outputs/0").intValue());
  }

  @Test
  void pathsAreCaseInsensitiveButNamesAreNot() {
    assertEquals(200, tfs.post("/V1/MODELS/versioned/VERSIONS/1:PREDICT", VERSIONED_X).status());
    assertEquals(200, tfs.get("/v1/Models/versioned/Metadata").status());
    assertEquals(404, tfs.get("/v1/models/VERSIONED").status());
  }

  @Test
  void namesAndLabelsAreUrlDecoded() {
    TfsClient.Reply reply = tfs.get("/v1/models/my%20model%2F%C3%A4/metadata");
    assertEquals(200, reply.status(), reply.body());
    assertEquals("my model/ä", reply.json().at("/model_spec/name").textValue());
    assertEquals(1, tfs.post("/v1/models/versioned/labels/st%61ble:predict", VERSIONED_X).json().at("/outputs/0").intValue());
  }

  @Test
  void listingModelsIsRefused() {
    TfsClient.Reply reply = tfs.get("/v1/models");
    assertEquals(400, reply.status());
    assertEquals("Missing model name in request.", reply.error());
  }

  @Test
  void wrongMethodOrUnknownVerbIsMalformed() {
    assertMalformed(tfs.get("/v1/models/add_one:predict"), "GET /v1/models/add_one:predict");
    assertMalformed(tfs.post("/v1/models/add_one:foo", "{}"), "POST /v1/models/add_one:foo");
    assertMalformed(tfs.post("/v1/models/add_one", "{}"), "POST /v1/models/add_one");
    assertMalformed(tfs.send("PUT", "/v1/models/add_one", "{}", Map.of()), "PUT /v1/models/add_one");
    assertMalformed(tfs.get("/v1/models/add_one/"), "GET /v1/models/add_one/");
    assertMalformed(tfs.get("/v1/models/add_one/versions/x"), "GET /v1/models/add_one/versions/x");
    assertMalformed(tfs.get("/v1/"), "GET /v1/");
  }

  @Test
  void versionsThatDoNotFitInt64AreRefused() {
    TfsClient.Reply reply = tfs.get("/v1/models/versioned/versions/99999999999999999999");
    assertEquals(400, reply.status());
    assertEquals("Failed to convert version: 99999999999999999999 to numeric.", reply.error());
  }

  @Test
  void pathsOutsideV1GetLibeventsPlain404() {
    for (String path : new String[] {"/", "/v1", "/v2/models/add_one", "/models/add_one:predict"}) {
      TfsClient.Reply reply = tfs.get(path);
      assertEquals(404, reply.status(), path);
      assertNotEquals("application/json", reply.contentType(), path);
      assertTrue(reply.body().contains("<H1>Not Found</H1>"), reply.body());
    }
  }

  @Test
  void everyAnswerOfTheApiIsJson() {
    for (TfsClient.Reply r : List.of(tfs.get("/v1/models/versioned"), tfs.get("/v1/models/nope"),
        tfs.post("/v1/models/add_one:predict", ""), tfs.post("/v1/models/add_one:predict", "{\"inputs\": [[1.5]]}"))) {
      assertEquals("application/json", r.contentType(), r.body());
    }
  }

  private static void assertMalformed(TfsClient.Reply reply, String requestText) {
    assertEquals(400, reply.status(), reply.body());
    assertEquals("Malformed request: " + requestText, reply.error());
  }
}
