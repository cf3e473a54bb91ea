package io.inferlink.emulator.tfserving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.Emulator;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The predict body errors of PROTOCOLS.md §1.3, with TF's messages. */
class TfsPredictErrorsTest {
  private static Emulator emulator;
  private static TfsClient tfs;

  @BeforeAll
  static void start() {
    List<TensorSpec> pair = List.of(new TensorSpec("a", DataType.FP32, new long[] {-1}),
        new TensorSpec("b", DataType.INT64, new long[] {-1}));
    // Outputs the row format cannot carry: a scalar, and two outputs with different first dimensions.
    ScriptedModel scalar = ScriptedModel.of("scalar_out", pair.subList(0, 1), List.of(new TensorSpec("s", DataType.FP32, new long[0])),
        call -> List.of(Tensor.ofFloats("s", new float[] {1f})));
    ScriptedModel ragged = ScriptedModel.of("ragged_out", pair.subList(0, 1), pair,
        call -> List.of(Tensor.ofFloats("a", new float[] {1f, 2f}, 2), Tensor.ofLongs("b", new long[] {1, 2, 3}, 3)));
    emulator = Emulator.builder()
        .script(ModelScript.builder().addBuiltins().add(ScriptedModel.of("pair", pair, pair,
            call -> List.copyOf(call.inputs().values()))).add(scalar).add(ragged).build())
        .frontend(new TfServingRestFrontend()).build().start();
    tfs = new TfsClient("http://127.0.0.1:" + emulator.port(TfServingRestFrontend.PROTOCOL));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void bodiesThatAreNotAJsonObject() {
    assertEquals("JSON Parse error: The document is empty", error("add_one", ""));
    String parse = error("add_one", "{'inputs': [1,");
    assertTrue(parse.startsWith("JSON Parse error: ") && parse.contains(" at offset: "), parse);
    assertEquals("JSON Value: [\n    1\n] Is not object", error("add_one", "[1]"));
  }

  @Test
  void theBodyIsReadBeforeTheModelIsLookedUp() {
    assertEquals("JSON Parse error: The document is empty", error("nope", ""));
  }

  @Test
  void signatureNameMustBeAKnownString() {
    String notString = error("add_one", "{'signature_name': 1, 'inputs': [1]}");
    assertTrue(notString.startsWith("JSON Value: {\n    \"signature_name\": 1,"), notString);
    assertTrue(notString.endsWith(" not formatted correctly. 'signature_name' key must be a string value."), notString);
    assertEquals("Serving signature name: \"other\" not found in signature def",
        error("add_one", "{'signature_name': 'other', 'inputs': [1]}"));
  }

  @Test
  void exactlyOneOfInputsAndInstances() {
    assertTrue(error("add_one", "{'inputs': [1], 'instances': [1]}")
        .endsWith(" Not formatted correctly expecting only one of 'inputs' or 'instances' keys to exist"));
    assertEquals("Missing 'inputs' or 'instances' key", error("add_one", "{'input': [1]}"));
    assertTrue(error("add_one", "{'instances': 1}").endsWith(" Expecting 'instances' to be an list/array"));
    assertTrue(error("add_one", "{'instances': []}").endsWith(" No values in 'instances' array"));
  }

  @Test
  void rowFormatWithSeveralInputsNeedsObjectsWithExactlyTheirKeys() {
    assertEquals("instances is a plain list, but expecting list of objects as multiple input tensors required as per"
        + " tensorinfo_map", error("pair", "{'instances': [1, 2]}"));
    assertEquals("Failed to process element: 0 of 'instances' list. JSON object: {\n    \"a\": 1.0\n}"
        + " keys must be equal to: a,b", error("pair", "{'instances': [{'a': 1.0}]}"));
    assertEquals("Failed to process element: 0 key: q of 'instances' list. Error: INVALID_ARGUMENT: JSON object: does not"
        + " have named input: q", error("pair", "{'instances': [{'a': 1.0, 'b': 1, 'q': 1}]}"));
  }

  @Test
  void rowFormatDoesNotMixObjectsAndLists() {
    assertEquals("Expecting object but got list at item 1 of input list", error("add_one", "{'instances': [{'x': [1]}, [2]]}"));
    assertEquals("Expecting value/list but got object at item 1 of input list", error("add_one", "{'instances': [[1], {'x': [2]}]}"));
  }

  @Test
  void rowsMustAgreeInSizeAndShape() {
    assertEquals("Failed to process element: 1 of 'instances' list. Error: INVALID_ARGUMENT: Expecting tensor size: 2"
        + " but got: 1", error("add_one", "{'instances': [[1, 2], [3]]}"));
    assertEquals("Failed to process element: 1 of 'instances' list. Error: INVALID_ARGUMENT: Expecting shape [1,2] but"
        + " got: [2,1]", error("add_one", "{'instances': [[[1, 2]], [[1], [2]]]}"));
  }

  @Test
  void columnarWithSeveralInputsNeedsAnObjectWithEachOfThem() {
    assertEquals("Missing named input: b in 'inputs' object.", error("pair", "{'inputs': {'a': [1.0]}}"));
    assertEquals("inputs is a plain value/list, but expecting an object as multiple input tensors required as per"
        + " tensorinfo_map", error("pair", "{'inputs': [1]}"));
  }

  @Test
  void denseShapesOnly() {
    assertEquals("Encountered list at unexpected size: 1 at level: 1 expected size: 2", error("add_one", "{'inputs': [[1, 2], [3]]}"));
    // TF counts the level of the misplaced leaf from 1 (its depth plus one), the expected level from 0.
    assertEquals("JSON Value: 3 found at incorrect level: 2 in the JSON DOM. Expected at level: 2",
        error("add_one", "{'inputs': [[1, 2], 3]}"));
    assertEquals("Encountered list at unexpected level: 1 expected < 1", error("add_one", "{'inputs': [1, [2]]}"));
  }

  @Test
  void rowAnswersNeedOutputsWithOneBatchDimension() {
    assertEquals("Tensor name: s has no shape information", error("scalar_out", "{'instances': [1.0]}"));
    assertEquals("Tensor name: b has inconsistent batch size: 3 expecting: 2", error("ragged_out", "{'instances': [1.0]}"));
    // The columnar format has no such rule.
    assertEquals(TfsClient.expected("{'outputs': {'a': [1.0, 2.0], 'b': [1, 2, 3]}}"),
        tfs.post("/v1/models/ragged_out:predict", "{\"inputs\": [1.0]}").json());
  }

  @Test
  void unknownModelsVersionsAndLabels() {
    assertReply(404, "Servable not found for request: Latest(nope)", "/v1/models/nope:predict");
    assertReply(404, "Servable not found for request: Specific(add_one, 3)", "/v1/models/add_one/versions/3:predict");
    assertReply(404, "Servable not found for request: Specific(nope, 3)", "/v1/models/nope/versions/3:predict");
    assertReply(400, "Unrecognized servable version label: beta", "/v1/models/versioned/labels/beta:predict");
    assertReply(400, "Unrecognized servable version label: stable", "/v1/models/nope/labels/stable:predict");
  }

  private static void assertReply(int status, String message, String path) {
    TfsClient.Reply reply = tfs.post(path, "{\"inputs\": [1.0]}");
    assertEquals(status, reply.status(), reply.body());
    assertEquals(message, reply.error());
  }

  private static String error(String model, String singleQuotedBody) {
    TfsClient.Reply reply = tfs.post("/v1/models/" + model + ":predict", singleQuotedBody.replace('\'', '"'));
    assertEquals(400, reply.status(), reply.body());
    return reply.error();
  }
}
