package io.inferlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code fromArray} and {@code toArray}: shapes from nesting, leaf types, ragged input. */
class TensorNestedArrayTest {

  private static void assertShape(Tensor t, long... shape) {
    assertArrayEquals(shape, t.shape());
  }

  /** toArray() must give back the same nested array, and fromArray() of it the same tensor. */
  private static void assertInverse(Tensor t, Object nested) {
    Object back = t.toArray();
    assertEquals(nested.getClass(), back.getClass());
    assertTrue(java.util.Objects.deepEquals(nested, back), "toArray() of " + t);
    assertEquals(t, Tensor.fromArray(t.name(), t.dtype(), back));
  }

  // ------------------------------------------------------------------ inferred types

  @Test
  void leafTypesGiveTheDataType() {
    boolean[][] bools = {{true, false}, {false, true}};
    Tensor b = Tensor.fromArray("x", bools);
    assertEquals(DataType.BOOL, b.dtype());
    assertShape(b, 2, 2);
    assertArrayEquals(new boolean[] {true, false, false, true}, b.toBooleanArray());
    assertInverse(b, bools);

    byte[] int8 = {1, -2, 3};
    Tensor i8 = Tensor.fromArray("x", int8);
    assertEquals(DataType.INT8, i8.dtype());
    assertShape(i8, 3);
    assertInverse(i8, int8);

    short[][] int16 = {{1, -2, 3}};
    Tensor i16 = Tensor.fromArray("x", int16);
    assertEquals(DataType.INT16, i16.dtype());
    assertShape(i16, 1, 3);
    assertInverse(i16, int16);

    int[][] int32 = {{1, 2, 3}, {4, 5, 6}};
    Tensor i32 = Tensor.fromArray("x", int32);
    assertEquals(DataType.INT32, i32.dtype());
    assertShape(i32, 2, 3);
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, i32.toIntArray(), "row-major");
    assertEquals(Tensor.ofInts("x", new int[] {1, 2, 3, 4, 5, 6}, 2, 3), i32);
    assertInverse(i32, int32);

    long[][][] int64 = {{{1}, {2}}, {{3}, {4}}, {{5}, {6}}};
    Tensor i64 = Tensor.fromArray("x", int64);
    assertEquals(DataType.INT64, i64.dtype());
    assertShape(i64, 3, 2, 1);
    assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6}, i64.toLongArray());
    assertInverse(i64, int64);

    float[][] fp32 = {{1.5f, 2.5f}, {3.5f, 4.5f}, {5.5f, 6.5f}};
    Tensor f32 = Tensor.fromArray("x", fp32);
    assertEquals(DataType.FP32, f32.dtype());
    assertShape(f32, 3, 2);
    assertEquals(Tensor.ofFloats("x", new float[] {1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f}, 3, 2), f32);
    assertInverse(f32, fp32);

    double[] fp64 = {Math.E, -1};
    Tensor f64 = Tensor.fromArray("x", fp64);
    assertEquals(DataType.FP64, f64.dtype());
    assertInverse(f64, fp64);

    String[][] strings = {{"a", "bé"}, {"", "日本"}};
    Tensor s = Tensor.fromArray("x", strings);
    assertEquals(DataType.BYTES, s.dtype());
    assertShape(s, 2, 2);
    assertEquals(List.of("a", "bé", "", "日本"), s.toStringList());
    assertInverse(s, strings);
  }

  // ------------------------------------------------------------------ explicit types

  @Test
  void explicitTypesTakeTheirLeaves() {
    byte[][] u8 = {{(byte) 255, 0}};
    Tensor a = Tensor.fromArray("x", DataType.UINT8, u8);
    assertEquals(DataType.UINT8, a.dtype());
    assertArrayEquals(new int[] {255, 0}, a.toIntArray());
    assertInverse(a, u8);

    short[] u16 = {(short) 0xFFFF};
    Tensor b = Tensor.fromArray("x", DataType.UINT16, u16);
    assertArrayEquals(new long[] {65535}, b.toLongArray());
    assertInverse(b, u16);

    int[][] u32 = {{-1}, {2}};
    Tensor c = Tensor.fromArray("x", DataType.UINT32, u32);
    assertArrayEquals(new long[] {4294967295L, 2}, c.toLongArray());
    assertInverse(c, u32);

    long[] u64 = {-1L};
    Tensor d = Tensor.fromArray("x", DataType.UINT64, u64);
    assertEquals(0x1p64, d.getDouble(0));
    assertInverse(d, u64);

    float[][] halves = {{1f, 0.5f}, {-2f, 65504f}};
    Tensor h = Tensor.fromArray("x", DataType.FP16, halves);
    assertEquals(DataType.FP16, h.dtype());
    assertArrayEquals(new short[] {0x3C00, 0x3800, (short) 0xC000, 0x7BFF}, h.toShortArray());
    assertInverse(h, halves);

    float[] brains = {1f, -0.5f};
    Tensor bf = Tensor.fromArray("x", DataType.BF16, brains);
    assertArrayEquals(new short[] {0x3F80, (short) 0xBF00}, bf.toShortArray());
    assertInverse(bf, brains);

    // Explicit types that match the inferred ones give the same tensors.
    assertEquals(Tensor.fromArray("x", new int[] {1}), Tensor.fromArray("x", DataType.INT32, new int[] {1}));
    assertInverse(Tensor.fromArray("x", DataType.BOOL, new boolean[] {true}), new boolean[] {true});
    assertInverse(Tensor.fromArray("x", DataType.INT8, new byte[] {-1}), new byte[] {-1});
    assertInverse(Tensor.fromArray("x", DataType.INT16, new short[] {-1}), new short[] {-1});
    assertInverse(Tensor.fromArray("x", DataType.INT64, new long[] {-1}), new long[] {-1});
    assertInverse(Tensor.fromArray("x", DataType.FP32, new float[] {-1}), new float[] {-1});
    assertInverse(Tensor.fromArray("x", DataType.FP64, new double[] {-1}), new double[] {-1});
  }

  @Test
  void fp16ToArrayGivesTheRoundedValues() {
    Tensor h = Tensor.fromArray("x", DataType.FP16, new float[] {0.1f});
    assertArrayEquals(new float[] {0.0999755859375f}, (float[]) h.toArray());
  }

  @Test
  void bytesTakesStringOrByteArrayLeaves() {
    byte[][] vector = {{0, 1, 0}, {}, {(byte) 0xFF}};
    Tensor v = Tensor.fromArray("x", DataType.BYTES, vector);
    assertShape(v, 3);
    List<byte[]> elements = v.toBytesList();
    assertArrayEquals(vector[0], elements.get(0));
    assertArrayEquals(vector[1], elements.get(1));
    assertArrayEquals(vector[2], elements.get(2));
    assertEquals(Tensor.ofBytes("x", vector, 3), v);

    byte[][][] matrix = {{"a".getBytes(StandardCharsets.UTF_8), {}}, {{1}, {2, 3}}};
    Tensor m = Tensor.fromArray("x", DataType.BYTES, matrix);
    assertShape(m, 2, 2);
    assertArrayEquals(new byte[] {2, 3}, m.toBytesList().get(3));

    Tensor scalar = Tensor.fromArray("x", DataType.BYTES, new byte[] {'h', 'i'});
    assertEquals(0, scalar.rank());
    assertEquals("hi", scalar.toArray());

    // Without the explicit type, byte[] is an INT8 vector, not one BYTES element.
    assertEquals(DataType.INT8, Tensor.fromArray("x", new byte[] {'h', 'i'}).dtype());

    String[] strings = {"x\u0000y", "ü"};
    Tensor s = Tensor.fromArray("x", DataType.BYTES, strings);
    assertEquals(Tensor.ofStrings("x", strings, 2), s);
    assertInverse(s, strings);
  }

  // ------------------------------------------------------------------ scalars

  @Test
  void boxedValuesAreScalars() {
    Tensor f = Tensor.fromArray("x", 3.5f);
    assertEquals(DataType.FP32, f.dtype());
    assertEquals(0, f.rank());
    assertEquals(1, f.elementCount());
    assertEquals(Float.valueOf(3.5f), f.toArray());

    Tensor l = Tensor.fromArray("x", 7L);
    assertEquals(DataType.INT64, l.dtype());
    assertEquals(Long.valueOf(7), l.toArray());

    Tensor s = Tensor.fromArray("x", "héllo");
    assertEquals(DataType.BYTES, s.dtype());
    assertEquals("héllo", s.toArray());

    Tensor h = Tensor.fromArray("x", DataType.FP16, 1.5f);
    assertEquals(DataType.FP16, h.dtype());
    assertEquals(Float.valueOf(1.5f), h.toArray());

    assertEquals(Boolean.TRUE, Tensor.fromArray("x", true).toArray());
    assertEquals(Byte.valueOf((byte) -3), Tensor.fromArray("x", (byte) -3).toArray());
    assertEquals(Short.valueOf((short) 300), Tensor.fromArray("x", (short) 300).toArray());
    assertEquals(Integer.valueOf(-9), Tensor.fromArray("x", -9).toArray());
    assertEquals(Double.valueOf(2.25), Tensor.fromArray("x", 2.25).toArray());
    assertEquals(Integer.valueOf(-1), Tensor.fromArray("x", DataType.UINT32, -1).toArray());
    assertEquals(Tensor.ofDoubles("x", new double[] {2.25}), Tensor.fromArray("x", 2.25));
  }

  // ------------------------------------------------------------------ zero-size and rank 5

  @Test
  void zeroLengthDimensions() {
    Tensor t = Tensor.fromArray("x", new float[2][0]);
    assertShape(t, 2, 0);
    assertEquals(0, t.byteSize());
    assertInverse(t, new float[2][0]);

    // Below an empty dimension nothing can be measured: the rank comes from the type, the
    // hidden dimensions are 0.
    Tensor hidden = Tensor.fromArray("x", new float[0][3]);
    assertShape(hidden, 0, 0);

    Tensor strings = Tensor.fromArray("x", new String[0]);
    assertEquals(DataType.BYTES, strings.dtype());
    assertShape(strings, 0);
  }

  @Test
  void rankFive() {
    int[][][][][] nested = new int[1][2][1][3][2];
    int next = 0;
    for (int[][][][] a : nested) {
      for (int[][][] b : a) {
        for (int[][] c : b) {
          for (int[] d : c) {
            for (int e = 0; e < d.length; e++) {
              d[e] = next++;
            }
          }
        }
      }
    }
    Tensor t = Tensor.fromArray("x", nested);
    assertShape(t, 1, 2, 1, 3, 2);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, t.toIntArray());
    assertInverse(t, nested);
  }

  @Test
  void fromArrayCopies() {
    float[][] nested = {{1, 2}};
    Tensor t = Tensor.fromArray("x", nested);
    nested[0][0] = 99;
    assertEquals(1f, t.toFloatArray()[0]);
  }

  // ------------------------------------------------------------------ errors

  @Test
  void raggedArraysNameTheRaggedIndex() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromArray("x", new float[][] {{1, 2, 3}, {4, 5}}));
    assertTrue(e.getMessage().contains("ragged"), e.getMessage());
    assertTrue(e.getMessage().contains("[1] has length 2"), e.getMessage());
    assertTrue(e.getMessage().contains("dimension 1"), e.getMessage());

    int[][][] deep = {{{1, 2}, {3, 4}}, {{5, 6, 7}, {8, 9}}};
    IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromArray("x", deep));
    assertTrue(d.getMessage().contains("[1][0] has length 3"), d.getMessage());
    assertTrue(d.getMessage().contains("dimension 2"), d.getMessage());

    String[][] strings = {{"a"}, {}};
    IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromArray("x", strings));
    assertTrue(s.getMessage().contains("[1] has length 0"), s.getMessage());
  }

  @Test
  void nullsInsideAreRejectedWithTheirPath() {
    NullPointerException row = assertThrows(NullPointerException.class,
        () -> Tensor.fromArray("x", new float[][] {{1}, null}));
    assertTrue(row.getMessage().contains("[1]"), row.getMessage());
    NullPointerException leaf = assertThrows(NullPointerException.class,
        () -> Tensor.fromArray("x", new String[][] {{"a", "b"}, {"c", null}}));
    assertTrue(leaf.getMessage().contains("[1][1]"), leaf.getMessage());
    NullPointerException first = assertThrows(NullPointerException.class,
        () -> Tensor.fromArray("x", new int[][] {null, {1}}));
    assertTrue(first.getMessage().contains("[0]"), first.getMessage());
    assertEquals("nestedArray", assertThrows(NullPointerException.class,
        () -> Tensor.fromArray("x", null)).getMessage());
    assertEquals("dtype", assertThrows(NullPointerException.class,
        () -> Tensor.fromArray("x", null, new int[1])).getMessage());
  }

  @Test
  void leavesMustFitTheType() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromArray("x", DataType.FP16, new double[] {1}));
    assertTrue(e.getMessage().contains("FP16") && e.getMessage().contains("float"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromArray("x", DataType.INT32, new long[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromArray("x", DataType.UINT8, new short[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromArray("x", DataType.BYTES, new int[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromArray("x", DataType.FP32, "1.0"));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> Tensor.fromArray("x", new Object[] {new float[] {1}}));
    assertTrue(unknown.getMessage().contains("Object"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Tensor.fromArray("x", new char[] {'a'}));
  }

  @Test
  void bytesToArrayBuildsStringLeaves() {
    Tensor t = Tensor.ofStrings("x", new String[] {"a", "b", "c", "d", "e", "f"}, 3, 1, 2);
    Object back = t.toArray();
    assertInstanceOf(String[][][].class, back);
    assertEquals("f", ((String[][][]) back)[2][0][1]);
  }
}
