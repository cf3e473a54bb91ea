package io.inferlink.kserve.golden;

import static io.inferlink.kserve.golden.GoldenJson.assertSameJson;
import static io.inferlink.kserve.golden.GoldenJson.cat;
import static io.inferlink.kserve.golden.GoldenJson.fp32;
import static io.inferlink.kserve.golden.GoldenJson.le32;
import static io.inferlink.kserve.golden.GoldenJson.tree;
import static io.inferlink.kserve.golden.GoldenJson.utf8;
import static io.inferlink.kserve.golden.GoldenJson.without;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import io.inferlink.kserve.internal.V2RestGolden;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The examples of Triton's binary tensor data extension, byte for byte: triton-inference-server/server
 * {@code docs/protocol/extension_binary_data.md}, sections "Examples" (one request with two binary inputs
 * and a binary output, and its response) and "Raw Binary Request" / its "Examples" (the response with two
 * binary outputs). The document shows the tensor bytes only as {@code <16 bytes of data for input0
 * tensor>}; the values here are ours, the sizes, order and framing are the document's.
 */
class TritonBinaryDataGoldenTest {
  // Section "Examples", the request's JSON object. Its "model_name" is not part of $inference_request in
  // required_api.md; the model travels in the path, so our writer leaves it out (see the test).
  private static final String REQUEST_JSON = """
      {
        "model_name" : "mymodel",
        "inputs" : [
          { "name" : "input0", "shape" : [ 2, 2 ], "datatype" : "UINT32", "parameters" : { "binary_data_size" : 16 } },
          { "name" : "input1", "shape" : [ 3 ], "datatype" : "BOOL", "parameters" : { "binary_data_size" : 3 } }
        ],
        "outputs" : [ { "name" : "output0", "parameters" : { "binary_data" : true } } ]
      }""";

  // Section "Examples", the response's JSON object (FP32 [3, 2], 24 bytes).
  private static final String RESPONSE_JSON = """
      {
        "outputs" : [
          { "name" : "output0", "shape" : [ 3, 2 ], "datatype" : "FP32", "parameters" : { "binary_data_size" : 24 } }
        ]
      }""";

  // Section "Raw Binary Request", its example response: two FP32 [3, 1] outputs of 12 bytes each.
  private static final String RAW_RESPONSE_JSON = """
      {
        "outputs" : [
          { "name" : "output0", "shape" : [ 3, 1 ], "datatype" : "FP32", "parameters" : { "binary_data_size" : 12 } },
          { "name" : "output1", "shape" : [ 3, 1 ], "datatype" : "FP32", "parameters" : { "binary_data_size" : 12 } }
        ]
      }""";

  static InferenceRequest documentedRequest() {
    return InferenceRequest.builder("mymodel")
        .inputs(Tensor.ofUint32("input0", new int[] {1, 2, 3, 4}, 2, 2),
            Tensor.ofBooleans("input1", new boolean[] {true, false, true}, 3))
        .requestOutputs("output0")
        .build();
  }

  @Test
  void requestHeaderIsTheDocumentsJsonObject() {
    V2RestGolden.Encoded e = V2RestGolden.encode(documentedRequest(), "always");

    assertSameJson(without(tree(REQUEST_JSON), "model_name"), tree(e.body(), e.headerLength()));
    assertEquals("application/octet-stream", e.contentType());
  }

  @Test
  void requestBodyIsTheHeaderThenSixteenThenThreeBytes() {
    V2RestGolden.Encoded e = V2RestGolden.encode(documentedRequest(), "always");
    byte[] body = e.body();
    int h = (int) e.headerLength();

    // Inference-Header-Content-Length: <xx>, the JSON object's own length; Content-Length: <xx+19>.
    assertEquals(OptionalLong.of(h), e.inferenceHeaderContentLength());
    assertEquals(h + 19, body.length);
    assertEquals('{', body[0]);
    assertEquals('}', body[h - 1]);
    // input0 first (UINT32 [2, 2]: 16 bytes, little-endian), then input1 (BOOL [3]: one byte 1/0 each).
    assertArrayEquals(le32(1, 2, 3, 4), Arrays.copyOfRange(body, h, h + 16));
    assertArrayEquals(new byte[] {1, 0, 1}, Arrays.copyOfRange(body, h + 16, h + 19));
  }

  @Test
  void responseWithOneBinaryOutputDecodes() {
    byte[] json = utf8(RESPONSE_JSON);
    byte[] body = cat(json, fp32(1.0f, 1.1f, 2.0f, 2.1f, 3.0f, 3.1f));
    assertEquals(json.length + 24, body.length);

    V2RestGolden.Decoded d = V2RestGolden.decode(body, OptionalLong.of(json.length));
    InferenceResponse r = d.response();

    assertNull(r.modelName()); // the example has no model_name
    assertNull(r.id());
    assertEquals(List.of("output0"), List.copyOf(r.outputs().keySet()));
    Tensor out = r.output("output0");
    assertEquals(DataType.FP32, out.dtype());
    assertArrayEquals(new long[] {3, 2}, out.shape());
    assertArrayEquals(new float[] {1.0f, 1.1f, 2.0f, 2.1f, 3.0f, 3.1f}, out.toFloatArray());
    assertEquals(Map.of(), d.outputParameters()); // binary_data_size is framing, not a parameter
  }

  @Test
  void responseWithTwoBinaryOutputsTakesTheBlobsInJsonOrder() {
    byte[] json = utf8(RAW_RESPONSE_JSON);
    byte[] body = cat(json, fp32(1f, 2f, 3f), fp32(-1f, -2f, -3f));
    assertEquals(json.length + 24, body.length);

    InferenceResponse r = V2RestGolden.decode(body, OptionalLong.of(json.length)).response();

    assertEquals(List.of("output0", "output1"), List.copyOf(r.outputs().keySet()));
    for (String name : List.of("output0", "output1")) {
      assertEquals(DataType.FP32, r.output(name).dtype());
      assertArrayEquals(new long[] {3, 1}, r.output(name).shape());
      assertEquals(12, r.output(name).byteSize());
    }
    assertArrayEquals(new float[] {1f, 2f, 3f}, r.output("output0").toFloatArray());
    assertArrayEquals(new float[] {-1f, -2f, -3f}, r.output("output1").toFloatArray());
  }

  @Test
  void theDocumentsBinaryDataOutputParameterAsksForEveryOutputBinary() {
    // Section "Binary Tensor Data Extension": "binary_data_output" on the request asks for all outputs
    // binary. Our writer sets it (and no per-output parameter) when no output is named.
    InferenceRequest all = InferenceRequest.builder("mymodel")
        .inputs(Tensor.ofUint32("input0", new int[] {1, 2, 3, 4}, 2, 2)).build();
    V2RestGolden.Encoded e = V2RestGolden.encode(all, "always");
    assertSameJson(tree("""
        { "parameters" : { "binary_data_output" : true },
          "inputs" : [ { "name" : "input0", "shape" : [ 2, 2 ], "datatype" : "UINT32",
                         "parameters" : { "binary_data_size" : 16 } } ] }"""), tree(e.body(), e.headerLength()));
    assertTrue(e.body().length == e.headerLength() + 16);
  }
}
