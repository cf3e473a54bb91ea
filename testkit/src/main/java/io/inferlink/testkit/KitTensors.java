package io.inferlink.testkit;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.nio.charset.StandardCharsets;

/**
 * The tensors the compatibility kit sends: for each element type, values that codecs get wrong
 * (extremes, negative zero, NaN and infinities, subnormals, embedded NULs, multi-byte UTF-8). Every
 * call builds new tensors; stateless and thread-safe.
 *
 * <p>NaN is always the canonical quiet NaN ({@link Float#NaN}, {@link Double#NaN}), because text
 * protocols cannot carry a NaN's payload; every other value survives a correct JSON encoding exactly.
 */
public final class KitTensors {
  private KitTensors() {}

  /**
   * A tensor of this type named {@code name}, holding the type's interesting values.
   *
   * @param dtype the element type of the sample
   * @param name the tensor's name in the request
   * @return a new tensor with the type's edge values (limits, zero, signs, NaN and infinities where the type has them)
   */
  public static Tensor sample(DataType dtype, String name) {
    switch (dtype) {
      case BOOL:
        return Tensor.ofBooleans(name, new boolean[] {true, false, false, true}, 2, 2);
      case UINT8:
        return Tensor.ofUint8(name, new byte[] {0, 1, 0x7f, (byte) 0x80, (byte) 0xff}, 5);
      case INT8:
        return Tensor.ofInt8(name, new byte[] {Byte.MIN_VALUE, -1, 0, 1, Byte.MAX_VALUE}, 5);
      case UINT16:
        return Tensor.ofUint16(name, new short[] {0, 1, 0x7fff, (short) 0x8000, (short) 0xffff}, 5);
      case INT16:
        return Tensor.ofInt16(name, new short[] {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE}, 5);
      case UINT32:
        return Tensor.ofUint32(name, new int[] {0, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, -1}, 5);
      case INT32:
        return Tensor.ofInts(name, new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}, 5);
      case UINT64:
        return Tensor.ofUint64(name, new long[] {0, 1, Long.MAX_VALUE, Long.MIN_VALUE, -1}, 5);
      case INT64:
        return Tensor.ofLongs(name, new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}, 5);
      case FP16:
        return Tensor.ofFp16(name, new float[] {0f, -0f, 1f, -2.5f, 65504f, 0x1p-14f, 0x1p-24f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}, 2, 5);
      case BF16:
        return Tensor.ofBf16(name, new float[] {0f, -0f, 1f, -2.5f, 0x1.fep127f, 0x1p-126f, 0x1p-133f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}, 2, 5);
      case FP32:
        return Tensor.ofFloats(name, new float[] {0f, -0f, 1f, -1.5f, 3.1415927f, Float.MAX_VALUE,
            -Float.MAX_VALUE, Float.MIN_NORMAL, Float.MIN_VALUE, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.NaN}, 3, 4);
      case FP64:
        return Tensor.ofDoubles(name, new double[] {0d, -0d, 1d, -1.5d, Math.PI, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.MIN_NORMAL, Double.MIN_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN}, 3, 4);
      case BYTES:
        return Tensor.ofBytes(name, new byte[][] {
            utf8("plain"), utf8(""), {'n', 'u', 0, 'l'}, utf8("Grüße, 世界 ✓ \uD83D\uDE80"), {0}, utf8("tab\tnew\nline")}, 2, 3);
      default:
        throw new IllegalArgumentException("no sample for " + dtype);
    }
  }

  /**
   * The finite values of {@link #sample} as a rank-1 tensor, for servers that cannot carry NaN or
   * infinities; other types give the sample itself.
   *
   * @param dtype the element type of the sample
   * @param name the tensor's name in the request
   * @return a new tensor without NaN or infinities; rank 1 for the floating-point types
   */
  public static Tensor finiteSample(DataType dtype, String name) {
    Tensor full = sample(dtype, name);
    if (dtype == DataType.FP32) {
      float[] finite = finiteFloats(full.toFloatArray());
      return Tensor.ofFloats(name, finite, finite.length);
    }
    if (dtype == DataType.FP16 || dtype == DataType.BF16) {
      float[] finite = finiteFloats(full.toFloatArray()); // widened exactly, so narrowing gives the same bits
      return dtype == DataType.FP16 ? Tensor.ofFp16(name, finite, finite.length) : Tensor.ofBf16(name, finite, finite.length);
    }
    if (dtype == DataType.FP64) {
      double[] finite = java.util.Arrays.stream(full.toDoubleArray()).filter(Double::isFinite).toArray();
      return Tensor.ofDoubles(name, finite, finite.length);
    }
    return full;
  }

  private static float[] finiteFloats(float[] values) {
    float[] out = new float[values.length];
    int n = 0;
    for (float v : values) {
      if (Float.isFinite(v)) {
        out[n++] = v;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * A rank-5 FP32 tensor [2, 1, 3, 2, 2] of distinct values, so a transposed or reshaped answer shows.
   *
   * @param name the tensor's name in the request
   * @return a new tensor of 24 values, the same on every call
   */
  public static Tensor rank5(String name) {
    float[] values = new float[24];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 1.25f - 7f;
    }
    return Tensor.ofFloats(name, values, 2, 1, 3, 2, 2);
  }

  /**
   * A large FP32 tensor of at least {@code mebibytes} MiB, shape [rows, 1024], with values that differ
   * from row to row and column to column.
   *
   * @param name the tensor's name in the request
   * @param mebibytes the least size of the data, in MiB (2^20 bytes)
   * @return a new tensor of {@code mebibytes * 256} rows
   */
  public static Tensor large(String name, int mebibytes) {
    int columns = 1024;
    int rows = mebibytes * 1024 * 1024 / (4 * columns);
    float[] values = new float[rows * columns];
    for (int i = 0; i < values.length; i++) {
      // Exactly representable and short in decimal, so text protocols round-trip them too.
      values[i] = (i % 65_521) * 0.25f - 4096f;
    }
    return Tensor.ofFloats(name, values, rows, columns);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
