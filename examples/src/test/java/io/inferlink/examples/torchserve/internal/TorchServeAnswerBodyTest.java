package io.inferlink.examples.torchserve.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.spi.support.MalformedAnswerException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answer side of the convention: the torch.tensor() typing rules and the shape checks. */
class TorchServeAnswerBodyTest {

  private static Map<String, Tensor> read(String json) {
    return TorchServeJson.read(json.getBytes(StandardCharsets.UTF_8));
  }

  private static Tensor only(String json) {
    Map<String, Tensor> outputs = read(json);
    assertEquals(1, outputs.size(), outputs.toString());
    return outputs.values().iterator().next();
  }

  @Test
  void integersOnlyAreInt64() {
    Tensor t = only("{\"y\": [[1, -2], [3, 9223372036854775807]]}");
    assertEquals(DataType.INT64, t.dtype());
    assertArrayEquals(new long[] {2, 2}, t.shape());
    assertArrayEquals(new long[] {1, -2, 3, Long.MAX_VALUE}, t.toLongArray());
  }

  @Test
  void oneFloatMakesEveryNumberFp32AsTorchDoes() {
    Tensor t = only("{\"y\": [1, 2, 2.5, 4]}");
    assertEquals(DataType.FP32, t.dtype());
    assertArrayEquals(new float[] {1f, 2f, 2.5f, 4f}, t.toFloatArray());
  }

  @Test
  void floatsAreReadFromTheirTextExactlyIncludingNegativeZeroNanAndInfinities() {
    Tensor t = only("{\"y\": [-0.0, 1.4E-45, 3.4028235E38, NaN, Infinity, -Infinity]}");
    float[] values = t.toFloatArray();
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(values[0]));
    assertEquals(Float.MIN_VALUE, values[1]);
    assertEquals(Float.MAX_VALUE, values[2]);
    assertTrue(Float.isNaN(values[3]));
    assertEquals(Float.POSITIVE_INFINITY, values[4]);
    assertEquals(Float.NEGATIVE_INFINITY, values[5]);
  }

  @Test
  void booleansAndStringsAreBoolAndBytes() {
    Map<String, Tensor> outputs = read("{\"ok\": [true, false], \"label\": [\"setosa\", \"ü✓\"]}");
    assertEquals(DataType.BOOL, outputs.get("ok").dtype());
    assertArrayEquals(new boolean[] {true, false}, outputs.get("ok").toBooleanArray());
    assertEquals(DataType.BYTES, outputs.get("label").dtype());
    assertEquals(List.of("setosa", "ü✓"), outputs.get("label").toStringList());
  }

  @Test
  void outputsKeepTheDocumentOrder() {
    assertEquals(List.of("z", "a", "m"), List.copyOf(read("{\"z\": 1, \"a\": 2, \"m\": 3}").keySet()));
  }

  @Test
  void aBareValueIsRankZeroAndEmptyListsAreFp32OfTheirShape() {
    Tensor scalar = only("{\"s\": 7}");
    assertEquals(0, scalar.rank());
    assertEquals(7L, scalar.getLong(0));
    Tensor empty = only("{\"e\": [[], []]}");
    assertEquals(DataType.FP32, empty.dtype());
    assertArrayEquals(new long[] {2, 0}, empty.shape());
  }

  @Test
  void aHandlerThatAnswersABareListGivesOneOutputNamedOutput() {
    Map<String, Tensor> outputs = read("[[0.25, 0.75]]");
    assertEquals(List.of(TorchServeJson.UNNAMED_OUTPUT), List.copyOf(outputs.keySet()));
    assertArrayEquals(new long[] {1, 2}, outputs.get("output").shape());
  }

  @Test
  void raggedListsHaveNoShape() {
    for (String json : List.of("{\"y\": [[1, 2], [3]]}", "{\"y\": [1, [2]]}", "{\"y\": [[1], 2]}",
        "{\"y\": [[], [[]]]}", "{\"y\": [[[1]], [[]]]}")) {
      MalformedAnswerException e = assertThrows(MalformedAnswerException.class, () -> read(json), json);
      assertTrue(e.getMessage().contains("ragged"), json + ": " + e.getMessage());
    }
  }

  @Test
  void whatNoTensorHoldsIsMalformed() {
    for (String json : List.of("{\"y\": [1, \"a\"]}", "{\"y\": [true, 1]}", "{\"y\": [null]}",
        "{\"y\": {\"a\": 1}}", "{\"y\": [99999999999999999999]}", "{\"y\": 1, \"y\": 2}",
        "not json", "", "{\"y\": 1} {}", "{\"y\": [1, 2")) {
      assertThrows(MalformedAnswerException.class, () -> read(json), json);
    }
  }

  @Test
  void whatTheWriterWritesTheReaderReadsBackBitForBit() {
    Tensor x = Tensor.ofFloats("x", new float[] {0f, -0f, 1f, -1.5f, 3.1415927f, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.MIN_NORMAL, Float.MIN_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}, 3, 4);
    Tensor b = Tensor.ofLongs("b", new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, 2);
    Map<String, Tensor> back = TorchServeJson.read(TorchServeJson.write(List.of(x, b)));
    assertEquals(x, back.get("x"));
    assertEquals(b, back.get("b"));
  }

  // Found by TorchServeAnswersFuzzTest: an empty member name let Tensor's IllegalArgumentException out.
  @Test
  void anEmptyOutputNameIsMalformed() {
    MalformedAnswerException e = assertThrows(MalformedAnswerException.class, () -> read("{\"\": [1, 2]}"));
    assertTrue(e.getMessage().contains("output '' cannot be a tensor"), e.getMessage());
  }
}
