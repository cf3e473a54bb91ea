package io.inferlink.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast road for lists of numbers takes the lists servers send, gives exactly the token road's elements
 * ({@link JsonColumnTest#read} compares the roads on every document it reads), and gives up on everything it does
 * not take, so the token road keeps its messages.
 */
class NumberListsTest {
  /** Measures and fills {@code json}, a list, with the fast reader alone; NotPlain when it gives up. */
  private static ByteBuffer fastOnly(String json, DataType dtype) {
    ChunkStream bytes = new ChunkStream(List.of(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8))));
    NumberLists lists = new NumberLists(bytes, true);
    int start = json.indexOf('[') + 1;
    long[] shape = lists.measure(start, 1, dtype != null && dtype != DataType.BYTES, dtype == DataType.BYTES, false);
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    DataType type = dtype != null ? dtype
        : (lists.kinds() & LeafKinds.BOOLEAN) != 0 ? DataType.BOOL
        : (lists.kinds() & LeafKinds.STRING) != 0 ? DataType.BYTES : DataType.FP64;
    long size = type == DataType.BYTES ? lists.textBytes() : n * type.byteSize();
    ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    lists.fill(start, 1, type, false, out);
    assertFalse(out.hasRemaining(), "the fill writes what the measure counted: " + json);
    return out;
  }

  /** Both roads on one list: the same tensor, and the fast road took it. */
  private static void same(String json, DataType dtype) throws IOException {
    fastOnly(json, dtype);
    JsonColumnTest.read(json, dtype, LeafRules.STRICT);
  }

  @Test
  void theListsServersSend() throws IOException {
    same("[[1.5, 2.0], [3.25, -4e-3]]", DataType.FP32);
    same("[[1.5, 2.0], [3.25, -4e-3]]", null);
    same("\n  [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]\n", DataType.FP64);
    same("[]", DataType.FP32);
    same("[[], []]", DataType.INT32);
    same("[NaN, Infinity, -Infinity, -0.0, 0, -0]", DataType.FP32);
    same("[NaN, Infinity, -Infinity, -0.0, 1e-50, 1e50, 3.4028235e38, 3.4028236e38]", DataType.FP64);
    same("[1, -2, 9223372036854775807, -9223372036854775808]", DataType.INT64);
    same("[1, -2, 9223372036854775807, -9223372036854775808]", null);
    same("[18446744073709551615, 0, 12345678901234567890]", DataType.UINT64);
    same("[1.0E-46, 1.4E-45, 1.17549435E-38, 3.4028236e38, 1e39, 0.1234567890123456789]", DataType.FP32);
  }

  @Test
  void everyNumericType() throws IOException {
    for (DataType t : DataType.values()) {
      if (t != DataType.BOOL && t != DataType.BYTES) {
        same("[0, 1, 100, 127]", t);
      }
    }
    same("[0.5, -1.75, 65504.0, 1e-8]", DataType.FP16);
    same("[0.5, -1.75, 3.0e38, 1e-8]", DataType.BF16);
  }

  @Test
  void randomFloatsDoublesAndLongs() throws IOException {
    Random random = new Random(11);
    for (int round = 0; round < 20; round++) {
      StringBuilder f32 = new StringBuilder("[");
      StringBuilder f64 = new StringBuilder("[");
      StringBuilder i64 = new StringBuilder("[");
      for (int i = 0; i < 2000; i++) {
        String sep = i == 0 ? "" : ", ";
        float f = Float.intBitsToFloat(random.nextInt());
        // Mixed spellings: shortest, 9 and 17 digits, exponents, plain values near 1.
        String ft = switch (i % 4) {
          case 0 -> Float.toString(f);
          case 1 -> String.format(java.util.Locale.ROOT, "%.9g", (double) f);
          case 2 -> Double.toString(random.nextDouble());
          default -> String.format(java.util.Locale.ROOT, "%.17e", random.nextGaussian() * 1e-3);
        };
        f32.append(sep).append(Float.isFinite(f) || i % 4 > 1 ? ft : "NaN");
        double d = Double.longBitsToDouble(random.nextLong());
        f64.append(sep).append(Double.isFinite(d) ? Double.toString(d) : "Infinity");
        i64.append(sep).append(random.nextLong());
      }
      same(f32.append("]").toString(), DataType.FP32);
      same(f64.append("]").toString(), DataType.FP64);
      same(i64.append("]").toString(), DataType.INT64);
      same(i64.toString(), null);
    }
  }

  @Test
  void anImageAsTheWriterWritesIt() throws IOException {
    float[] values = new float[3 * 32 * 32];
    Random random = new Random(3);
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextFloat();
    }
    Tensor t = Tensor.ofFloats("y", values, 1, 3, 32, 32);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (com.fasterxml.jackson.core.JsonGenerator g = JsonTensors.factory(true).createGenerator(out)) {
      new TensorJsonWriter(g, NonFinite.BARE, true).writeNested(t);
    }
    String json = out.toString(StandardCharsets.UTF_8);
    same(json, DataType.FP32);
    assertEquals(t, JsonColumnTest.read(json, null, LeafRules.STRICT));
  }

  @Test
  void everythingElseIsLeftToTheTokenRoad() {
    // Plain strings and booleans are the fast road's now (booleansAndPlainStrings); escaped ones and near-literals not.
    for (String json : new String[] {"[\"t\\u00e9xt\"]", "[true, fals]", "[[1, 2], [3]]", "[[1, 2], 3]", "[1, [2]]",
        "[{\"b64\": \"AAE=\"}]", "[01]", "[1.]", "[-NaN]", "[+1]", "[1, 2", "[1 2]", "[null]", "[1e]", "[-]"}) {
      assertThrows(NumberLists.NotPlain.class, () -> fastOnly(json, null), json);
    }
    // With a type, the first pass only counts: the second must still refuse what JSON does not allow.
    for (String json : new String[] {"[1, 01]", "[1, 1.]", "[1e]", "[1, -]", "[1, x]", "[1, 1e+]", "[1,]",
        "[1 2]", "[1.2.3]", "[-NaN]", "[\"1\"]", "[true]", "[1, 2", "[null]", "[1, [2]]"}) {
      assertThrows(NumberLists.NotPlain.class, () -> fastOnly(json, DataType.FP32), json);
    }
    assertThrows(NumberLists.NotPlain.class, () -> fastOnly("[1.5]", DataType.INT32), "a fraction for an integer type");
    assertThrows(NumberLists.NotPlain.class, () -> fastOnly("[300]", DataType.INT8), "out of range");
    assertThrows(NumberLists.NotPlain.class, () -> fastOnly("[-1]", DataType.UINT64), "out of range");
    assertThrows(NumberLists.NotPlain.class, () -> fastOnly("[18446744073709551616]", DataType.UINT64), "out of range");
    assertThrows(NumberLists.NotPlain.class, () -> fastOnly("[1]", DataType.BOOL));
    String deep = "[".repeat(70) + "1" + "]".repeat(70);
    assertThrows(NumberLists.NotPlain.class, () -> fastOnly(deep, DataType.FP32), "past the nesting limit");
  }

  @Test
  void booleansAndPlainStrings() throws IOException {
    same("[[true, false], [false, true]]", DataType.BOOL);
    same("[[true,false],[false,true]]", null);
    same(" [ true ,\n false\t] ", DataType.BOOL);
    same("[[\"w4711\", \"\"], [\"a, [b]\", \"~\u007f{}:\"]]", DataType.BYTES);
    same("[[\"w4711\",\"\"],[\"a, [b]\",\"]\"]]", null);
    for (LeafRules rules : new LeafRules[] {LeafRules.STRICT.withRawByteStrings(), LeafRules.STRICT.withB64Objects(),
        LeafRules.STRICT.withLooseValues()}) {
      JsonColumnTest.read("[\"w4711\", \"x\"]", DataType.BYTES, rules);
      JsonColumnTest.read("[\"w4711\", \"x\"]", null, rules);
      JsonColumnTest.read("[true, false]", DataType.BOOL, rules);
    }
    ByteBuffer bytes = fastOnly("[\"ab\", \"\", \"c\"]", DataType.BYTES).flip();
    assertEquals(2, bytes.getInt());
    assertEquals('a', bytes.get());
    assertEquals('b', bytes.get());
    assertEquals(0, bytes.getInt());
    assertEquals(1, bytes.getInt());
    assertEquals('c', bytes.get());
    ByteBuffer bools = fastOnly("[true, false, true]", DataType.BOOL).flip();
    assertEquals(1, bools.get(0));
    assertEquals(0, bools.get(1));
    assertEquals(1, bools.get(2));
    // A string longer than the fast reader's window goes to the token road, which reads it.
    String huge = "[\"" + "x".repeat(70_000) + "\", \"y\"]";
    assertThrows(NumberLists.NotPlain.class, () -> fastOnly(huge, DataType.BYTES));
    same("[\"" + "x".repeat(60_000) + "\", \"y\"]", DataType.BYTES);
    assertEquals(2, JsonColumnTest.read(huge, DataType.BYTES, LeafRules.STRICT).elementCount());
  }

  @Test
  void stringsAndBooleansThatAreNotPlainAreLeftToTheTokenRoad() {
    for (String json : new String[] {"[\"\\u00e9\"]", "[\"é\"]", "[\"a\\\"b\"]", "[\"a\\\\\"]", "[\"tab\there\"]",
        "[1]", "[true]", "[null]", "[{\"b64\": \"AAE=\"}]", "[\"a\", 1]", "[\"unterminated]", "[\"a\" \"b\"]",
        "[\"a\",]", "[\"a\"x]", "[[\"a\"], [\"b\", \"c\"]]", "[\"a\", [\"b\"]]", "[\"a\""}) {
      assertThrows(NumberLists.NotPlain.class, () -> fastOnly(json, DataType.BYTES), json);
    }
    for (String json : new String[] {"[0, 1]", "[1]", "[\"true\"]", "[True]", "[tru]", "[truex]", "[true false]",
        "[false1]", "[null]", "[true, fals]", "[true", "[[true], [false, true]]", "[true,]", "[t]"}) {
      assertThrows(NumberLists.NotPlain.class, () -> fastOnly(json, DataType.BOOL), json);
    }
    for (String json : new String[] {"[\"é\"]", "[tru]", "[truex]", "[True]", "[\"a\\nb\"]", "[\"a"}) {
      assertThrows(NumberLists.NotPlain.class, () -> fastOnly(json, null), json);
    }
    String deep = "[".repeat(70) + "true" + "]".repeat(70);
    assertThrows(NumberLists.NotPlain.class, () -> fastOnly(deep, DataType.BOOL), "past the nesting limit");
  }

  @Test
  void countingCommasEightBytesAtATime() throws IOException {
    for (int n = 1; n < 40; n++) {
      StringBuilder json = new StringBuilder("[");
      for (int i = 0; i < n; i++) {
        json.append(i == 0 ? "" : i % 3 == 0 ? ", " : ",").append(i % 2 == 0 ? "true" : "false");
      }
      String bools = json.append("]").toString();
      assertEquals(n, fastOnly(bools, DataType.BOOL).capacity(), bools);
      same(bools, DataType.BOOL);
    }
    // Every structural byte at every position of an eight-byte block: the count stops there and gives up (and
    // non-ASCII, whose bytes the count passes over, but the fill does not take).
    for (String structural : new String[] {"[", "{", "}", "\"", ":", "\u00e9", "\u00ff"}) {
      for (int at = 0; at < 9; at++) {
        String json = "[1234567" + "8".repeat(at) + structural + "9, 1]";
        assertThrows(NumberLists.NotPlain.class, () -> fastOnly(json, DataType.INT64), json);
      }
    }
    for (int at = 0; at < 9; at++) {
      same("[1,2" + "3".repeat(at) + "]", DataType.INT64);
      // Letters (exponents, NaN, Infinity, null) are looked at one by one and counted past, at every position.
      same("[1,2" + "3".repeat(at) + "e5,-Infinity,NaN,4E-2,1,2,3]", DataType.FP32);
      same("[[1,2" + "3".repeat(at) + "e5],[NaN,3],[4E-2,5]]", DataType.FP64);
    }
    // Booleans, and numbers after a letter, are counted with the structural bytes flagged one kind at a time.
    for (int at = 0; at < 9; at++) {
      same("[true,false," + "true,".repeat(at) + "false]", DataType.BOOL);
      same("[[1e1,2" + "3".repeat(at) + "],[4,5]]", DataType.FP32);
      for (String structural : new String[] {"[", "{", "}", "\"", ":"}) {
        String bools = "[true," + "false,".repeat(at) + structural + "true]";
        assertThrows(NumberLists.NotPlain.class, () -> fastOnly(bools, DataType.BOOL), bools);
      }
    }
    for (int b = 0; b < 256; b++) {
      boolean structural = "[]{}\":".indexOf(b) >= 0;
      boolean alike = b == 'Y' || b == '_' || b == 'y' || b == 0x7F;
      for (int at = 0; at < 8; at++) {
        long chunk = ((long) b << (8 * at)) | (0x3131_3131_3131_3131L & ~(0xFFL << (8 * at)));
        assertEquals(structural || alike ? 0x80L << (8 * at) : 0, NumberLists.structuralBytes(chunk), b + " at " + at);
      }
    }
    assertEquals(0x80L, NumberLists.zeroBytes(0x0101_0101_0101_0100L));
    assertEquals(0x8080_0000_0000_0000L, NumberLists.zeroBytes(0x0000_0101_0101_0101L));
    assertEquals(0L, NumberLists.zeroBytes(0x8001_FF7F_1020_3040L));
  }

  @Test
  void eightDigitsAtOnce() {
    java.util.function.ToLongFunction<String> chunk = text -> ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII))
        .order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(12345678, NumberLists.eightDigits(chunk.applyAsLong("12345678")));
    assertEquals(0, NumberLists.eightDigits(chunk.applyAsLong("00000000")));
    assertEquals(99999999, NumberLists.eightDigits(chunk.applyAsLong("99999999")));
    assertEquals(1, NumberLists.eightDigits(chunk.applyAsLong("00000001")));
    Random random = new Random(5);
    for (int i = 0; i < 100_000; i++) {
      int v = random.nextInt(100_000_000);
      assertEquals(v, NumberLists.eightDigits(chunk.applyAsLong(String.format("%08d", v))));
    }
    for (String notDigits : new String[] {"1234567,", "1234567]", "/2345678", ":2345678", "1234 678", "1234567e", "-1234567"}) {
      assertEquals(-1, NumberLists.eightDigits(chunk.applyAsLong(notDigits)), notDigits);
    }
  }

  @Test
  void aRunOfDigitsIsMeasuredAndReadAtOnce() {
    java.util.function.ToLongFunction<String> chunk = text -> ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1))
        .order(ByteOrder.LITTLE_ENDIAN).getLong();
    Random random = new Random(6);
    // Every length of run, ended by every byte that is not a digit (non-ASCII bytes, which carry, included).
    for (int k = 0; k <= 8; k++) {
      for (int end = 0; end < 256; end++) {
        if (end >= '0' && end <= '9') {
          continue;
        }
        String digits = String.format("%08d", random.nextInt(100_000_000)).substring(0, k);
        StringBuilder text = new StringBuilder(digits);
        while (text.length() < 8) {
          text.append(text.length() == k ? (char) end : (char) random.nextInt(256));
        }
        long c = chunk.applyAsLong(text.toString());
        assertEquals(k, NumberLists.leadingDigits(c), text.toString());
        if (k > 0) {
          assertEquals(Integer.parseInt(digits), NumberLists.firstDigits(c, k), text.toString());
        }
      }
    }
  }

  @Test
  void fractionsOfEveryLengthAcrossTheEightByteRuns() throws IOException {
    // 1 to 25 fraction digits, so the runs end at every byte of a block, and past 18 significant digits
    // (where the rest only makes the value inexact), with and without exponents and leading zeros.
    Random random = new Random(7);
    StringBuilder json = new StringBuilder("[");
    for (int digits = 1; digits <= 25; digits++) {
      for (String head : new String[] {"0.", "-0.", "7.", "123456789.", "0.000"}) {
        for (String tail : new String[] {"", "e-7", "E+3", "e0"}) {
          StringBuilder fraction = new StringBuilder();
          for (int i = 0; i < digits; i++) {
            fraction.append((char) ('0' + random.nextInt(10)));
          }
          json.append(json.length() > 1 ? "," : "").append(head).append(fraction).append(tail);
        }
      }
    }
    json.append("]");
    same(json.toString(), DataType.FP32);
    same(json.toString(), DataType.FP64);
    same(json.toString(), DataType.FP16);
  }

  @Test
  void roundingTwiceIsCaughtAtFloatMidpoints() throws IOException {
    // 1 + 2^-24 is exactly halfway between two floats: a double landing there must not be trusted.
    double midpoint = 1 + Math.scalb(1.0, -24);
    assertFalse(NumberLists.roundsOnceToFloat(midpoint, (float) midpoint));
    assertTrue(NumberLists.roundsOnceToFloat(1.5, 1.5f));
    same("[1.000000059604644775390625, 1.0000000596046448, 1.00000005960464477539062500001]", DataType.FP32);
  }
}
