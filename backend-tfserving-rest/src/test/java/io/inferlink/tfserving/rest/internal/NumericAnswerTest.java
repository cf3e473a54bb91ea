package io.inferlink.tfserving.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferlink.DataType;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import io.inferlink.tfserving.rest.TfServingRestOptions.RequestFormat;
import io.inferlink.transport.http.ByteChunks;
import io.inferlink.transport.http.ChunkedOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast road for plain numeric answers gives exactly the general reader's tensors, and gives up
 * (null) on everything it does not take, so the general reader keeps its messages.
 */
class NumericAnswerTest {
  private static ByteChunks body(String json) {
    return ByteChunks.ofBytes(json.getBytes(StandardCharsets.UTF_8));
  }

  private static OutputTypes typed(DataType dtype) {
    return OutputTypes.of(List.of(new TensorSpec("y", dtype, new long[] {-1})));
  }

  /** Both readers on one document: the same tensors (or both fail), and the fast one took it. */
  private static void same(String json, OutputTypes types) {
    List<Tensor> fast = NumericAnswer.read(body(json), types);
    assertNotNull(fast, "the fast road gave up on " + abbreviate(json));
    assertEquals(PredictResponseReader.readGeneral(body(json), types), fast, abbreviate(json));
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  @Test
  void theFormsTfServingAnswersWith() {
    same("{\"outputs\": [[1.5, 2.0], [3.25, -4e-3]]}", OutputTypes.UNKNOWN);
    same("{\"outputs\":3.5}", OutputTypes.UNKNOWN);
    same("{\"outputs\": {\"a\": [1, 2, 3], \"b\": [[0.5]]}}", OutputTypes.UNKNOWN);
    same("{\n  \"predictions\": [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]\n}", OutputTypes.UNKNOWN);
    same("{\"predictions\": [7, 8, 9]}", OutputTypes.UNKNOWN);
    same("{\"outputs\": []}", OutputTypes.UNKNOWN);
    same("{\"outputs\": [[], []]}", OutputTypes.UNKNOWN);
    same("{\"outputs\": [NaN, Infinity, -Infinity, -0.0, 0, -0]}", typed(DataType.FP32));
    same("{\"outputs\": [NaN, Infinity, -Infinity, -0.0, 1e-50, 1e50, 3.4028235e38, 3.4028236e38]}", typed(DataType.FP64));
    same("{\"outputs\": [1, -2, 9223372036854775807, -9223372036854775808]}", OutputTypes.UNKNOWN);
    same("{\"outputs\": [1.0E-46, 1.4E-45, 1.17549435E-38, 3.4028236e38, 1e39, 0.1234567890123456789]}", typed(DataType.FP32));
  }

  @Test
  void everyTypeTheSignatureNames() {
    for (DataType t : new DataType[] {DataType.INT8, DataType.UINT8, DataType.INT16, DataType.UINT16,
        DataType.INT32, DataType.UINT32, DataType.INT64, DataType.FP16, DataType.BF16, DataType.FP32, DataType.FP64}) {
      same("{\"outputs\": [0, 1, 100, 127]}", typed(t));
    }
    same("{\"outputs\": [0.5, -1.75, 65504.0, 1e-8]}", typed(DataType.FP16));
    same("{\"outputs\": [0.5, -1.75, 3.0e38, 1e-8]}", typed(DataType.BF16));
  }

  @Test
  void randomFloatsDoublesAndLongsReadAsTheGeneralReaderReadsThem() {
    Random random = new Random(11);
    for (int round = 0; round < 20; round++) {
      StringBuilder f32 = new StringBuilder("{\"outputs\": [");
      StringBuilder f64 = new StringBuilder("{\"outputs\": [");
      StringBuilder i64 = new StringBuilder("{\"predictions\": [");
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
      same(f32.append("]}").toString(), typed(DataType.FP32));
      same(f64.append("]}").toString(), typed(DataType.FP64));
      same(i64.append("]}").toString(), OutputTypes.UNKNOWN);
    }
  }

  @Test
  void anImageAnswerAsTheCodecWritesIt() {
    float[] values = new float[3 * 32 * 32];
    Random random = new Random(3);
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextFloat();
    }
    Tensor t = Tensor.ofFloats("y", values, 1, 3, 32, 32);
    InferenceRequest request = InferenceRequest.builder("m").input(t).build();
    ChunkedOutput written = new ChunkedOutput();
    PredictRequestWriter.write(request, request.inputs().values(), RequestFormat.COLUMNAR, false, written);
    String json = new String(ByteChunks.of(written.chunks()).toByteArray(), StandardCharsets.UTF_8)
        .replace("{\"inputs\":{\"y\":", "{\"outputs\":").replaceAll("}}$", "}");
    same(json, OutputTypes.of(List.of(new TensorSpec("y", DataType.FP32, new long[] {-1, -1, -1, -1}))));
    assertEquals(t, NumericAnswer.read(body(json), OutputTypes.UNKNOWN).get(0).withName("y"));
  }

  @Test
  void everythingElseIsLeftToTheGeneralReader() {
    List<String> others = new ArrayList<>(List.of(
        "{\"outputs\": [\"text\"]}",
        "{\"outputs\": {\"b64\": \"AAE=\"}}",
        "{\"outputs\": [true, false]}",
        "{\"outputs\": [[1, 2], [3]]}",                  // ragged
        "{\"outputs\": [[1, 2], 3]}",                    // mixed depth
        "{\"outputs\": [1, 2], \"model_spec\": {}}",     // another field
        "{\"outputs\": {\"a\\u0041\": [1]}}",            // an escape in a name
        "{\"outputs\": {}}",
        "{\"outputs\": {\"a\": [1], \"a\": [2]}}",       // a repeated name
        "{\"predictions\": [{\"a\": 1}]}",               // named rows
        "{\"predictions\": []}",
        "{\"outputs\": [01]}",
        "{\"outputs\": [1.]}",
        "{\"outputs\": [-NaN]}",
        "{\"outputs\": [+1]}",
        "{\"outputs\": [1, 2]} trailing",
        "{\"outputs\": [1, 2]",                          // truncated
        "{\"outputs\": [1 2]}",
        "{\"outputs\": [18446744073709551615]}",         // beyond INT64: UINT64
        "[1, 2]"));
    for (String json : others) {
      assertNull(NumericAnswer.read(body(json), OutputTypes.UNKNOWN), json);
    }
    // With a signature, the first pass only counts: the second must still refuse what JSON does not allow.
    for (String json : new String[] {"{\"outputs\": [1, 01]}", "{\"outputs\": [1, 1.]}", "{\"outputs\": [1e]}",
        "{\"outputs\": [1, -]}", "{\"outputs\": [1, x]}", "{\"outputs\": [1, 1e+]}", "{\"outputs\": [1,]}",
        "{\"outputs\": [1 2]}", "{\"outputs\": [1.2.3]}", "{\"outputs\": [-NaN]}", "{\"outputs\": [\"1\"]}",
        "{\"outputs\": [true]}", "{\"outputs\": [1, 2"}) {
      assertNull(NumericAnswer.read(body(json), typed(DataType.FP32)), json);
    }
    assertNull(NumericAnswer.read(body("{\"outputs\": [1.5]}"), typed(DataType.INT32)), "a fraction for an integer type");
    assertNull(NumericAnswer.read(body("{\"outputs\": [300]}"), typed(DataType.INT8)), "out of range");
    assertNull(NumericAnswer.read(body("{\"outputs\": [1]}"), typed(DataType.BOOL)));
    assertNull(NumericAnswer.read(ByteChunks.of(List.of(ByteBuffer.wrap("{\"outputs\": ".getBytes(StandardCharsets.UTF_8)),
        ByteBuffer.wrap("[1]}".getBytes(StandardCharsets.UTF_8)))), OutputTypes.UNKNOWN), "two chunks");
  }

  @Test
  void eightDigitsAtOnce() {
    java.util.function.ToLongFunction<String> chunk = text -> ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII))
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(12345678, NumericAnswer.eightDigits(chunk.applyAsLong("12345678")));
    assertEquals(0, NumericAnswer.eightDigits(chunk.applyAsLong("00000000")));
    assertEquals(99999999, NumericAnswer.eightDigits(chunk.applyAsLong("99999999")));
    assertEquals(1, NumericAnswer.eightDigits(chunk.applyAsLong("00000001")));
    Random random = new Random(5);
    for (int i = 0; i < 100_000; i++) {
      int v = random.nextInt(100_000_000);
      assertEquals(v, NumericAnswer.eightDigits(chunk.applyAsLong(String.format("%08d", v))));
    }
    for (String notDigits : new String[] {"1234567,", "1234567]", "/2345678", ":2345678", "1234 678", "1234567e", "-1234567"}) {
      assertEquals(-1, NumericAnswer.eightDigits(chunk.applyAsLong(notDigits)), notDigits);
    }
    java.util.function.ToIntFunction<String> four = text -> ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII))
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    for (int v = 0; v < 10_000; v++) {
      assertEquals(v, NumericAnswer.fourDigits(four.applyAsInt(String.format("%04d", v))));
    }
    for (String notDigits : new String[] {"123,", "12]3", "/234", ":234", "12 4", "123e", "-123", "1\u00ff23"}) {
      assertEquals(-1, NumericAnswer.fourDigits(four.applyAsInt(notDigits.substring(0, 4))), notDigits);
    }
  }

  @Test
  void roundingTwiceIsCaughtAtFloatMidpoints() {
    // 1 + 2^-24 is exactly halfway between two floats: a double landing there must not be trusted.
    double midpoint = 1 + Math.scalb(1.0, -24);
    assertFalse(NumericAnswer.roundsOnceToFloat(midpoint, (float) midpoint));
    assertTrue(NumericAnswer.roundsOnceToFloat(1.5, 1.5f));
    same("{\"outputs\": [1.000000059604644775390625, 1.0000000596046448, 1.00000005960464477539062500001]}",
        typed(DataType.FP32));
  }
}
