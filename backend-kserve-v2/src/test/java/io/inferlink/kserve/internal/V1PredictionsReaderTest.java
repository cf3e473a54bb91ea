package io.inferlink.kserve.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.transport.http.internal.ByteChunks;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** V1 answers: plain and object rows, the element type rules, and every answer without a tensor form. */
class V1PredictionsReaderTest {

  private static Map<String, Tensor> read(String json, DataType floatType) {
    return V1PredictionsReader.read(ByteChunks.ofBytes(json.getBytes(StandardCharsets.UTF_8)), floatType);
  }

  private static Tensor only(String json) {
    Map<String, Tensor> outputs = read(json, DataType.FP32);
    assertEquals(List.of("predictions"), List.copyOf(outputs.keySet()));
    return outputs.get("predictions");
  }

  @Test
  void plainRowsAreOneOutputNamedPredictions() {
    Tensor t = only("{\"predictions\": [[1.5, 2.0], [3.0, -4.25]]}");
    assertEquals(DataType.FP32, t.dtype());
    assertArrayEquals(new long[] {2, 2}, t.shape());
    assertArrayEquals(new float[] {1.5f, 2f, 3f, -4.25f}, t.toFloatArray());
    Tensor scalars = only("{\"model_name\": \"m\", \"predictions\": [7, 8, 9], \"extra\": {\"a\": [1]}}");
    assertEquals(DataType.INT64, scalars.dtype());
    assertArrayEquals(new long[] {3}, scalars.shape());
    assertArrayEquals(new long[] {7, 8, 9}, scalars.toLongArray());
  }

  @Test
  void objectRowsGiveOneOutputPerKeyInTheFirstRowsOrder() {
    Map<String, Tensor> out = read("{\"predictions\": [{\"label\": \"setosa\", \"scores\": [0.5, 0.25, 0.25]},"
        + " {\"scores\": [0.0, 1.0, 0.0], \"label\": \"versicolor\"}]}", DataType.FP32);
    assertEquals(List.of("label", "scores"), List.copyOf(out.keySet()));
    assertEquals(DataType.BYTES, out.get("label").dtype());
    assertArrayEquals(new long[] {2}, out.get("label").shape());
    assertEquals(List.of("setosa", "versicolor"), out.get("label").toStringList());
    assertArrayEquals(new long[] {2, 3}, out.get("scores").shape());
    assertArrayEquals(new float[] {0.5f, 0.25f, 0.25f, 0f, 1f, 0f}, out.get("scores").toFloatArray());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "[1, 2, 3]                  | INT64",
      "[1.0, 2, 3]                | FP32",
      "[1e3, 2]                   | FP32",
      "[true, false]              | BOOL",
      "[\"a\", \"b\"]             | BYTES",
      "[NaN, Infinity, -Infinity] | FP32",
      "[null, 1.5]                | FP32",
      "[]                         | FP32",
      "[[], []]                   | FP32"})
  void elementTypesComeFromTheJsonValues(String predictions, DataType expected) {
    assertEquals(expected, only("{\"predictions\": " + predictions + "}").dtype());
  }

  @Test
  void theFloatTypeIsAnOption() {
    Tensor t = read("{\"predictions\": [0.1, 1]}", DataType.FP64).get("predictions");
    assertEquals(DataType.FP64, t.dtype());
    assertArrayEquals(new double[] {0.1, 1.0}, t.toDoubleArray());
    assertEquals(DataType.INT64, read("{\"predictions\": [1, 2]}", DataType.FP64).get("predictions").dtype());
  }

  @Test
  void floatsAreReadFromTheirTextAndNonFiniteOnesSurvive() {
    float[] v = only("{\"predictions\": [0.10000000149011612, 3.4028234663852886E38, 1.401298464324817E-45, -0.0,"
        + " NaN, -Infinity, null]}").toFloatArray();
    assertEquals(0.1f, v[0]);
    assertEquals(Float.MAX_VALUE, v[1]);
    assertEquals(Float.MIN_VALUE, v[2]);
    assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(v[3]));
    assertTrue(Float.isNaN(v[4]));
    assertEquals(Float.NEGATIVE_INFINITY, v[5]);
    assertTrue(Float.isNaN(v[6]), "orjson writes NaN as null");
  }

  @Test
  void emptyListsKeepTheirDimensions() {
    assertArrayEquals(new long[] {0}, only("{\"predictions\": []}").shape());
    Tensor t = only("{\"predictions\": [[[], []], [[], []]]}");
    assertArrayEquals(new long[] {2, 2, 0}, t.shape());
    assertEquals(0, t.elementCount());
  }

  @Test
  void stringsAreUtf8BytesTensors() {
    Tensor t = only("{\"predictions\": [[\"Grüße\", \"\"], [\"\\u0000\", \"\uD83D\uDE80\"]]}");
    assertArrayEquals(new long[] {2, 2}, t.shape());
    assertEquals(List.of("Grüße", "", "\0", "\uD83D\uDE80"), t.toStringList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"predictions\": [[1, 2], [3]]}                          | ragged",
      "{\"predictions\": [[1, 2], [3, [4]]]}                     | ragged",
      "{\"predictions\": [1, [2]]}                               | ragged",
      "{\"predictions\": [[], [1]]}                              | ragged",
      "{\"predictions\": [{\"a\": [1, 2]}, {\"a\": [1]}]}        | ragged",
      "{\"predictions\": [1, \"a\"]}                             | mixes strings and numbers",
      "{\"predictions\": [true, 1]}                              | mixes booleans and numbers",
      "{\"predictions\": [{\"a\": 1}, {\"b\": 1}]}               | which row 0 lacks",
      "{\"predictions\": [{\"a\": 1, \"b\": 2}, {\"a\": 1}]}     | lacks the key(s) [b]",
      "{\"predictions\": [{\"a\": 1}, 2]}                        | rows must all be alike",
      "{\"predictions\": [1, {\"a\": 1}]}                        | rows must all be alike",
      "{\"predictions\": [[{\"a\": 1}]]}                         | holds an object inside a list",
      "{\"predictions\": [{\"a\": {\"b\": 1}}]}                  | holds an object",
      "{\"predictions\": [{\"a\": 1, \"a\": 2}]}                 | twice",
      "{\"predictions\": [18446744073709551616]}                 | outside the INT64 range",
      "{\"predictions\": {\"a\": [1]}}                           | is an object, not a list of rows",
      "{\"predictions\": 5}                                      | is a number, not a list of rows",
      "{\"outputs\": [1]}                                        | has no 'predictions'",
      "[1, 2]                                                    | not a JSON object",
      "{\"predictions\": [1, 2]                                  | not valid JSON",
      "{\"predictions\": [1, 2}                                  | not valid JSON",
      "not json                                                  | not valid JSON"})
  void answersWithoutATensorFormAreMalformed(String json, String message) {
    MalformedAnswerException e = assertThrows(MalformedAnswerException.class, () -> read(json, DataType.FP32));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void anEmptyBodyIsMalformed() {
    assertThrows(MalformedAnswerException.class,
        () -> V1PredictionsReader.read(ByteChunks.of(List.of(ByteBuffer.allocate(0))), DataType.FP32));
  }

  @Test
  void aBodyInManyChunksReadsTheSame() {
    byte[] json = "{\"predictions\": [{\"y\": [1.25, 2.5]}, {\"y\": [3.75, 5.0]}]}".getBytes(StandardCharsets.UTF_8);
    List<ByteBuffer> chunks = new ArrayList<>();
    for (int i = 0; i < json.length; i += 3) {
      chunks.add(ByteBuffer.wrap(json, i, Math.min(3, json.length - i)));
    }
    Tensor y = V1PredictionsReader.read(ByteChunks.of(chunks), DataType.FP32).get("y");
    assertArrayEquals(new float[] {1.25f, 2.5f, 3.75f, 5f}, y.toFloatArray());
  }
}
