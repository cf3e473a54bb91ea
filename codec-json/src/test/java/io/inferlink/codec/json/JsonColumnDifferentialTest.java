package io.inferlink.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.core.JsonParser;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.spi.support.MalformedAnswerException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The reader against {@link ReferenceReader} on generated tensors of every type and shape, written in the many
 * ways a server may write numbers (shortest, long, exponent forms, halfway cases, beyond the type, NaN where the
 * dialect has it), spaced at random, sometimes with an element that does not belong, and split into chunks at
 * random: the fast road (the byte parser), the token road (Jackson's own parser) and the reference give the same
 * tensor, or all three refuse.
 */
class JsonColumnDifferentialTest {
  private static final DataType[] TYPES = DataType.values();

  /** One generated case; its text is what a failing try prints. */
  static final class Doc {
    final String json;
    final DataType dtype; // null: inferred
    final LeafRules rules;
    final boolean nonNumeric;
    final int chunk;

    Doc(String json, DataType dtype, LeafRules rules, boolean nonNumeric, int chunk) {
      this.json = json;
      this.dtype = dtype;
      this.rules = rules;
      this.nonNumeric = nonNumeric;
      this.chunk = chunk;
    }

    @Override
    public String toString() {
      return (dtype == null ? "inferred" : dtype) + " nonNumeric=" + nonNumeric + " nullAsNaN=" + rules.nullAsNaN()
          + " b64=" + rules.b64Objects() + " chunk=" + chunk + " "
          + (json.length() > 2000 ? json.substring(0, 2000) + "..." : json);
    }
  }

  @Provide
  Arbitrary<Doc> documents() {
    return Arbitraries.longs().map(JsonColumnDifferentialTest::generate);
  }

  @Property(tries = 3000)
  void theFastRoadTheTokenRoadAndTheReferenceAgree(@ForAll("documents") Doc doc) throws IOException {
    Tensor expected = ReferenceReader.read(doc.json, doc.dtype, doc.rules, doc.nonNumeric);
    Tensor fast = readOrNull(doc, true);
    Tensor tokens = readOrNull(doc, false);
    assertSame(expected, tokens, "token road vs reference: ", doc);
    assertSame(expected, fast, "fast road vs reference: ", doc);
  }

  @Property(tries = 40)
  void largeListsCrossTheWindowAndChunkBoundaries(@ForAll("largeDocuments") Doc doc) throws IOException {
    Tensor expected = ReferenceReader.read(doc.json, doc.dtype, doc.rules, doc.nonNumeric);
    assertNotNull(expected, doc.toString());
    assertSame(expected, readOrNull(doc, true), "fast road vs reference: ", doc);
  }

  @Provide
  Arbitrary<Doc> largeDocuments() {
    return Arbitraries.longs().map(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      DataType[] types = {DataType.FP32, DataType.INT64, DataType.FP64, DataType.INT32, DataType.BOOL, DataType.BYTES};
      DataType dtype = types[r.nextInt(types.length)];
      long[] shape = {r.nextInt(1, 4), r.nextInt(2000, 12000)};
      StringBuilder json = new StringBuilder();
      // Strings here are plain (all of them, so that the fast road reads the whole list), some long.
      nested(r, json, shape, 0, dtype == DataType.BYTES ? null : dtype, false, false, 0);
      return new Doc(json.toString(), r.nextInt(4) == 0 ? null : dtype, LeafRules.STRICT, false, r.nextInt(1, 70_000));
    });
  }

  /** Equal tensors, or both null; else says which element differs first. */
  private static void assertSame(Tensor expected, Tensor actual, String what, Doc doc) {
    if (expected == null || actual == null || expected.equals(actual)) {
      assertEquals(expected, actual, what + doc);
      return;
    }
    assertEquals(expected.dtype(), actual.dtype(), what + doc);
    assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), what + doc);
    ByteBuffer e = expected.data();
    ByteBuffer a = actual.data();
    int size = expected.dtype().isFixedSize() ? expected.dtype().byteSize() : 1;
    for (int i = 0; i < e.limit(); i++) {
      if (e.get(i) != a.get(i)) {
        int element = i / size;
        String ev = expected.dtype().isFloatingPoint() ? String.valueOf(expected.getDouble(element)) : String.valueOf(e.get(i));
        String av = expected.dtype().isFloatingPoint() ? String.valueOf(actual.getDouble(element)) : String.valueOf(a.get(i));
        throw new AssertionError(what + "element " + element + ": expected " + ev + ", got " + av + " in " + doc);
      }
    }
  }

  /** The tensor, or null when the reader refuses the document. */
  private static Tensor readOrNull(Doc doc, boolean fast) throws IOException {
    JsonColumn c = new JsonColumn("output 'y'", doc.dtype, doc.rules);
    try {
      try (JsonParser p = parser(doc, fast)) {
        p.nextToken();
        c.measure(p);
        if (p.nextToken() != null) {
          return null;
        }
      }
      DataType type = doc.dtype != null ? doc.dtype : inferLikeTfServing(c.kinds());
      if (type == null) {
        return null;
      }
      c.allocate(type, c.valueShape());
      try (JsonParser p = parser(doc, fast)) {
        p.nextToken();
        c.fill(p);
      }
      return c.toTensor("y");
    } catch (MalformedAnswerException | com.fasterxml.jackson.core.JacksonException e) {
      return null;
    }
  }

  private static JsonParser parser(Doc doc, boolean fast) throws IOException {
    if (!fast) {
      return JsonTensors.factory(doc.nonNumeric).createParser(doc.json);
    }
    byte[] bytes = doc.json.getBytes(StandardCharsets.UTF_8);
    List<ByteBuffer> chunks = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += doc.chunk) {
      chunks.add(ByteBuffer.wrap(bytes, i, Math.min(doc.chunk, bytes.length - i)));
    }
    return JsonTensors.parser(chunks, doc.nonNumeric);
  }

  static DataType inferLikeTfServing(LeafKinds k) {
    if (k.kindCount() > 1) {
      return null;
    }
    if (k.text()) {
      return DataType.BYTES;
    }
    if (k.booleans()) {
      return DataType.BOOL;
    }
    if (k.floats() || !k.integers()) {
      return DataType.FP32;
    }
    if (k.beyondInt64()) {
      return k.negativeIntegers() ? null : DataType.UINT64;
    }
    return DataType.INT64;
  }

  // ---------------------------------------------------------------- generation

  static Doc generate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    DataType dtype = r.nextInt(6) == 0 ? null : TYPES[r.nextInt(TYPES.length)];
    // What the elements are written as: the type's own values, or (to infer) one kind.
    DataType written = dtype != null ? dtype : new DataType[] {DataType.INT64, DataType.FP32, DataType.UINT64,
        DataType.BOOL, DataType.BYTES}[r.nextInt(5)];
    boolean nonNumeric = r.nextBoolean();
    LeafRules rules = LeafRules.STRICT;
    if (r.nextBoolean()) {
      rules = rules.withNullAsNaN();
    }
    if (r.nextBoolean()) {
      rules = rules.withB64Objects();
    }
    int rank = r.nextInt(5);
    long[] shape = new long[rank];
    for (int i = 0; i < rank; i++) {
      shape[i] = r.nextInt(10) == 0 ? 0 : r.nextInt(1, rank > 2 ? 4 : 7);
    }
    boolean intruders = r.nextInt(4) == 0;
    StringBuilder json = new StringBuilder();
    space(r, json);
    nested(r, json, shape, 0, written, nonNumeric, intruders, r.nextInt(20) == 0 ? 1 + r.nextInt(3) : 0);
    space(r, json);
    return new Doc(json.toString(), dtype, rules, nonNumeric, 1 + r.nextInt(r.nextBoolean() ? 8 : 4096));
  }

  /** Lists following the shape; {@code ragged} > 0 makes some list one element too long or short. */
  private static void nested(SplittableRandom r, StringBuilder json, long[] shape, int dim, DataType type,
      boolean nonNumeric, boolean intruders, int ragged) {
    if (dim == shape.length) {
      json.append(intruders && r.nextInt(8) == 0 ? intruder(r) : element(r, type, nonNumeric));
      return;
    }
    long n = shape[dim] + (ragged > 0 && r.nextInt(3) == 0 ? (r.nextBoolean() ? 1 : -Math.min(1, shape[dim])) : 0);
    json.append('[');
    for (long i = 0; i < n; i++) {
      if (i > 0) {
        space(r, json);
        json.append(',');
      }
      space(r, json);
      nested(r, json, shape, dim + 1, type, nonNumeric, intruders, ragged);
    }
    space(r, json);
    json.append(']');
  }

  private static void space(SplittableRandom r, StringBuilder json) {
    if (r.nextInt(4) == 0) {
      json.append(new String[] {" ", "\n", "\t", "\r\n  ", "  "}[r.nextInt(5)]);
    }
  }

  private static String intruder(SplittableRandom r) {
    return new String[] {"1.5", "true", "null", "\"s\"", "-1", "300", "1e3", "NaN", "-Infinity",
        "99999999999999999999", "18446744073709551616", "-9223372036854775809", "{}", "{\"b64\": \"AAE=\"}",
        "{\"b64\": \"***\"}", "[1]", "[]", "01", "1.", "-", "1e", "0x10", "+1", "2.0", "-0"}[r.nextInt(25)];
  }

  /** An element of the type; {@code type} null: a plain string (printable ASCII, no escapes), some long. */
  private static String element(SplittableRandom r, DataType type, boolean nonNumeric) {
    if (type == null) {
      StringBuilder s = new StringBuilder("\"");
      int length = r.nextInt(40) == 0 ? r.nextInt(3000) : r.nextInt(12);
      for (int i = 0; i < length; i++) {
        char c = (char) r.nextInt(0x20, 0x80);
        s.append(c == '"' || c == '\\' ? 'q' : c);
      }
      return s.append('"').toString();
    }
    switch (type) {
      case BOOL:
        return r.nextBoolean() ? "true" : "false";
      case BYTES:
        // Plain strings (the fast road's), and what it leaves to the token road: escapes, UTF-8, objects.
        return new String[] {"\"\"", "\"text\"", "\"Grüße \\u00e9\\n\\\"\"", "\"\\ud83d\\ude80\"",
            "{\"b64\": \"/wDY\"}", "\"w4711\"", "\"a, [b]\"", "\"\\\\\"", "\"é\"", "\"]\"", "\"\\/\""}[r.nextInt(11)];
      case INT8: case INT16: case INT32: case INT64: {
        int bits = type.byteSize() * 8;
        long v = r.nextInt(3) == 0 ? r.nextLong() >> (64 - bits) : r.nextInt(-1000, 1000);
        return Long.toString(v);
      }
      case UINT8: case UINT16: case UINT32:
        return Long.toString(r.nextLong() >>> (64 - type.byteSize() * 8));
      case UINT64:
        return r.nextInt(3) == 0 ? Long.toUnsignedString(r.nextLong()) : Long.toString(r.nextInt(100_000));
      default:
        return floating(r, type, nonNumeric);
    }
  }

  /** A number in one of the ways a server writes it, sometimes beyond what the type holds exactly. */
  private static String floating(SplittableRandom r, DataType type, boolean nonNumeric) {
    if (nonNumeric && r.nextInt(30) == 0) {
      return new String[] {"NaN", "Infinity", "-Infinity"}[r.nextInt(3)];
    }
    double d;
    switch (r.nextInt(6)) {
      case 0: d = Float.intBitsToFloat(r.nextInt()); break;
      case 1: d = Double.longBitsToDouble(r.nextLong()); break;
      case 2: d = r.nextInt(-100_000, 100_000); break;
      case 3: d = r.nextDouble() * Math.pow(10, r.nextInt(-40, 40)); break;
      case 4: d = Math.nextUp((float) r.nextDouble()) / 2 + Math.nextDown((float) r.nextDouble()) / 2; break;
      default: d = r.nextDouble(); break;
    }
    if (!Double.isFinite(d)) {
      d = 0.5;
    }
    switch (r.nextInt(7)) {
      case 0: return Float.isFinite((float) d) ? FloatText.toString((float) d) : "1e39";
      case 1: return Double.toString(d);
      case 2: {
        String plain = new BigDecimal(d).toString(); // exact, often long: truncated-mantissa and halfway cases
        return plain.length() > 900 ? Double.toString(d) : plain;
      }
      case 3: return String.format("%.17e", d).replace("e+0", "E").replace("e-0", "e-");
      case 4: return Long.toString((long) d);
      case 5: {
        // Exactly halfway between two floats, or just past it.
        float f = (float) d;
        if (!Float.isFinite(f) || !Float.isFinite(Math.nextUp(f))) {
          return "1.5";
        }
        BigDecimal half = new BigDecimal(f).add(new BigDecimal(Math.nextUp(f))).divide(BigDecimal.valueOf(2));
        String s = half.toString();
        return s.length() > 900 ? "2.5" : r.nextBoolean() ? s : s + "1";
      }
      default: return Float.isFinite((float) d) ? Double.toString((float) d) : "-1e39";
    }
  }
}
