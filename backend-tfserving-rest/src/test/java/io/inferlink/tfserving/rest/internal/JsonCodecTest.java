package io.inferlink.tfserving.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.testkit.KitModels;
import io.inferlink.testkit.KitTensors;
import io.inferlink.tfserving.rest.TfServingRestOptions.RequestFormat;
import io.inferlink.transport.http.internal.ByteChunks;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming JSON codec on its own: what it writes, what it reads back, and what it refuses. */
class JsonCodecTest {

  private static String columnar(Tensor... inputs) {
    InferenceRequest request = InferenceRequest.builder("m").inputs(inputs).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PredictRequestWriter.write(request, request.inputs().values(), RequestFormat.COLUMNAR, false, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What an echoing server answers: the request's "inputs" object as "outputs". */
  private static List<Tensor> echo(String requestJson, OutputTypes types) {
    assertTrue(requestJson.startsWith("{\"inputs\":"), requestJson);
    String response = "{\"outputs\":" + requestJson.substring("{\"inputs\":".length());
    return PredictResponseReader.read(ByteChunks.ofBytes(response.getBytes(StandardCharsets.UTF_8)), types);
  }

  private static List<Tensor> read(String json, OutputTypes types) {
    return PredictResponseReader.read(ByteChunks.ofBytes(json.getBytes(StandardCharsets.UTF_8)), types);
  }

  private static OutputTypes typed(Tensor... tensors) {
    List<TensorSpec> specs = new ArrayList<>();
    for (Tensor t : tensors) {
      specs.add(new TensorSpec(t.name(), t.dtype(), t.shape()));
    }
    return OutputTypes.of(specs);
  }

  @ParameterizedTest
  @EnumSource(value = DataType.class, names = {"FP16", "BF16", "UINT16"}, mode = EnumSource.Mode.EXCLUDE)
  void everyJsonTypeRoundTripsByteForByteWhenTheSignatureIsKnown(DataType dtype) {
    Tensor t = KitTensors.sample(dtype, KitModels.identityTensorName(dtype));
    Tensor other = Tensor.ofInts("other", new int[] {7}, 1); // two outputs: the named form
    List<Tensor> back = echo(columnar(t, other), typed(t, other));
    assertEquals(t, back.get(0));
    assertEquals(other, back.get(1));
  }

  @Test
  void integersNeverGetAFractionAndUnsignedValuesStayUnsigned() {
    String json = columnar(Tensor.ofLongs("a", new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}, 3),
        Tensor.ofUint64("b", new long[] {-1L}, 1), Tensor.ofUint32("c", new int[] {-1}, 1),
        Tensor.ofUint8("d", new byte[] {(byte) 0xff}, 1));
    assertEquals("{\"inputs\":{\"a\":[-9223372036854775808,0,9223372036854775807],\"b\":[18446744073709551615],"
        + "\"c\":[4294967295],\"d\":[255]}}", json);
  }

  @Test
  void nonFiniteFloatsAreWrittenBareAndReadBack() {
    Tensor t = Tensor.ofFloats("f", new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f}, 4);
    String json = columnar(t);
    assertEquals("{\"inputs\":{\"f\":[NaN,Infinity,-Infinity,-0.0]}}", json);
    assertEquals(t, echo(json, typed(t)).get(0).withName("f"));
    // TF Serving's parser also takes Inf; ours reads what its writer sends.
    assertArrayEquals(new double[] {Double.NaN, Double.NEGATIVE_INFINITY},
        read("{\"outputs\": [NaN, -Infinity]}", OutputTypes.of(List.of(new TensorSpec("y", DataType.FP64, new long[] {-1}))))
            .get(0).toDoubleArray());
  }

  @Test
  void randomFloatsAndDoublesRoundTripExactly() {
    Random random = new Random(42);
    float[] f = new float[20_000];
    double[] d = new double[20_000];
    for (int i = 0; i < f.length; i++) {
      do {
        f[i] = Float.intBitsToFloat(random.nextInt());
      } while (Float.isNaN(f[i]));
      do {
        d[i] = Double.longBitsToDouble(random.nextLong());
      } while (Double.isNaN(d[i]));
    }
    Tensor tf = Tensor.ofFloats("f", f, f.length);
    Tensor td = Tensor.ofDoubles("d", d, d.length);
    List<Tensor> back = echo(columnar(tf, td), typed(tf, td));
    assertEquals(tf, back.get(0));
    assertEquals(td, back.get(1));
  }

  @Test
  void bytesThatAreNotUtf8TravelAsB64AndOutputsEndingInBytesAreRead() {
    Tensor t = Tensor.ofBytes("img", new byte[][] {{(byte) 0xff, 0, (byte) 0xd8}, "text ✓".getBytes(StandardCharsets.UTF_8)}, 2);
    String json = columnar(t);
    assertEquals("{\"inputs\":{\"img\":[{\"b64\":\"/wDY\"},\"text ✓\"]}}", json);
    assertEquals(t, echo(json, OutputTypes.UNKNOWN).get(0).withName("img"));
    List<Tensor> b64 = read("{\"outputs\": {\"x_bytes\": [{\"b64\": \"AAE=\"}], \"y\": [1]}}", OutputTypes.UNKNOWN);
    assertArrayEquals(new byte[] {0, 1}, b64.get(0).toBytesList().get(0));
  }

  @Test
  void withoutASignatureTypesAreInferredByTheDocumentedRule() {
    List<Tensor> out = read("{\"outputs\": {\"i\": [1, -2], \"f\": [1, 2.5], \"n\": [NaN], \"b\": [true, false],"
        + " \"s\": [\"x\", {\"b64\": \"AA==\"}], \"u\": [18446744073709551615], \"e\": []}}", OutputTypes.UNKNOWN);
    assertEquals(List.of(DataType.INT64, DataType.FP32, DataType.FP32, DataType.BOOL, DataType.BYTES, DataType.UINT64,
        DataType.FP32), out.stream().map(Tensor::dtype).toList());
    assertArrayEquals(new long[] {0}, out.get(6).shape());
    assertEquals(-1L, out.get(5).getLong(0));
  }

  @Test
  void anUnnamedSingleOutputTakesTheSignaturesOutputName() {
    Tensor scalar = read("{\"outputs\": 3.5}", OutputTypes.of(List.of(new TensorSpec("y", DataType.FP32, new long[0])))).get(0);
    assertEquals("y", scalar.name());
    assertArrayEquals(new long[0], scalar.shape());
    assertEquals("outputs", read("{\"outputs\": [1]}", OutputTypes.UNKNOWN).get(0).name());
    Tensor b64Scalar = read("{\"outputs\": {\"b64\": \"AAE=\"}}", OutputTypes.UNKNOWN).get(0);
    assertEquals(DataType.BYTES, b64Scalar.dtype());
    assertArrayEquals(new long[0], b64Scalar.shape());
  }

  @Test
  void rowAnswersStackRowsAndSplitNamedOutputs() {
    List<Tensor> out = read("{\"predictions\": [{\"a\": [1, 2], \"b\": \"x\"}, {\"a\": [3, 4], \"b\": \"y\"}]}", OutputTypes.UNKNOWN);
    assertArrayEquals(new long[] {2, 2}, out.get(0).shape());
    assertArrayEquals(new long[] {1, 2, 3, 4}, out.get(0).toLongArray());
    assertEquals(List.of("x", "y"), out.get(1).toStringList());
    assertArrayEquals(new long[] {2}, out.get(1).shape());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "[1]", "{\"outputs\": [1, 2", "{\"outputs\": [[1, 2], [3]]}", "{\"outputs\": [1, [2]]}",
      "{\"outputs\": [1, true]}", "{\"nothing\": 1}", "{\"outputs\": {\"a\": {\"c\": 1}}}", "{\"outputs\": [1]} trailing",
      "{\"predictions\": 5}", "{\"predictions\": [{\"a\": [1]}, {\"a\": [1, 2]}]}", "{\"outputs\": [\"x\", 1]}",
      "{\"outputs\": [{\"b64\": \"***\"}]}"})
  void malformedAnswersAreReportedNeverAsParserExceptions(String body) {
    MalformedAnswerException e = assertThrows(MalformedAnswerException.class, () -> read(body, OutputTypes.UNKNOWN));
    assertFalse(e.getMessage().isBlank());
  }

  @Test
  void valuesThatDoNotFitTheSignatureTypeAreMalformed() {
    OutputTypes int32 = OutputTypes.of(List.of(new TensorSpec("y", DataType.INT32, new long[] {-1})));
    assertThrows(MalformedAnswerException.class, () -> read("{\"outputs\": [2147483648]}", int32));
    assertThrows(MalformedAnswerException.class, () -> read("{\"outputs\": [1.5]}", int32));
    assertThrows(MalformedAnswerException.class, () -> read("{\"outputs\": [\"1\"]}", int32));
    OutputTypes u64 = OutputTypes.of(List.of(new TensorSpec("y", DataType.UINT64, new long[] {-1})));
    assertThrows(MalformedAnswerException.class, () -> read("{\"outputs\": [-1]}", u64));
  }
}
