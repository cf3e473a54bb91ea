package io.inferlink.codec.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The two-pass reader on single values: shapes, kinds, each type's checks, the messages, and both roads. */
class JsonColumnTest {
  /** Reads one value, typed or (dtype null) inferred the way TF Serving does, through the fast parser. */
  static Tensor read(String json, DataType dtype, LeafRules rules) throws IOException {
    Tensor fast = read(JsonTensors.parser(json.getBytes(StandardCharsets.UTF_8), true), json, dtype, rules);
    Tensor tokens = read(JsonTensors.factory(true).createParser(json), json, dtype, rules);
    assertEquals(tokens, fast, "the fast and the token roads differ on " + json);
    return fast;
  }

  private static Tensor read(JsonParser p1, String json, DataType dtype, LeafRules rules) throws IOException {
    JsonColumn c = new JsonColumn("output 'y'", dtype, rules);
    try (JsonParser p = p1) {
      p.nextToken();
      c.measure(p);
      assertEquals(null, p.nextToken(), "the parser is left on the value's last token");
    }
    DataType type = dtype != null ? dtype : infer(c.kinds());
    c.allocate(type, c.valueShape());
    try (JsonParser p = JsonTensors.parser(json.getBytes(StandardCharsets.UTF_8), true)) {
      p.nextToken();
      c.fill(p);
      assertEquals(null, p.nextToken());
    }
    return c.toTensor("y");
  }

  private static DataType infer(LeafKinds k) {
    if (k.kindCount() > 1) {
      throw new MalformedAnswerException("mixed");
    }
    return k.text() ? DataType.BYTES : k.booleans() ? DataType.BOOL
        : k.floats() || !k.integers() ? DataType.FP32 : k.beyondInt64() ? DataType.UINT64 : DataType.INT64;
  }

  private static MalformedAnswerException fails(String json, DataType dtype) {
    return assertThrows(MalformedAnswerException.class, () -> read(json, dtype, LeafRules.STRICT), json);
  }

  @Test
  void shapesComeFromTheNesting() throws IOException {
    assertArrayEquals(new long[] {2, 3}, read("[[1, 2, 3], [4, 5, 6]]", null, LeafRules.STRICT).shape());
    assertArrayEquals(new long[0], read(" 7 ", null, LeafRules.STRICT).shape());
    assertArrayEquals(new long[] {0}, read("[]", DataType.FP32, LeafRules.STRICT).shape());
    assertArrayEquals(new long[] {2, 2, 0}, read("[[[], []], [[], []]]", DataType.INT8, LeafRules.STRICT).shape());
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource(delimiter = '|', value = {
      "[true, false]                                 | BOOL   | [true, false]",
      "[-128, 127]                                   | INT8   | [-128, 127]",
      "[0, 255, -0]                                  | UINT8  | [0, 255, 0]",
      "[-32768, 32767]                               | INT16  | [-32768, 32767]",
      "[65535]                                       | UINT16 | [65535]",
      "[-2147483648, 2147483647]                     | INT32  | [-2147483648, 2147483647]",
      "[4294967295]                                  | UINT32 | [4294967295]",
      "[-9223372036854775808, 9223372036854775807]   | INT64  | [-9223372036854775808, 9223372036854775807]",
      "[18446744073709551615, 9223372036854775808]   | UINT64 | [-1, -9223372036854775808]"})
  void integersAreExact(String json, DataType dtype, String expected) throws IOException {
    Tensor t = read(json, dtype, LeafRules.STRICT);
    assertEquals(dtype, t.dtype());
    assertEquals(expected, dtype == DataType.BOOL ? java.util.Arrays.toString(t.toBooleanArray())
        : java.util.Arrays.toString(t.toLongArray()));
  }

  @Test
  void floatsAreTheNearestToTheirDecimalText() throws IOException {
    float[] f = read("[0.10000000149011612, 3.4028234663852886E38, 1.401298464324817E-45, -0.0, 16777217, NaN,"
        + " -Infinity, 1e-50, 1.00000005960464477539062500001]", DataType.FP32, LeafRules.STRICT).toFloatArray();
    assertEquals(0.1f, f[0]);
    assertEquals(Float.MAX_VALUE, f[1]);
    assertEquals(Float.MIN_VALUE, f[2]);
    assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(f[3]));
    assertEquals(16777216f, f[4]);
    assertTrue(Float.isNaN(f[5]));
    assertEquals(Float.NEGATIVE_INFINITY, f[6]);
    assertEquals(0f, f[7]);
    assertEquals(Math.nextUp(1f), f[8], "just above halfway rounds up, though the double in between rounds to even");
    double[] d = read("[0.1, 1e23, 4.9E-324, 123456789012345678901234567890]", DataType.FP64, LeafRules.STRICT).toDoubleArray();
    assertArrayEquals(new double[] {0.1, 1e23, Double.MIN_VALUE, 1.2345678901234568E29}, d);
    assertArrayEquals(new float[] {1.5f, 0.33325195f}, read("[1.5, 0.3333]", DataType.FP16, LeafRules.STRICT).toFloatArray());
  }

  @Test
  void stringsAndB64AreBytes() throws IOException {
    Tensor t = read("[\"Grüße\", \"\\u0000\", {\"b64\": \"AAE=\"}]", DataType.BYTES, LeafRules.STRICT.withB64Objects());
    assertEquals("Grüße", t.toStringList().get(0));
    assertEquals("\0", t.toStringList().get(1));
    assertArrayEquals(new byte[] {0, 1}, t.toBytesList().get(2));
    assertEquals(DataType.BYTES, read("[\"a\", {\"b64\": \"\"}]", null, LeafRules.STRICT.withB64Objects()).dtype());
  }

  @Test
  void rulesAddNullsRawBytesAndLooseValues() throws IOException {
    float[] f = read("[1.5, null]", DataType.FP32, LeafRules.STRICT.withNullAsNaN()).toFloatArray();
    assertTrue(Float.isNaN(f[1]));
    assertEquals(DataType.FP32, read("[null, 2]", null, LeafRules.STRICT.withNullAsNaN()).dtype());
    char[] text = RawByteText.decode(new byte[] {'[', '"', 'a', (byte) 0xFF, 'b', '"', ']'});
    JsonColumn raw = new JsonColumn("output 'r'", DataType.BYTES, LeafRules.STRICT.withRawByteStrings());
    for (int pass = 0; pass < 2; pass++) {
      try (JsonParser p = JsonTensors.factory(false).createParser(text, 0, text.length)) {
        p.nextToken();
        if (pass == 0) {
          raw.measure(p);
          raw.allocate(DataType.BYTES, raw.valueShape());
        } else {
          raw.fill(p);
        }
      }
    }
    assertArrayEquals(new byte[] {'a', (byte) 0xFF, 'b'}, raw.toTensor("y").toBytesList().get(0));
    LeafRules loose = LeafRules.STRICT.withLooseValues();
    assertArrayEquals(new int[] {1000, 2}, read("[1e3, 2.0]", DataType.INT32, loose).toIntArray());
    assertArrayEquals(new boolean[] {true, false}, read("[1, 0]", DataType.BOOL, loose).toBooleanArray());
    assertTrue(Double.isNaN(read("[\"NaN\", \"-Infinity\"]", DataType.FP64, loose).toDoubleArray()[0]));
    assertArrayEquals(new long[] {-1}, read("[18446744073709551615]", DataType.UINT64, loose).toLongArray());
  }

  // Found by JsonColumnFuzzTest: a loose integer with an exponent past BigDecimal's let a NumberFormatException
  // out, and one just inside it (1e999999999) would have been expanded into a billion-digit BigInteger.
  @ParameterizedTest
  @ValueSource(strings = {"[0.1e2147483648]", "[1e2147483647]", "[1e999999999]", "[-1e999999999]", "[1e20]"})
  void aLooseIntegerWithAHugeExponentIsOutsideTheType(String json) {
    for (DataType dtype : new DataType[] {DataType.UINT64, DataType.INT64, DataType.INT8}) {
      MalformedAnswerException e = assertThrows(MalformedAnswerException.class,
          () -> read(json, dtype, LeafRules.STRICT.withLooseValues()));
      assertTrue(e.getMessage().contains("is outside " + dtype.wireName()), e.getMessage());
    }
  }

  @ParameterizedTest(name = "{0} as {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "[[1], [2, 3]]                    | FP32   | output 'y' is ragged at [1]",
      "[1, [2]]                         | INT64  | is ragged at [1]",
      "[[1, 2], [3, [4]]]               | FP32   | is ragged at [1][1]",
      "[[], [1]]                        | FP32   | is ragged at [1]",
      "[256]                            | UINT8  | output 'y': 256 is outside UINT8 (0..255)",
      "[-1]                             | UINT64 | -1 is outside UINT64",
      "[-0]                             | UINT64 | -0 is outside UINT64",
      "[18446744073709551616]           | UINT64 | is outside UINT64",
      "[9223372036854775808]            | INT64  | is outside INT64",
      "[1.5]                            | INT32  | output 'y': 1.5 is not a INT32 value",
      "[1e3]                            | INT32  | 1e3 is not a INT32 value",
      "[\"a\"]                          | FP32   | \"a\" is not a FP32 value",
      "[true]                           | FP32   | true is not a FP32 value",
      "[1]                              | BOOL   | 1 is not a BOOL value",
      "[1]                              | BYTES  | 1 is not a BYTES value",
      "[null]                           | FP32   | null is not a FP32 value",
      "[[1], [null]]                    |        | holds null at [1][0]",
      "[[{\"a\": 1}]]                   | FP32   | holds an object inside a list",
      "{\"a\": 1}                       | FP32   | holds an object where values are expected",
      "[{\"b64\": \"***\"}]             | BYTES  | holds an object"})
  void whatHasNoTensorFormIsMalformedWithTheReason(String json, DataType dtype, String message) {
    MalformedAnswerException e = fails(json, dtype);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1, 2", "[1,, 2]", "[01]", "[1.]", "[1e]", "[-]", "[1 2]"})
  void badJsonIsTheParsersComplaint(String json) {
    assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> read(json, DataType.FP32, LeafRules.STRICT));
    assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> read(json, DataType.INT64, LeafRules.STRICT));
    assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> read(json, null, LeafRules.STRICT));
  }

  @Test
  void kindsSayWhatAProtocolInfersFrom() throws IOException {
    assertEquals(DataType.INT64, read("[1, -2]", null, LeafRules.STRICT).dtype());
    assertEquals(DataType.FP32, read("[1, 2.5]", null, LeafRules.STRICT).dtype());
    assertEquals(DataType.FP32, read("[NaN]", null, LeafRules.STRICT).dtype());
    assertEquals(DataType.UINT64, read("[18446744073709551615]", null, LeafRules.STRICT).dtype());
    assertEquals(DataType.FP32, read("[[], []]", null, LeafRules.STRICT).dtype());
    assertThrows(MalformedAnswerException.class, () -> read("[1, true]", null, LeafRules.STRICT));
    assertThrows(MalformedAnswerException.class, () -> read("[\"x\", 1]", null, LeafRules.STRICT));
  }

  @Test
  void nestingPastTheLimitIsRefusedByTheParser() {
    String deep = "[".repeat(70) + "1" + "]".repeat(70);
    assertThrows(com.fasterxml.jackson.core.exc.StreamConstraintsException.class,
        () -> read(deep, DataType.FP32, LeafRules.STRICT));
  }

  @Test
  void rowsStackAndMustAgree() throws IOException {
    String json = "[[1.5, 2], [3, 4], [5, 6]]";
    JsonColumn c = new JsonColumn("output 'r'", DataType.FP64, LeafRules.STRICT);
    try (JsonParser p = JsonTensors.parser(json.getBytes(StandardCharsets.UTF_8), false)) {
      p.nextToken();
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
        c.measure(p);
      }
    }
    assertEquals(3, c.values());
    assertArrayEquals(new long[] {3, 2}, c.stackedShape());
    c.allocate(DataType.FP64, c.stackedShape());
    try (JsonParser p = JsonTensors.parser(json.getBytes(StandardCharsets.UTF_8), false)) {
      p.nextToken();
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
        c.fill(p);
      }
    }
    assertArrayEquals(new double[] {1.5, 2, 3, 4, 5, 6}, c.toTensor("y").toDoubleArray());
    JsonColumn ragged = new JsonColumn("output 'r'", null, LeafRules.STRICT);
    MalformedAnswerException e = assertThrows(MalformedAnswerException.class, () -> {
      try (JsonParser p = JsonTensors.parser("[[1], [2, 3]]".getBytes(StandardCharsets.UTF_8), false)) {
        p.nextToken();
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
          ragged.measure(p);
        }
      }
    });
    assertTrue(e.getMessage().contains("ragged at row 1"), e.getMessage());
  }

  @Test
  void aDocumentInManySmallChunksReadsTheSame() throws IOException {
    StringBuilder json = new StringBuilder("{\"a\": [");
    for (int i = 0; i < 20_000; i++) {
      json.append(i > 0 ? ", " : "").append(i % 7 == 0 ? "NaN" : String.valueOf(i / 3.0f));
    }
    json.append("], \"b\": [1, 2]}");
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    List<ByteBuffer> chunks = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += 997) {
      chunks.add(ByteBuffer.wrap(bytes, i, Math.min(997, bytes.length - i)));
    }
    JsonColumn a = new JsonColumn("output 'a'", DataType.FP32, LeafRules.STRICT);
    JsonColumn b = new JsonColumn("output 'b'", null, LeafRules.STRICT);
    for (int pass = 0; pass < 2; pass++) {
      try (JsonParser p = JsonTensors.parser(chunks, true)) {
        p.nextToken();
        p.nextToken();
        p.nextToken();
        if (pass == 0) {
          a.measure(p);
        } else {
          a.fill(p);
        }
        p.nextToken();
        p.nextToken();
        if (pass == 0) {
          b.measure(p);
          a.allocate(DataType.FP32, a.valueShape());
          b.allocate(DataType.INT64, b.valueShape());
        } else {
          b.fill(p);
        }
        assertEquals(com.fasterxml.jackson.core.JsonToken.END_OBJECT, p.nextToken());
        assertEquals(null, p.nextToken());
      }
    }
    float[] f = a.toTensor("y").toFloatArray();
    assertEquals(20_000, f.length);
    assertTrue(Float.isNaN(f[0]));
    assertEquals(1 / 3.0f, f[1]);
    assertArrayEquals(new long[] {1, 2}, b.toTensor("y").toLongArray());
    assertFalse(a.kinds().numbers(), "a known type is only counted");
  }
}
