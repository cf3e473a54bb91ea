package io.inferlink;

import io.inferlink.half.HalfFloats;
import java.nio.ByteBuffer;

/**
 * Moves fixed-size elements between Java primitive arrays and a little-endian tensor buffer.
 *
 * <p>Each {@link DataType} has one "natural" Java array type (see {@link #leafType}); the flat
 * factories, the nested-array walker and {@code toArray()} all go through here, so a type is
 * encoded the same way whichever door it came in by.
 */
final class FixedElements {

  private FixedElements() {}

  /** The Java element type the factories take and {@code toArray()} returns for {@code dtype}. */
  static Class<?> leafType(DataType dtype) {
    switch (dtype) {
      case BOOL:
        return boolean.class;
      case INT8:
      case UINT8:
        return byte.class;
      case INT16:
      case UINT16:
        return short.class;
      case INT32:
      case UINT32:
        return int.class;
      case INT64:
      case UINT64:
        return long.class;
      case FP16:
      case BF16:
      case FP32:
        return float.class;
      case FP64:
        return double.class;
      default:
        return String.class;
    }
  }

  /**
   * Writes {@code values}, an array of {@code leafType(dtype)}, at {@code buf}'s position and
   * advances it; {@code buf} must be little-endian.
   */
  static void put(DataType dtype, ByteBuffer buf, Object values) {
    // Bulk puts through typed views are much faster than element loops; the view has its own
    // position, so the byte buffer is advanced by hand afterwards.
    switch (dtype) {
      case BOOL: {
        for (boolean b : (boolean[]) values) {
          buf.put(b ? (byte) 1 : (byte) 0);
        }
        return;
      }
      case INT8:
      case UINT8:
        buf.put((byte[]) values);
        return;
      case INT16:
      case UINT16: {
        short[] a = (short[]) values;
        buf.asShortBuffer().put(a);
        skip(buf, a.length * 2);
        return;
      }
      case INT32:
      case UINT32: {
        int[] a = (int[]) values;
        buf.asIntBuffer().put(a);
        skip(buf, a.length * 4);
        return;
      }
      case INT64:
      case UINT64: {
        long[] a = (long[]) values;
        buf.asLongBuffer().put(a);
        skip(buf, a.length * 8);
        return;
      }
      case FP16: {
        for (float v : (float[]) values) {
          buf.putShort(HalfFloats.floatToFp16(v));
        }
        return;
      }
      case BF16: {
        for (float v : (float[]) values) {
          buf.putShort(HalfFloats.floatToBf16(v));
        }
        return;
      }
      case FP32: {
        float[] a = (float[]) values;
        buf.asFloatBuffer().put(a);
        skip(buf, a.length * 4);
        return;
      }
      case FP64: {
        double[] a = (double[]) values;
        buf.asDoubleBuffer().put(a);
        skip(buf, a.length * 8);
        return;
      }
      default:
        throw new IllegalArgumentException(dtype + " has no fixed element size");
    }
  }

  /**
   * Reads {@code count} elements at {@code buf}'s position into a new array of
   * {@code leafType(dtype)} and advances it; {@code buf} must be little-endian.
   */
  static Object read(DataType dtype, ByteBuffer buf, int count) {
    switch (dtype) {
      case BOOL: {
        boolean[] a = new boolean[count];
        for (int i = 0; i < count; i++) {
          a[i] = buf.get() != 0;
        }
        return a;
      }
      case INT8:
      case UINT8: {
        byte[] a = new byte[count];
        buf.get(a);
        return a;
      }
      case INT16:
      case UINT16: {
        short[] a = new short[count];
        buf.asShortBuffer().get(a);
        skip(buf, count * 2);
        return a;
      }
      case INT32:
      case UINT32: {
        int[] a = new int[count];
        buf.asIntBuffer().get(a);
        skip(buf, count * 4);
        return a;
      }
      case INT64:
      case UINT64: {
        long[] a = new long[count];
        buf.asLongBuffer().get(a);
        skip(buf, count * 8);
        return a;
      }
      case FP16: {
        float[] a = new float[count];
        for (int i = 0; i < count; i++) {
          a[i] = HalfFloats.fp16ToFloat(buf.getShort());
        }
        return a;
      }
      case BF16: {
        float[] a = new float[count];
        for (int i = 0; i < count; i++) {
          a[i] = HalfFloats.bf16ToFloat(buf.getShort());
        }
        return a;
      }
      case FP32: {
        float[] a = new float[count];
        buf.asFloatBuffer().get(a);
        skip(buf, count * 4);
        return a;
      }
      case FP64: {
        double[] a = new double[count];
        buf.asDoubleBuffer().get(a);
        skip(buf, count * 8);
        return a;
      }
      default:
        throw new IllegalArgumentException(dtype + " has no fixed element size");
    }
  }

  /**
   * {@code data} itself when every byte is 0 or 1, else a new little-endian buffer where every
   * non-zero byte is 1: the one place BOOL bytes are made canonical. Wrapped data is only scanned,
   * so the zero-copy path stays zero-copy unless a byte needs fixing. {@code data} spans exactly the tensor.
   */
  static ByteBuffer canonicalBooleans(ByteBuffer data) {
    int n = data.remaining();
    int p = data.position();
    for (int i = 0; i < n; i++) {
      if ((data.get(p + i) & 0xFE) != 0) {
        byte[] canonical = new byte[n];
        for (int j = 0; j < n; j++) {
          canonical[j] = data.get(p + j) != 0 ? (byte) 1 : (byte) 0;
        }
        return ByteBuffer.wrap(canonical).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      }
    }
    return data;
  }

  /**
   * Reads element {@code i} of an integer or BOOL buffer as a long: signed types sign-extended,
   * unsigned ones zero-extended (UINT64 as raw bits), BOOL as 0/1.
   */
  static long longAt(DataType dtype, ByteBuffer data, int i) {
    switch (dtype) {
      case BOOL:
        return data.get(i) != 0 ? 1 : 0;
      case INT8:
        return data.get(i);
      case UINT8:
        return data.get(i) & 0xFFL;
      case INT16:
        return data.getShort(i * 2);
      case UINT16:
        return data.getShort(i * 2) & 0xFFFFL;
      case INT32:
        return data.getInt(i * 4);
      case UINT32:
        return data.getInt(i * 4) & 0xFFFFFFFFL;
      case INT64:
      case UINT64:
        return data.getLong(i * 8);
      default:
        throw new IllegalArgumentException(dtype + " is not an integer type");
    }
  }

  /** Reads element {@code i} of any numeric or BOOL buffer as a double (UINT64 as its unsigned value). */
  static double doubleAt(DataType dtype, ByteBuffer data, int i) {
    switch (dtype) {
      case FP16:
        return HalfFloats.fp16ToFloat(data.getShort(i * 2));
      case BF16:
        return HalfFloats.bf16ToFloat(data.getShort(i * 2));
      case FP32:
        return data.getFloat(i * 4);
      case FP64:
        return data.getDouble(i * 8);
      case UINT64:
        return unsignedToDouble(data.getLong(i * 8));
      default:
        return longAt(dtype, data, i);
    }
  }

  /** The unsigned value of {@code bits} rounded to the nearest double. */
  static double unsignedToDouble(long bits) {
    if (bits >= 0) {
      return bits;
    }
    // Halve first so the value fits a signed long; OR-ing the dropped bit back in as a sticky bit
    // keeps ties from being mistaken for exact halves, so the one rounding (long to double) is
    // still to nearest-even, and doubling is exact.
    return ((double) ((bits >>> 1) | (bits & 1))) * 2.0;
  }

  private static void skip(ByteBuffer buf, int bytes) {
    buf.position(buf.position() + bytes);
  }
}
