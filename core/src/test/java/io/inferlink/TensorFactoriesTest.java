package io.inferlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Round trips of every data type through the copying factories, the getters and {@code wrap}. */
class TensorFactoriesTest {

  static byte[] bytesOf(Tensor t) {
    ByteBuffer data = t.data();
    byte[] out = new byte[data.remaining()];
    data.get(out);
    return out;
  }

  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  /** A tensor rebuilt with {@code wrap} from its own data must equal the original. */
  static Tensor rewrapped(Tensor t) {
    Tensor copy = Tensor.wrap(t.name(), t.dtype(), t.data(), t.shape());
    assertEquals(t, copy);
    assertArrayEquals(bytesOf(t), bytesOf(copy));
    return copy;
  }

  static void assertIllegalState(String dtype, Executable call) {
    IllegalStateException e = assertThrows(IllegalStateException.class, call);
    assertTrue(e.getMessage().contains(dtype), e.getMessage());
  }

  // ------------------------------------------------------------------ the thirteen types

  @Test
  void bool() {
    boolean[] values = {true, false, true, true, false, false};
    Tensor t = rewrapped(Tensor.ofBooleans("b", values, 2, 3));
    assertEquals(DataType.BOOL, t.dtype());
    assertArrayEquals(values, t.toBooleanArray());
    assertArrayEquals(bytes(1, 0, 1, 1, 0, 0), t.toByteArray());
    assertArrayEquals(new long[] {1, 0, 1, 1, 0, 0}, t.toLongArray());
    assertArrayEquals(new double[] {1, 0, 1, 1, 0, 0}, t.toDoubleArray());
    assertEquals(1L, t.getLong(3));
    assertEquals(0.0, t.getDouble(4));
    // Any non-zero byte on the wire counts as true.
    Tensor wrapped = Tensor.wrap("b", DataType.BOOL, ByteBuffer.wrap(bytes(0, 2, 0xFF)), 3);
    assertArrayEquals(new boolean[] {false, true, true}, wrapped.toBooleanArray());
    assertArrayEquals(new long[] {0, 1, 1}, wrapped.toLongArray());
    assertIllegalState("BOOL", t::toIntArray);
    assertIllegalState("BOOL", t::toFloatArray);
  }

  @Test
  void int8() {
    byte[] values = bytes(-128, -1, 0, 1, 127);
    Tensor t = rewrapped(Tensor.ofInt8("i8", values, 5));
    assertArrayEquals(values, t.toByteArray());
    assertArrayEquals(bytes(0x80, 0xFF, 0, 1, 0x7F), bytesOf(t));
    assertArrayEquals(new int[] {-128, -1, 0, 1, 127}, t.toIntArray());
    assertArrayEquals(new long[] {-128, -1, 0, 1, 127}, t.toLongArray());
    assertArrayEquals(new double[] {-128, -1, 0, 1, 127}, t.toDoubleArray());
    assertEquals(-128L, t.getLong(0));
    assertIllegalState("INT8", t::toShortArray);
    assertIllegalState("INT8", t::toBooleanArray);
  }

  @Test
  void uint8() {
    byte[] values = bytes(255, 0, 128, 1);
    Tensor t = rewrapped(Tensor.ofUint8("u8", values, 2, 2));
    assertArrayEquals(values, t.toByteArray());
    assertArrayEquals(new int[] {255, 0, 128, 1}, t.toIntArray());
    assertArrayEquals(new long[] {255, 0, 128, 1}, t.toLongArray());
    assertArrayEquals(new double[] {255, 0, 128, 1}, t.toDoubleArray());
    assertEquals(255.0, t.getDouble(0));
  }

  @Test
  void int16() {
    short[] values = {Short.MIN_VALUE, -1, 0x1234, Short.MAX_VALUE};
    Tensor t = rewrapped(Tensor.ofInt16("i16", values, 4));
    assertArrayEquals(bytes(0x00, 0x80, 0xFF, 0xFF, 0x34, 0x12, 0xFF, 0x7F), bytesOf(t));
    assertArrayEquals(values, t.toShortArray());
    short[] view = new short[4];
    t.asShortBuffer().get(view);
    assertArrayEquals(values, view);
    assertArrayEquals(new int[] {-32768, -1, 0x1234, 32767}, t.toIntArray());
    assertArrayEquals(new long[] {-32768, -1, 0x1234, 32767}, t.toLongArray());
    assertEquals(-1.0, t.getDouble(1));
    assertIllegalState("INT16", t::toByteArray);
  }

  @Test
  void uint16() {
    short[] values = {(short) 0xFFFF, (short) 0x8000, 1};
    Tensor t = rewrapped(Tensor.ofUint16("u16", values, 3));
    assertArrayEquals(values, t.toShortArray());
    assertArrayEquals(new int[] {65535, 32768, 1}, t.toIntArray());
    assertArrayEquals(new long[] {65535, 32768, 1}, t.toLongArray());
    assertArrayEquals(new double[] {65535, 32768, 1}, t.toDoubleArray());
  }

  @Test
  void int32() {
    int[] values = {Integer.MIN_VALUE, -2, 258, Integer.MAX_VALUE};
    Tensor t = rewrapped(Tensor.ofInts("i32", values, 2, 2));
    assertArrayEquals(
        bytes(0, 0, 0, 0x80, 0xFE, 0xFF, 0xFF, 0xFF, 2, 1, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F), bytesOf(t));
    assertArrayEquals(values, t.toIntArray());
    assertEquals(258, t.asIntBuffer().get(2));
    assertArrayEquals(new long[] {Integer.MIN_VALUE, -2, 258, Integer.MAX_VALUE}, t.toLongArray());
    assertEquals((double) Integer.MIN_VALUE, t.getDouble(0));
    assertIllegalState("INT32", t::toFloatArray);
    assertIllegalState("INT32", t::asFloatBuffer);
    assertIllegalState("INT32", t::asLongBuffer);
  }

  @Test
  void uint32() {
    int[] values = {-1, Integer.MIN_VALUE, 7};
    Tensor t = rewrapped(Tensor.ofUint32("u32", values, 3));
    assertArrayEquals(values, t.toIntArray(), "raw bits");
    assertArrayEquals(new long[] {4294967295L, 2147483648L, 7}, t.toLongArray());
    assertArrayEquals(new double[] {4294967295.0, 2147483648.0, 7}, t.toDoubleArray());
    assertEquals(4294967295L, t.getLong(0));
    assertEquals(-1, t.asIntBuffer().get(0));
  }

  @Test
  void int64() {
    long[] values = {Long.MIN_VALUE, -1, 1, Long.MAX_VALUE};
    Tensor t = rewrapped(Tensor.ofLongs("i64", values, 4));
    assertArrayEquals(bytes(1, 0, 0, 0, 0, 0, 0, 0), java.util.Arrays.copyOfRange(bytesOf(t), 16, 24));
    assertArrayEquals(values, t.toLongArray());
    assertEquals(Long.MAX_VALUE, t.asLongBuffer().get(3));
    assertEquals(-1L, t.getLong(1));
    assertEquals(0x1p63, t.getDouble(3));
    assertIllegalState("INT64", t::toIntArray);
  }

  @Test
  void uint64() {
    long[] values = {-1L, Long.MIN_VALUE, 42};
    Tensor t = rewrapped(Tensor.ofUint64("u64", values, 3));
    assertArrayEquals(values, t.toLongArray(), "raw bits");
    assertEquals(-1L, t.getLong(0));
    assertArrayEquals(new double[] {0x1p64, 0x1p63, 42}, t.toDoubleArray());
  }

  @Test
  void uint64AsDoubleRoundsToNearestLikeBigInteger() {
    SplittableRandom random = new SplittableRandom(7);
    long[] values = new long[10_000];
    for (int i = 0; i < values.length; i++) {
      // Mostly negative longs (values >= 2^63), plus the tie cases around 2^53 granularity.
      values[i] = i % 2 == 0 ? random.nextLong() | Long.MIN_VALUE : (random.nextLong() & ~0x7FFL) | 0x400L;
    }
    Tensor t = Tensor.ofUint64("u", values, values.length);
    double[] doubles = t.toDoubleArray();
    for (int i = 0; i < values.length; i++) {
      BigInteger unsigned = new BigInteger(Long.toUnsignedString(values[i]));
      assertEquals(unsigned.doubleValue(), doubles[i], "unsigned " + unsigned);
    }
  }

  @Test
  void fp16() {
    float[] values = {1.0f, -2.5f, 65504f, 1e-8f, 0.1f};
    Tensor t = rewrapped(Tensor.ofFp16("h", values, 5));
    assertEquals(10, t.byteSize());
    assertArrayEquals(bytes(0x00, 0x3C, 0x00, 0xC1), java.util.Arrays.copyOf(bytesOf(t), 4));
    assertArrayEquals(
        new short[] {0x3C00, (short) 0xC100, 0x7BFF, 0x0000, 0x2E66}, t.toShortArray());
    assertArrayEquals(new float[] {1.0f, -2.5f, 65504f, 0f, 0.0999755859375f}, t.toFloatArray());
    assertEquals(0.0999755859375, t.getDouble(4));
    assertEquals(0x2E66, t.asShortBuffer().get(4));
    assertIllegalState("FP16", t::asFloatBuffer);
    assertIllegalState("FP16", () -> t.getLong(0));
  }

  @Test
  void bf16() {
    float[] values = {1.0f, -2.5f, 0.1f};
    Tensor t = rewrapped(Tensor.ofBf16("bf", values, 3));
    assertArrayEquals(new short[] {0x3F80, (short) 0xC020, 0x3DCD}, t.toShortArray());
    assertArrayEquals(bytes(0x80, 0x3F), java.util.Arrays.copyOf(bytesOf(t), 2));
    assertArrayEquals(new float[] {1.0f, -2.5f, 0.10009765625f}, t.toFloatArray());
    assertArrayEquals(new double[] {1.0, -2.5, 0.10009765625}, t.toDoubleArray());
  }

  @Test
  void fp32() {
    float[] values = {1.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY, 3.25f, Float.MIN_VALUE};
    Tensor t = rewrapped(Tensor.ofFloats("f", values, 3, 2));
    assertArrayEquals(bytes(0, 0, 0x80, 0x3F, 0, 0, 0, 0x80), java.util.Arrays.copyOf(bytesOf(t), 8));
    assertArrayEquals(values, t.toFloatArray());
    assertEquals(3.25f, t.asFloatBuffer().get(4));
    assertEquals(3.25, t.getDouble(4));
    assertTrue(Double.isNaN(t.toDoubleArray()[2]));
    assertIllegalState("FP32", t::toIntArray);
    assertIllegalState("FP32", t::toLongArray);
    assertIllegalState("FP32", t::toByteArray);
    assertIllegalState("FP32", t::toStringList);
    assertIllegalState("FP32", t::asDoubleBuffer);
  }

  @Test
  void fp64() {
    double[] values = {1.0, Math.PI, -0.0, Double.MIN_VALUE};
    Tensor t = rewrapped(Tensor.ofDoubles("d", values, 4));
    assertArrayEquals(bytes(0, 0, 0, 0, 0, 0, 0xF0, 0x3F), java.util.Arrays.copyOf(bytesOf(t), 8));
    assertArrayEquals(values, t.toDoubleArray());
    assertEquals(Math.PI, t.asDoubleBuffer().get(1));
    assertEquals(Math.PI, t.getDouble(1));
    assertIllegalState("FP64", t::toFloatArray);
  }

  @Test
  void bytes() {
    Tensor t = rewrapped(Tensor.ofStrings("s", new String[] {"ab", "", "c"}, 3));
    assertArrayEquals(bytes(2, 0, 0, 0, 'a', 'b', 0, 0, 0, 0, 1, 0, 0, 0, 'c'), bytesOf(t));
    assertEquals(List.of("ab", "", "c"), t.toStringList());
    assertIllegalState("BYTES", t::toDoubleArray);
    assertIllegalState("BYTES", () -> t.getDouble(0));
    assertIllegalState("BYTES", t::toByteArray);
  }

  // ------------------------------------------------------------------ shapes

  @Test
  void emptyShapeIsAScalar() {
    Tensor t = Tensor.ofFloats("s", new float[] {3f});
    assertEquals(0, t.rank());
    assertArrayEquals(new long[0], t.shape());
    assertEquals(1, t.elementCount());
    assertEquals(4, t.byteSize());
    assertEquals(3f, t.toArray());
    assertEquals(t, rewrapped(t));
    Tensor s = Tensor.ofStrings("s", new String[] {"hi"});
    assertEquals(6, s.byteSize());
    assertEquals("hi", s.toArray());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.ofFloats("s", new float[] {1, 2}));
    assertEquals("tensor 's': 2 values do not fill shape [] (1 elements)", e.getMessage());
  }

  @Test
  void zeroSizeShapes() {
    Tensor empty = Tensor.ofFloats("z", new float[0], 0);
    assertEquals(0, empty.elementCount());
    assertEquals(0, empty.byteSize());
    assertEquals(0, empty.toFloatArray().length);
    rewrapped(empty);

    Tensor t = Tensor.ofInts("z", new int[0], 2, 0, 3);
    assertArrayEquals(new long[] {2, 0, 3}, t.shape());
    assertEquals(3, t.rank());
    assertEquals(0, t.elementCount());
    assertEquals(0, t.byteSize());
    assertEquals(0, t.toLongArray().length);
    rewrapped(t);
    int[][][] nested = (int[][][]) t.toArray();
    assertEquals(2, nested.length);
    assertEquals(0, nested[0].length);

    Tensor strings = Tensor.ofStrings("z", new String[0], 2, 0);
    assertEquals(0, strings.byteSize());
    assertEquals(List.of(), strings.toStringList());
    rewrapped(strings);

    // A zero dimension makes the count 0 even when the other dimensions multiply past a long.
    Tensor huge = Tensor.wrap("z", DataType.FP64, ByteBuffer.allocate(0), Long.MAX_VALUE, 2, 0);
    assertEquals(0, huge.elementCount());
  }

  @Test
  void rankFive() {
    float[] values = new float[12];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 0.5f;
    }
    Tensor t = rewrapped(Tensor.ofFloats("r5", values, 1, 2, 1, 3, 2));
    assertEquals(5, t.rank());
    assertEquals(12, t.elementCount());
    float[][][][][] nested = (float[][][][][]) t.toArray();
    assertEquals(values[11], nested[0][1][0][2][1]);
    assertEquals(values[7], nested[0][1][0][0][1]);
    assertEquals(t, Tensor.fromArray("r5", nested));
  }

  @Test
  void valuesMustFillTheShape() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.ofFloats("x", new float[5], 2, 3));
    assertEquals("tensor 'x': 5 values do not fill shape [2, 3] (6 elements)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Tensor.ofLongs("x", new long[7], 2, 3));
    assertThrows(IllegalArgumentException.class, () -> Tensor.ofStrings("x", new String[] {"a"}, 2));
    assertThrows(IllegalArgumentException.class, () -> Tensor.ofBytes("x", new byte[3][0], 2));
  }

  @Test
  void negativeDimensionsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.ofFloats("x", new float[2], 2, -1));
    assertTrue(e.getMessage().contains("negative"), e.getMessage());
    assertTrue(e.getMessage().contains("[2, -1]"), e.getMessage());
  }

  @Test
  void elementCountOverflowIsReported() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.ofFloats("x", new float[4], 1L << 62, 4));
    assertTrue(e.getMessage().contains("overflows"), e.getMessage());
    assertTrue(e.getMessage().contains("tensor 'x'"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.wrap("x", DataType.INT8, ByteBuffer.allocate(0), Long.MAX_VALUE, 2));
  }

  @Test
  void byteSizeOverTheBufferLimitIsReported() {
    // 2^28 FP64 elements need 2^31 bytes: a valid count, but past what one ByteBuffer holds.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.wrap("x", DataType.FP64, ByteBuffer.allocate(0), 1L << 28));
    assertTrue(e.getMessage().contains("2147483648"), e.getMessage());
    assertTrue(e.getMessage().contains(Integer.toString(Integer.MAX_VALUE - 8)), e.getMessage());
    // Beyond Long.MAX_VALUE bytes, the message still carries the exact figure.
    IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
        () -> Tensor.wrap("x", DataType.FP64, ByteBuffer.allocate(0), Long.MAX_VALUE));
    assertTrue(huge.getMessage().contains("73786976294838206456"), huge.getMessage());
  }

  @Test
  void nullsAndEmptyNamesAreRejectedWithTheParameterName() {
    assertEquals("name", assertThrows(NullPointerException.class,
        () -> Tensor.ofFloats(null, new float[1])).getMessage());
    assertEquals("values", assertThrows(NullPointerException.class,
        () -> Tensor.ofFloats("x", null)).getMessage());
    assertEquals("shape", assertThrows(NullPointerException.class,
        () -> Tensor.ofFloats("x", new float[1], (long[]) null)).getMessage());
    assertEquals("dtype", assertThrows(NullPointerException.class,
        () -> Tensor.wrap("x", null, ByteBuffer.allocate(4), 1)).getMessage());
    assertEquals("data", assertThrows(NullPointerException.class,
        () -> Tensor.wrap("x", DataType.FP32, null, 1)).getMessage());
    assertEquals("name", assertThrows(NullPointerException.class,
        () -> Tensor.ofFloats("x", new float[1]).withName(null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Tensor.ofInts("", new int[1]));
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.ofInts("x", new int[1]).withName(""));
  }

  @Test
  void factoriesCopyTheirInputAndGettersReturnCopies() {
    float[] values = {1, 2, 3};
    Tensor t = Tensor.ofFloats("x", values, 3);
    values[0] = 99;
    assertEquals(1f, t.toFloatArray()[0], "the factory copied");
    t.toFloatArray()[1] = 99;
    assertEquals(2f, t.toFloatArray()[1], "each getter call returns a fresh copy");
    long[] shape = t.shape();
    shape[0] = 7;
    assertArrayEquals(new long[] {3}, t.shape(), "shape() is a copy");
    long[] callerShape = {3};
    Tensor u = Tensor.ofFloats("x", new float[3], callerShape);
    callerShape[0] = 1;
    assertArrayEquals(new long[] {3}, u.shape(), "the factory copied the shape");
  }

  @Test
  void indexedGettersCheckBounds() {
    Tensor t = Tensor.ofInts("x", new int[] {5, 6}, 2);
    assertEquals(6L, t.getLong(1));
    assertThrows(IndexOutOfBoundsException.class, () -> t.getLong(2));
    assertThrows(IndexOutOfBoundsException.class, () -> t.getDouble(-1));
  }
}
