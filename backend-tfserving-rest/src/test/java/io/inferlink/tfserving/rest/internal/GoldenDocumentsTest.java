package io.inferlink.tfserving.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.InferenceException;
import io.inferlink.InferenceRequest;
import io.inferlink.ModelMetadata;
import io.inferlink.ModelNotFoundException;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.tfserving.Classification;
import io.inferlink.tfserving.Example;
import io.inferlink.tfserving.ExampleInput;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.tfserving.internal.StatusReader;
import io.inferlink.tfserving.rest.TfServingRestOptions.RequestFormat;
import io.inferlink.transport.http.internal.ByteChunks;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our encoder and decoder against the request and response examples of TF Serving's REST API page
 * and the documents of PROTOCOLS.md §1 (status, metadata with the doubled {@code signature_def},
 * classify/regress results, errors). The expected JSON texts are the examples as published (whitespace
 * aside; one typo in the page's row example, an extra {@code ]}, is corrected).
 */
class GoldenDocumentsTest {

  private static byte[] predictBody(RequestFormat format, Tensor... inputs) {
    InferenceRequest request = InferenceRequest.builder("m").inputs(inputs).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PredictRequestWriter.write(request, request.inputs().values(), format, true, out);
    return out.toByteArray();
  }

  private static ByteChunks chunks(String json) {
    return ByteChunks.ofBytes(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rowRequestOfTheHalfPlusThreeExample() {
    JsonTokens.assertSameTokens("{\"instances\": [1.0,2.0,5.0]}",
        predictBody(RequestFormat.ROW, Tensor.ofFloats("x", new float[] {1, 2, 5}, 3)));
  }

  @Test
  void rowRequestWithThreeNamedInputs() {
    JsonTokens.assertSameTokens("{\n \"instances\": [\n   {\n     \"tag\": \"foo\",\n     \"signal\": [1, 2, 3, 4, 5],\n"
        + "     \"sensor\": [[1, 2], [3, 4]]\n   },\n   {\n     \"tag\": \"bar\",\n     \"signal\": [3, 4, 1, 2, 5],\n"
        + "     \"sensor\": [[4, 5], [6, 8]]\n   }\n ]\n}",
        predictBody(RequestFormat.ROW, threeInputs()));
  }

  @Test
  void columnarRequestWithThreeNamedInputs() {
    JsonTokens.assertSameTokens("{\n \"inputs\": {\n   \"tag\": [\"foo\", \"bar\"],\n"
        + "   \"signal\": [[1, 2, 3, 4, 5], [3, 4, 1, 2, 5]],\n   \"sensor\": [[[1, 2], [3, 4]], [[4, 5], [6, 8]]]\n }\n}",
        predictBody(RequestFormat.COLUMNAR, threeInputs()));
  }

  private static Tensor[] threeInputs() {
    return new Tensor[] {
      Tensor.ofStrings("tag", new String[] {"foo", "bar"}, 2),
      Tensor.ofInts("signal", new int[] {1, 2, 3, 4, 5, 3, 4, 1, 2, 5}, 2, 5),
      Tensor.ofInts("sensor", new int[] {1, 2, 3, 4, 4, 5, 6, 8}, 2, 2, 2)};
  }

  @Test
  void rowResponseOfTheHalfPlusThreeExample() {
    List<Tensor> out = PredictResponseReader.read(chunks("{\n    \"predictions\": [3.5, 4.0, 5.5]\n}"),
        OutputTypes.of(List.of(new TensorSpec("y", DataType.FP32, new long[] {-1}))));
    assertEquals(1, out.size());
    assertEquals("y", out.get(0).name());
    assertEquals(DataType.FP32, out.get(0).dtype());
    assertArrayEquals(new long[] {3}, out.get(0).shape());
    assertArrayEquals(new float[] {3.5f, 4.0f, 5.5f}, out.get(0).toFloatArray());
  }

  @Test
  void regressRequestAndResponseOfTheExample() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    ExamplesJson.request("tensorflow/serving/regress",
        ExampleInput.of(Example.builder().floats("x", 1.0f).build(), Example.builder().floats("x", 2.0f).build()), body);
    JsonTokens.assertSameTokens(
        "{\"signature_name\": \"tensorflow/serving/regress\", \"examples\": [{\"x\": 1.0}, {\"x\": 2.0}]}", body.toByteArray());
    assertEquals(List.of(3.5f, 4.0f), ExamplesJson.regressions(chunks("{\n    \"results\": [3.5, 4.0]\n}")));
  }

  @Test
  void classifyRequestWithBinaryImagesOfTheExample() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    ExamplesJson.request("classify_objects", ExampleInput.of(
        Example.builder().bytes("image", "image bytes".getBytes(StandardCharsets.UTF_8)).strings("caption", "seaside").build(),
        Example.builder().bytes("image", "awesome image bytes".getBytes(StandardCharsets.UTF_8)).strings("caption", "mountains").build()),
        body);
    JsonTokens.assertSameTokens("{\n  \"signature_name\": \"classify_objects\",\n  \"examples\": [\n    {\n"
        + "      \"image\": { \"b64\": \"aW1hZ2UgYnl0ZXM=\" },\n      \"caption\": \"seaside\"\n    },\n    {\n"
        + "      \"image\": { \"b64\": \"YXdlc29tZSBpbWFnZSBieXRlcw==\" },\n      \"caption\": \"mountains\"\n    }\n  ]\n}",
        body.toByteArray());
  }

  @Test
  void classifyResponsesUnderResultsAndUnderResult() {
    // "results" is what servers send (the handler test's document); "result" is what the API page shows.
    assertEquals(List.of(List.of(new Classification("", 7f))), ExamplesJson.classifications(chunks("{ \"results\": [[[\"\", 7]]] }")));
    assertEquals(List.of(List.of(new Classification("cat", 0.75f), new Classification("dog", 0.25f))),
        ExamplesJson.classifications(chunks("{\"result\": [[[\"cat\", 0.75], [\"dog\", 0.25]]]}")));
  }

  @Test
  void statusDocumentOfTheExample() {
    List<ModelVersionStatus> status = StatusReader.read(TfDocs.parse(chunks("{\n \"model_version_status\": [\n  {\n   \"version\": \"123\",\n"
        + "   \"state\": \"AVAILABLE\",\n   \"status\": {\n    \"error_code\": \"OK\",\n    \"error_message\": \"\"\n   }\n  }\n ]\n}"), "model status"));
    assertEquals(List.of(new ModelVersionStatus(123, ModelVersionStatus.State.AVAILABLE, "OK", "")), status);
  }

  @Test
  void metadataDocumentWithTheDoubledSignatureDef() {
    String doc = "{ \"model_spec\": { \"name\": \"m\", \"signature_name\": \"\", \"version\": \"123\" },\n"
        + "  \"metadata\": { \"signature_def\": { \"signature_def\": {\n      \"serving_default\": {\n"
        + "        \"inputs\":  { \"x\": { \"dtype\": \"DT_FLOAT\", \"tensor_shape\": { \"dim\": [ {\"size\": \"-1\", \"name\": \"\"},"
        + " {\"size\": \"1\", \"name\": \"\"} ], \"unknown_rank\": false }, \"name\": \"x:0\" } },\n"
        + "        \"outputs\": { \"y\": { \"dtype\": \"DT_FLOAT\", \"tensor_shape\": { \"dim\": [ {\"size\": \"-1\", \"name\": \"\"},"
        + " {\"size\": \"1\", \"name\": \"\"} ], \"unknown_rank\": false }, \"name\": \"y:0\" } },\n"
        + "        \"method_name\": \"tensorflow/serving/predict\",\n        \"defaults\": {} } } } } }";
    ModelMetadata md = SignatureReader.metadata(SignatureReader.parse(chunks(doc), "m"), null);
    assertEquals("m", md.name());
    assertEquals(List.of("123"), md.versions());
    assertEquals(List.of(new TensorSpec("x", DataType.FP32, new long[] {-1, 1})), md.inputs());
    assertEquals(List.of(new TensorSpec("y", DataType.FP32, new long[] {-1, 1})), md.outputs());
  }

  @Test
  void metadataDocumentInOvmsSpelling() {
    String doc = "{\"modelSpec\": {\"name\": \"resnet\", \"signatureName\": \"\", \"version\": \"1\"}, \"metadata\": {\"signature_def\":"
        + " {\"@type\": \"type.googleapis.com/tensorflow.serving.SignatureDefMap\", \"signatureDef\": {\"serving_default\":"
        + " {\"inputs\": {\"x\": {\"name\": \"x\", \"dtype\": \"DT_FLOAT\", \"tensorShape\": {\"dim\": [{\"size\": \"1\"},"
        + " {\"size\": \"3\"}]}}}, \"outputs\": {\"probs\": {\"name\": \"probs\", \"dtype\": \"DT_HALF\", \"tensorShape\":"
        + " {\"dim\": [{\"size\": \"1\"}, {\"size\": \"1000\"}]}}}, \"methodName\": \"tensorflow/serving/predict\"}}}}}";
    ModelMetadata md = SignatureReader.metadata(SignatureReader.parse(chunks(doc), "resnet"), null);
    assertEquals("resnet", md.name());
    assertEquals(List.of(new TensorSpec("x", DataType.FP32, new long[] {1, 3})), md.inputs());
    assertEquals(List.of(new TensorSpec("probs", DataType.FP16, new long[] {1, 1000})), md.outputs());
  }

  @Test
  void errorBodyOfTheExampleIsModelNotFoundWithTheServerMessage() throws Exception {
    InferenceException e = TfRestErrors.toException(
        TestHttpResults.of(404, "{ \"error\": \"Servable not found for request: Latest(half)\" }"), "tfserving-rest");
    assertInstanceOf(ModelNotFoundException.class, e);
    assertEquals("Servable not found for request: Latest(half)", e.serverMessage());
    assertEquals(404, e.httpStatus());
  }

  @Test
  void unknownLabelIs400ButMeansModelNotFound() {
    InferenceException e = TfRestErrors.toException(
        TestHttpResults.of(400, "{ \"error\": \"Unrecognized servable version label: beta\" }"), "tfserving-rest");
    assertInstanceOf(ModelNotFoundException.class, e);
    assertTrue(e.getMessage().contains("Unrecognized servable version label: beta"), e.getMessage());
  }
}
