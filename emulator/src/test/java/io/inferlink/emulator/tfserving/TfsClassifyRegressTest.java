package io.inferlink.emulator.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.KitContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Classify and regress (PROTOCOLS.md §1.5) over the classifier and add_one contracts of KitContract. */
class TfsClassifyRegressTest {
  private static Emulator emulator;
  private static TfsClient tfs;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().frontend(new TfServingRestFrontend()).build().start();
    tfs = new TfsClient("http://127.0.0.1:" + emulator.port(TfServingRestFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void classifyGivesEveryClassWithItsScorePerExample() {
    JsonNode results = ok("classifier:classify", "{'examples': [{'x': [0.0, 0.0, 0.0, 0.0]}, {'x': [0.0, 0.0, 5.0, 5.0]}]}")
        .get("results");
    assertEquals(2, results.size());
    for (int k = 0; k < 3; k++) {
      assertEquals(KitContract.CLASSES.get(k), results.at("/0/" + k + "/0").textValue());
      assertEquals(1.0 / 3, results.at("/0/" + k + "/1").doubleValue(), 1e-6);
    }
    // Logits 0, 0, 10: virginica takes nearly everything.
    assertEquals(1.0, results.at("/1/2/1").doubleValue(), 1e-3);
    assertTrue(results.at("/1/0/1").doubleValue() < 1e-3);
  }

  @Test
  void contextFeaturesAreMergedIntoEachExampleWhichWins() {
    JsonNode results = ok("add_one:regress", "{'context': {'x': 1.5}, 'examples': [{}, {'x': 3.0}, {'other': 'a'}]}");
    assertEquals(TfsClient.expected("{'results': [2.5, 4.0, 2.5]}"), results);
  }

  @Test
  void regressRequiresOneFloatValue() {
    assertEquals("add_one: feature 'x' must hold 1 float value(s), got int64s with 1 value(s)",
        error(400, "add_one:regress", "{'examples': [{'x': 1}]}"));
    assertEquals("add_one: feature 'x' must hold 1 float value(s), got floats with 2 value(s)",
        error(400, "add_one:regress", "{'examples': [{'x': [1.0, 2.0]}]}"));
  }

  @Test
  void modelsWithoutTheCapabilityGiveTfsMethodNameError() {
    assertEquals("Expected classification signature method_name to be tensorflow/serving/classify. Was: tensorflow/serving/predict",
        error(400, "add_one:classify", "{'examples': [{'x': 1.0}]}"));
    assertEquals("Expected regression signature method_name to be tensorflow/serving/regress. Was: tensorflow/serving/predict",
        error(400, "classifier:regress", "{'examples': [{'x': 1.0}]}"));
  }

  @Test
  void requestShapeErrors() {
    assertTrue(error(400, "add_one:regress", "{'context': {}}")
        .endsWith(" When method is classify, key 'examples' is expected and was not found"));
    assertTrue(error(400, "add_one:regress", "{'examples': 1}").endsWith(" Expecting 'examples' value to be an list/array"));
    assertTrue(error(400, "add_one:regress", "{'examples': []}").endsWith(" 'examples' value is an empty array"));
    assertEquals("Example must be JSON object but got JSON Array", error(400, "add_one:regress", "{'examples': [[1.0]]}"));
    assertEquals("No signature was found with the name: other",
        error(400, "add_one:regress", "{'signature_name': 'other', 'examples': [{'x': 1.0}]}"));
  }

  @Test
  void featureValueErrors() {
    assertEquals("Unexpected element type in feature: x expecting type: int64",
        error(400, "add_one:regress", "{'examples': [{'x': [1, 2.5]}]}"));
    assertEquals("Feature: x has element with unexpected JSON type: Null", error(400, "add_one:regress", "{'examples': [{'x': null}]}"));
    assertEquals("Feature: x has element with unexpected JSON type: Array",
        error(400, "add_one:regress", "{'examples': [{'x': [[1.0]]}]}"));
    assertEquals("Feature: x has uint64_t element. Only int64_t is supported.",
        error(400, "add_one:regress", "{'examples': [{'x': 18446744073709551615}]}"));
  }

  @Test
  void unknownModelsAndLabels() {
    assertEquals("Servable not found for request: Latest(nope)", error(404, "nope:classify", "{'examples': [{'x': 1.0}]}"));
    assertEquals("Unrecognized servable version label: beta",
        error(400, "classifier/labels/beta:classify", "{'examples': [{'x': 1.0}]}"));
  }

  private static JsonNode ok(String pathTail, String singleQuotedBody) {
    TfsClient.Reply reply = tfs.post("/v1/models/" + pathTail, singleQuotedBody.replace('\'', '"'));
    assertEquals(200, reply.status(), reply.body());
    assertEquals("application/json", reply.contentType());
    return reply.json();
  }

  private static String error(int status, String pathTail, String singleQuotedBody) {
    TfsClient.Reply reply = tfs.post("/v1/models/" + pathTail, singleQuotedBody.replace('\'', '"'));
    assertEquals(status, reply.status(), reply.body());
    return reply.error();
  }
}
