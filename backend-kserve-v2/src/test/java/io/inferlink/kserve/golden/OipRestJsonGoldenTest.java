package io.inferlink.kserve.golden;

import static io.inferlink.kserve.golden.GoldenJson.assertSameJson;
import static io.inferlink.kserve.golden.GoldenJson.tree;
import static io.inferlink.kserve.golden.GoldenJson.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.ModelMetadata;
import io.inferlink.ServerMetadata;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.kserve.internal.V2RestGolden;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The Open Inference Protocol's JSON examples: kserve/kserve {@code docs/predict-api/v2/required_api.md},
 * section "HTTP/REST" → "Inference" → "Inference Request Examples" (request and response), section
 * "Tensor Data" (nested and flat {@code data}), and the schemas of "Server Metadata Response JSON
 * Object", "Model Metadata Response JSON Object" and the error objects, which the document gives as
 * schemas only: for those the shapes are the document's and the values ours.
 */
class OipRestJsonGoldenTest {
  // "Inference Request Examples": the request body, as printed.
  private static final String REQUEST_JSON = """
      {
        "id" : "42",
        "inputs" : [
          { "name" : "input0", "shape" : [ 2, 2 ], "datatype" : "UINT32", "data" : [ 1, 2, 3, 4 ] },
          { "name" : "input1", "shape" : [ 3 ], "datatype" : "BOOL", "data" : [ true ] }
        ],
        "outputs" : [ { "name" : "output0" } ]
      }""";

  // "Inference Request Examples": the response body, as printed: there is no comma after "42".
  private static final String RESPONSE_AS_PRINTED = """
      {
        "id" : "42"
        "outputs" : [
          { "name" : "output0", "shape" : [ 3, 2 ], "datatype" : "FP32", "data" : [ 1.0, 1.1, 2.0, 2.1, 3.0, 3.1 ] }
        ]
      }""";

  // The same response with the missing comma put back; nothing else changed.
  private static final String RESPONSE_FIXED = RESPONSE_AS_PRINTED.replace("\"42\"\n", "\"42\",\n");

  @Test
  void theDocumentsBoolInputHasOneValueForShapeThree() {
    // Disagreement in the document itself: input1 has shape [3] but one value. A Tensor cannot be built
    // so, and no server accepts it; the encoding test below sends three values.
    JsonNode input1 = tree(REQUEST_JSON).get("inputs").get(1);
    assertEquals(3, input1.get("shape").get(0).asInt());
    assertEquals(1, input1.get("data").size());
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.ofBooleans("input1", new boolean[] {true}, 3));
  }

  @Test
  void jsonRequestIsTheDocumentsExample() {
    InferenceRequest request = InferenceRequest.builder("mymodel").id("42")
        .inputs(Tensor.ofUint32("input0", new int[] {1, 2, 3, 4}, 2, 2),
            Tensor.ofBooleans("input1", new boolean[] {true, true, true}, 3))
        .requestOutputs("output0").build();

    V2RestGolden.Encoded e = V2RestGolden.encode(request, "never");

    JsonNode expected = tree(REQUEST_JSON);
    ((ArrayNode) expected.get("inputs").get(1).get("data")).add(true).add(true); // see the test above
    JsonNode actual = tree(e.body(), e.headerLength());
    // Our writer says "binary_data": false on each requested output; the binary extension defines false
    // as the same as "not given" (extension_binary_data.md), which is what the example has.
    ObjectNode out0 = (ObjectNode) actual.get("outputs").get(0);
    assertEquals(tree("{\"binary_data\": false}"), out0.remove("parameters"));
    assertSameJson(expected, actual);
    assertEquals("application/json", e.contentType());
    assertEquals(OptionalLong.empty(), e.inferenceHeaderContentLength());
    assertEquals(e.headerLength(), e.body().length);
  }

  @Test
  void theResponseAsPrintedIsNotJsonAndIsRefused() {
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> V2RestGolden.decode(utf8(RESPONSE_AS_PRINTED), OptionalLong.empty()));
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void jsonResponseDecodes() {
    InferenceResponse r = V2RestGolden.decode(utf8(RESPONSE_FIXED), OptionalLong.empty()).response();

    assertEquals("42", r.id());
    assertNull(r.modelName()); // the example omits model_name although the schema requires it
    assertNull(r.modelVersion());
    assertEquals(List.of("output0"), List.copyOf(r.outputs().keySet()));
    Tensor out = r.output("output0");
    assertEquals(DataType.FP32, out.dtype());
    assertArrayEquals(new long[] {3, 2}, out.shape());
    assertArrayEquals(new float[] {1.0f, 1.1f, 2.0f, 2.1f, 3.0f, 3.1f}, out.toFloatArray());
  }

  @Test
  void nestedAndFlatDataAreTheSameTensor() {
    // "Tensor Data": [ [ 1, 2 ], [ 4, 5 ] ] and [ 1, 2, 4, 5 ] are one 2x2 matrix.
    String nested = "{\"model_name\":\"m\",\"outputs\":[{\"name\":\"o\",\"shape\":[2,2],\"datatype\":\"INT32\","
        + "\"data\":[[1,2],[4,5]]}]}";
    String flat = nested.replace("[[1,2],[4,5]]", "[1,2,4,5]");
    for (String doc : List.of(nested, flat)) {
      Tensor o = V2RestGolden.decode(utf8(doc), OptionalLong.empty()).response().output("o");
      assertArrayEquals(new long[] {2, 2}, o.shape());
      assertArrayEquals(new int[] {1, 2, 4, 5}, o.toIntArray());
    }
  }

  @Test
  void serverMetadataObject() {
    // $metadata_server_response = { "name" : $string, "version" : $string, "extensions" : [ $string, ... ] }
    ServerMetadata s = V2RestGolden.serverMetadata(utf8("""
        { "name" : "triton", "version" : "2.50.0", "extensions" : [ "binary_tensor_data", "model_repository" ] }"""));
    assertEquals("triton", s.name());
    assertEquals("2.50.0", s.version());
    assertEquals(List.of("binary_tensor_data", "model_repository"), s.extensions());
  }

  @Test
  void modelMetadataObject() {
    // $metadata_model_response with $metadata_tensor entries; -1 marks a variable-size dimension, and
    // "versions" are strings. "onnx_onnxv1" is from the document's "Platforms" list.
    ModelMetadata m = V2RestGolden.modelMetadata(utf8("""
        {
          "name" : "mymodel",
          "versions" : [ "1", "2" ],
          "platform" : "onnx_onnxv1",
          "inputs" : [ { "name" : "input0", "datatype" : "UINT32", "shape" : [ -1, 2 ] } ],
          "outputs" : [ { "name" : "output0", "datatype" : "FP32", "shape" : [ 3, 2 ] } ]
        }"""));
    assertEquals("mymodel", m.name());
    assertEquals(List.of("1", "2"), m.versions());
    assertEquals("onnx_onnxv1", m.platform());
    assertEquals(List.of(new TensorSpec("input0", DataType.UINT32, new long[] {-1, 2})), m.inputs());
    assertEquals(List.of(new TensorSpec("output0", DataType.FP32, new long[] {3, 2})), m.outputs());
  }

  @Test
  void modelMetadataWithoutTheOptionalVersions() {
    // "versions" is #optional for servers or models without versions.
    ModelMetadata m = V2RestGolden.modelMetadata(utf8("""
        { "name" : "mymodel", "platform" : "tensorflow_savedmodel", "inputs" : [], "outputs" : [] }"""));
    assertEquals(List.of(), m.versions());
    assertEquals("tensorflow_savedmodel", m.platform());
  }
}
