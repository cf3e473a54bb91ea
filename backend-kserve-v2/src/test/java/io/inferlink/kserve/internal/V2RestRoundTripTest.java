package io.inferlink.kserve.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.InferenceResponse;
import io.inferlink.Tensor;
import io.inferlink.testkit.KitTensors;
import java.io.IOException;
import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every datatype through the writer, an echo server and the reader, in JSON and in binary. */
class V2RestRoundTripTest {

  @ParameterizedTest
  @EnumSource(DataType.class)
  void binaryRoundTrip(DataType type) throws IOException {
    Tensor sent = KitTensors.sample(type, "x");
    InferenceRequest req = InferenceRequest.builder("m").id("r7").input(sent).build();
    V2RestEncodedRequest enc = V2RestRequestWriter.write(req, V2RestBinaryPolicy.ALWAYS);
    assertTrue(enc.binary());

    V2RestTestSupport.Answer echo = V2RestTestSupport.echo(enc);
    InferenceResponse r = V2RestResponseReader.read(echo.asHttp("application/octet-stream")).response();

    assertEquals(sent, r.output("x"));
    assertEquals("r7", r.id());
    assertEquals("echo", r.modelName());
    assertEquals("1", r.modelVersion());
  }

  @ParameterizedTest
  @EnumSource(value = DataType.class, names = {"FP16", "BF16"}, mode = EnumSource.Mode.EXCLUDE)
  void jsonRoundTrip(DataType type) throws IOException {
    Tensor sent = jsonSafe(KitTensors.sample(type, "x"));
    InferenceRequest req = InferenceRequest.builder("m").input(sent).build();
    V2RestEncodedRequest enc = V2RestRequestWriter.write(req, V2RestBinaryPolicy.NEVER);
    assertFalse(enc.binary());

    V2RestTestSupport.Answer echo = V2RestTestSupport.echo(enc);
    InferenceResponse r = V2RestResponseReader.read(echo.body(), OptionalLong.empty()).response();

    assertEquals(sent, r.output("x"));
  }

  @ParameterizedTest
  @EnumSource(DataType.class)
  void autoRoundTripOfTheFullSample(DataType type) throws IOException {
    Tensor sent = KitTensors.sample(type, "x");
    V2RestEncodedRequest enc = V2RestRequestWriter.write(
        InferenceRequest.builder("m").input(sent).build(), V2RestBinaryPolicy.AUTO);
    V2RestTestSupport.Answer echo = V2RestTestSupport.echo(enc);

    InferenceResponse r = V2RestResponseReader.read(echo.asHttp("application/json")).response();

    assertEquals(sent, r.output("x"));
  }

  @org.junit.jupiter.api.Test
  void binaryOutputsAreViewsOfTheBody() {
    byte[] blob = {7, 0, 0, 0};
    V2RestTestSupport.Answer a = V2RestTestSupport.answer("{\"model_name\":\"m\",\"outputs\":[{\"name\":\"o\","
        + "\"shape\":[1],\"datatype\":\"INT32\",\"parameters\":{\"binary_data_size\":4}}]}", blob);
    Tensor t = V2RestResponseReader.read(a.body(), OptionalLong.of(a.headerLength())).response().output("o");

    blob[0] = 9; // the tensor shows it: no copy was made
    assertEquals(9, t.toIntArray()[0]);
  }

  /** The sample without NaN and infinities, which have no JSON form. */
  private static Tensor jsonSafe(Tensor t) {
    if (t.dtype() == DataType.FP32) {
      float[] all = t.toFloatArray();
      int n = 0;
      for (float f : all) {
        if (Float.isFinite(f)) {
          all[n++] = f;
        }
      }
      return Tensor.ofFloats(t.name(), Arrays.copyOf(all, n), n);
    }
    if (t.dtype() == DataType.FP64) {
      double[] finite = Arrays.stream(t.toDoubleArray()).filter(Double::isFinite).toArray();
      return Tensor.ofDoubles(t.name(), finite, finite.length);
    }
    return t;
  }
}
