package io.inferlink.tfserving.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.tfserving.ModelVersionStatus;
import io.inferlink.tfserving.internal.StatusReader;
import io.inferlink.transport.http.internal.ByteChunks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TF Serving REST documents read optional members alike whether missing or {@code null} (proto3 JSON
 * writers spell unset fields either way); required members that are {@code null} are missing.
 */
class TfOptionalMembersTest {

  private static ByteChunks body(String json) {
    return ByteChunks.ofBytes(json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Tensor> predict(String json) {
    return PredictResponseReader.read(body(json), OutputTypes.UNKNOWN);
  }

  @Test
  void aNullPredictFormIsAnAbsentOne() {
    assertArrayEquals(new long[] {1, 2}, predict("{\"outputs\":null,\"predictions\":[1,2]}").get(0).toLongArray());
    assertArrayEquals(new long[] {3}, predict("{\"predictions\":null,\"outputs\":[3],\"model_spec\":null}").get(0).toLongArray());
    MalformedAnswerException e = assertThrows(MalformedAnswerException.class, () -> predict("{\"outputs\":null}"));
    assertTrue(e.getMessage().contains("neither"), e.getMessage());
  }

  @Test
  void metadataWithNullMembersIsRead() {
    String doc = "{\"model_spec\":{\"name\":\"m\",\"version\":null,\"signature_name\":null},\"metadata\":{\"signature_def\":"
        + "{\"signature_def\":{\"serving_default\":{\"inputs\":{\"x\":{\"dtype\":\"DT_FLOAT\",\"tensor_shape\":{\"dim\":"
        + "[{\"size\":null,\"name\":null},{\"size\":\"4\"}],\"unknown_rank\":null},\"name\":null},\"gone\":null},"
        + "\"outputs\":null,\"method_name\":null},\"unused\":null}}}}";
    ModelMetadata md = SignatureReader.metadata(SignatureReader.parse(body(doc), "m"), null);
    assertEquals(new ModelMetadata("m", List.of(), "tensorflow", List.of(new TensorSpec("x", DataType.FP32,
        new long[] {-1, 4})), List.of()), md);
  }

  @Test
  void aNullSignatureIsAnAbsentOne() {
    String doc = "{\"model_spec\":null,\"metadata\":{\"signature_def\":{\"signature_def\":{\"serving_default\":null,"
        + "\"only\":{\"inputs\":{\"x\":{\"dtype\":\"DT_INT64\",\"tensor_shape\":null}}}}}}}";
    ModelMetadata md = SignatureReader.metadata(SignatureReader.parse(body(doc), "asked"), null);
    assertEquals(List.of(new TensorSpec("x", DataType.INT64, new long[0])), md.inputs(), "the only signature left");
    assertEquals("asked", md.name());
  }

  @Test
  void requiredMetadataMembersThatAreNullAreMissing() {
    for (String doc : List.of("{\"metadata\":null}", "{\"metadata\":{\"signature_def\":null}}",
        "{\"metadata\":{\"signature_def\":{\"signature_def\":null}}}")) {
      assertThrows(MalformedAnswerException.class, () -> SignatureReader.parse(body(doc), "m"), doc);
    }
  }

  @Test
  void statusWithNullMembersIsRead() {
    List<ModelVersionStatus> status = StatusReader.read(TfDocs.parse(body("{\"model_version_status\":[{\"version\":\"2\",\"state\":"
        + "\"AVAILABLE\",\"status\":{\"error_code\":null,\"error_message\":null}},{\"version\":\"1\",\"state\":null,"
        + "\"status\":null}]}"), "model status"));
    assertEquals(List.of(new ModelVersionStatus(2, ModelVersionStatus.State.AVAILABLE, "OK", ""),
        new ModelVersionStatus(1, ModelVersionStatus.State.UNKNOWN, "OK", "")), status);
    assertThrows(MalformedAnswerException.class, () -> StatusReader.read(TfDocs.parse(body("{\"model_version_status\":null}"), "model status")));
  }

  @Test
  void classifyResultsBesideANullSpecAreRead() {
    assertEquals(1, ExamplesJson.classifications(body("{\"model_spec\":null,\"result\":null,\"results\":"
        + "[[[\"a\",0.5]]]}")).size());
  }
}
