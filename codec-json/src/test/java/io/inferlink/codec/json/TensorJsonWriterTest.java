package io.inferlink.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import io.inferlink.Tensor;
import io.inferlink.UnsupportedFeatureException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The element writer: the text of each type, the three layouts, the non-finite and bytes policies. */
class TensorJsonWriterTest {
  private interface Body {
    void write(TensorJsonWriter w, JsonGenerator g) throws IOException;
  }

  /** Through a byte generator and a character generator, which must agree. */
  private static String json(NonFinite nonFinite, boolean b64, Body body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = JsonTensors.factory(true).createGenerator(bytes)) {
      body.write(new TensorJsonWriter(g, nonFinite, b64), g);
    }
    StringWriter chars = new StringWriter();
    try (JsonGenerator g = JsonTensors.factory(false).createGenerator(chars)) {
      body.write(new TensorJsonWriter(g, nonFinite, b64), g);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(text, chars.toString(), "byte and character generators differ");
    return text;
  }

  private static String nested(Tensor t) throws IOException {
    return json(NonFinite.BARE, true, (w, g) -> w.writeNested(t));
  }

  private static String flat(Tensor t) throws IOException {
    return json(NonFinite.BARE, true, (w, g) -> w.writeFlat(t));
  }

  @Test
  void everyTypeHasItsExactText() throws IOException {
    assertEquals("[true,false]", flat(Tensor.ofBooleans("b", new boolean[] {true, false}, 2)));
    assertEquals("[-128,127]", flat(Tensor.ofInt8("i", new byte[] {-128, 127}, 2)));
    assertEquals("[255,0]", flat(Tensor.ofUint8("u", new byte[] {-1, 0}, 2)));
    assertEquals("[-32768,-1]", flat(Tensor.ofInt16("i", new short[] {Short.MIN_VALUE, -1}, 2)));
    assertEquals("[65535]", flat(Tensor.ofUint16("u", new short[] {-1}, 1)));
    assertEquals("[-2147483648,-1]", flat(Tensor.ofInts("i", new int[] {Integer.MIN_VALUE, -1}, 2)));
    assertEquals("[4294967295]", flat(Tensor.ofUint32("u", new int[] {-1}, 1)));
    assertEquals("[-9223372036854775808,0,9223372036854775807]",
        flat(Tensor.ofLongs("l", new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}, 3)));
    assertEquals("[18446744073709551615,9223372036854775808]", flat(Tensor.ofUint64("u", new long[] {-1, Long.MIN_VALUE}, 2)));
    assertEquals("[0.1,-0.0,3.4028235E38,1.4E-45]",
        flat(Tensor.ofFloats("f", new float[] {0.1f, -0f, Float.MAX_VALUE, Float.MIN_VALUE}, 4)));
    assertEquals("[0.1,1.0E23,4.9E-324]", flat(Tensor.ofDoubles("d", new double[] {0.1, 1e23, Double.MIN_VALUE}, 3)));
    assertEquals("[1.5,0.33325195]", flat(Tensor.ofFp16("h", new float[] {1.5f, 1f / 3}, 2)));
    assertEquals("[1.5,0.33398438]", flat(Tensor.ofBf16("h", new float[] {1.5f, 1f / 3}, 2)));
    assertEquals("[\"text ✓\",{\"b64\":\"/wDY\"}]", flat(Tensor.ofBytes("s",
        new byte[][] {"text ✓".getBytes(StandardCharsets.UTF_8), {(byte) 0xff, 0, (byte) 0xd8}}, 2)));
  }

  /**
   * The per-type loops (BOOL, INT32, INT64, and BYTES lists of plain ASCII) against Jackson's own writing of the
   * same values, in lists longer than the run buffer; BYTES lists with one element that is not plain (a quote,
   * a control character, non-ASCII text, a string longer than the run) take the generator's road and agree too.
   */
  @Test
  void theTypeLoopsWriteWhatJacksonWrites() throws IOException {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    int n = 5_000;
    boolean[] bools = new boolean[n];
    int[] ints = new int[n];
    long[] longs = new long[n];
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      bools[i] = random.nextBoolean();
      ints[i] = random.nextInt();
      longs[i] = random.nextLong();
      words[i] = "w" + random.nextInt(100_000);
    }
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    assertEquals(mapper.writeValueAsString(bools), flat(Tensor.ofBooleans("b", bools, n)));
    assertEquals(mapper.writeValueAsString(ints), flat(Tensor.ofInts("i", ints, n)));
    assertEquals(mapper.writeValueAsString(longs), flat(Tensor.ofLongs("l", longs, n)));
    assertEquals(mapper.writeValueAsString(words), flat(Tensor.ofStrings("s", words, n)));
    assertEquals(mapper.writeValueAsString(new int[][] {{1, 2}, {3, 4}}), nested(Tensor.ofInts("i", new int[] {1, 2, 3, 4}, 2, 2)));
    String longWord = "x".repeat(20_000);
    for (String odd : new String[] {"say \"hi\"", "back\\slash", "tab\there", "caf\u00e9", "\u0001", longWord, ""}) {
      String[] mixed = words.clone();
      mixed[n / 2] = odd;
      assertEquals(mapper.writeValueAsString(mixed), flat(Tensor.ofStrings("s", mixed, n)), odd);
    }
    String[] longOnes = {longWord, "a", longWord + "b"};
    assertEquals(mapper.writeValueAsString(longOnes), flat(Tensor.ofStrings("s", longOnes, 3)));
  }

  @Test
  void nestedListsFollowTheShapeAndRowsAreSubTensors() throws IOException {
    Tensor t = Tensor.ofInts("x", new int[] {1, 2, 3, 4, 5, 6}, 3, 2);
    assertEquals("[[1,2],[3,4],[5,6]]", nested(t));
    assertEquals("[3,4]", json(NonFinite.BARE, true, (w, g) -> w.writeRow(t, 1)));
    assertEquals("7", nested(Tensor.ofInts("s", new int[] {7})));
    assertEquals("[[],[]]", nested(Tensor.ofFloats("e", new float[0], 2, 0)));
    assertEquals("[]", flat(Tensor.ofFloats("e", new float[0], 2, 0)));
    Tensor s = Tensor.ofStrings("s", new String[] {"a", "b", "c", "d"}, 2, 2);
    assertEquals("[\"c\",\"d\"]", json(NonFinite.BARE, true, (w, g) -> w.writeRow(s, 1)));
    assertEquals("{\"a\":[\"c\",\"d\"],\"b\":3}", json(NonFinite.BARE, true, (w, g) -> {
      g.writeStartObject();
      g.writeFieldName("a");
      w.writeRow(s, 1);
      g.writeFieldName("b");
      w.writeRow(Tensor.ofInts("r", new int[] {2, 3}, 2), 1);
      g.writeEndObject();
    }));
  }

  /**
   * Nested tensors of the looped types whose text is many times the run buffer: the inner lists are written into
   * the run with their brackets, and must come out as Jackson writes the nested arrays (FP32 as FloatText writes
   * each value), also as a row of a larger tensor inside an object with a field after it.
   */
  @Test
  void nestedTensorsLargerThanTheRunBufferMatchTheirNestedArrays() throws IOException {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    int a = 3;
    int b = 40;
    int c = 70;
    int n = a * b * c;
    boolean[] bools = new boolean[n];
    int[] ints = new int[n];
    long[] longs = new long[n];
    float[] floats = new float[n];
    for (int i = 0; i < n; i++) {
      bools[i] = random.nextBoolean();
      ints[i] = random.nextInt();
      longs[i] = random.nextLong();
      floats[i] = i % 97 == 0 ? Float.NaN : Float.intBitsToFloat(random.nextInt() & 0x7F7F_FFFF | (i & 1) << 31);
    }
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    for (Tensor t : new Tensor[] {Tensor.ofBooleans("b", bools, a, b, c), Tensor.ofInts("i", ints, a, b, c),
        Tensor.ofLongs("l", longs, a, b, c)}) {
      assertEquals(mapper.writeValueAsString(t.toArray()), nested(t), t.name());
      String row = mapper.writeValueAsString(((Object[]) t.toArray())[1]);
      assertEquals("{\"r\":" + row + ",\"z\":[" + row + "]}", json(NonFinite.BARE, true, (w, g) -> {
        g.writeStartObject();
        g.writeFieldName("r");
        w.writeRow(t, 1);
        g.writeArrayFieldStart("z");
        w.writeRow(t, 1);
        g.writeEndArray();
        g.writeEndObject();
      }), t.name());
    }
    StringBuilder expected = new StringBuilder("[");
    for (int i = 0; i < a; i++) {
      expected.append(i > 0 ? ",[" : "[");
      for (int j = 0; j < b; j++) {
        expected.append(j > 0 ? ",[" : "[");
        for (int k = 0; k < c; k++) {
          float v = floats[(i * b + j) * c + k];
          expected.append(k > 0 ? "," : "").append(Float.isNaN(v) ? "NaN" : FloatText.toString(v));
        }
        expected.append(']');
      }
      expected.append(']');
    }
    assertEquals(expected.append(']').toString(), nested(Tensor.ofFloats("f", floats, a, b, c)));
  }

  @Test
  void listsLongerThanTheRunBufferAreWhole() throws IOException {
    double[] v = new double[5000];
    StringBuilder expected = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      v[i] = -i / 7.0;
      expected.append(i > 0 ? "," : "").append(v[i]);
    }
    assertEquals(expected.append(']').toString(), flat(Tensor.ofDoubles("d", v, v.length)));
  }

  @Test
  void nonFiniteValuesFollowThePolicy() throws IOException {
    Tensor f = Tensor.ofFloats("f", new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}, 3);
    assertEquals("[NaN,Infinity,-Infinity]", json(NonFinite.BARE, true, (w, g) -> w.writeFlat(f)));
    assertEquals("[\"NaN\",\"Infinity\",\"-Infinity\"]", json(NonFinite.STRINGS, true, (w, g) -> w.writeFlat(f)));
    assertEquals("\"NaN\"", json(NonFinite.STRINGS, true, (w, g) -> w.writeNested(Tensor.ofDoubles("d", new double[] {Double.NaN}))));
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> json(NonFinite.REFUSE, true, (w, g) -> w.writeFlat(f)));
    assertTrue(e.getMessage().contains("'f': element 0 is NaN"), e.getMessage());
    assertEquals("element 0 is NaN, which JSON cannot carry", TensorJsonWriter.whyNot(f, NonFinite.REFUSE, true));
    assertNull(TensorJsonWriter.whyNot(f, NonFinite.BARE, false));
  }

  @Test
  void bytesThatAreNotUtf8AreB64OrRefused() throws IOException {
    Tensor t = Tensor.ofBytes("img", new byte[][] {{'o', 'k'}, {(byte) 0xC0, (byte) 0x80}}, 2);
    assertEquals("[\"ok\",{\"b64\":\"wIA=\"}]", flat(t));
    assertThrows(UnsupportedFeatureException.class, () -> json(NonFinite.BARE, false, (w, g) -> w.writeFlat(t)));
    assertEquals("element 1 is not valid UTF-8, which a JSON string cannot carry",
        TensorJsonWriter.whyNot(t, NonFinite.BARE, false));
    assertNull(TensorJsonWriter.whyNot(t, NonFinite.REFUSE, true));
  }
}
