package io.inferlink.fuzz;

import io.inferlink.DataType;
import io.inferlink.HalfFloats;
import io.inferlink.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Random valid tensors, the raw material of seed documents: any type, rank 0 to 3 (dimensions 0 to 4),
 * values from every corner of the type (finite only when asked, for encodings that have no NaN).
 * Stateless.
 */
public final class RandomTensors {
  private static final String[] TEXT = {"", "a", "hello", "é", "日本", "\u0000x", "{\"b64\":1}", "AAAA"};

  private RandomTensors() {}

  /** A tensor of a random type. */
  public static Tensor any(Random r, String name, boolean finite) {
    DataType[] types = DataType.values();
    return of(r, name, types[r.nextInt(types.length)], finite);
  }

  /** A tensor of {@code dtype} with a random shape. */
  public static Tensor of(Random r, String name, DataType dtype, boolean finite) {
    int rank = r.nextInt(4);
    long[] shape = new long[rank];
    long n = 1;
    for (int i = 0; i < rank; i++) {
      shape[i] = r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(4);
      n *= shape[i];
    }
    return of(r, name, dtype, shape, (int) n, finite);
  }

  /** A tensor of {@code dtype} and {@code shape} with random values. */
  public static Tensor of(Random r, String name, DataType dtype, long[] shape, boolean finite) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return of(r, name, dtype, shape, (int) n, finite);
  }

  private static Tensor of(Random r, String name, DataType dtype, long[] shape, int n, boolean finite) {
    if (dtype == DataType.BYTES) {
      byte[][] values = new byte[n][];
      for (int i = 0; i < n; i++) {
        values[i] = TEXT[r.nextInt(TEXT.length)].getBytes(StandardCharsets.UTF_8);
      }
      return Tensor.ofBytes(name, values, shape);
    }
    ByteBuffer data = ByteBuffer.allocate(n * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      switch (dtype) {
        case BOOL: data.put((byte) r.nextInt(2)); break;
        case FP16: data.putShort(HalfFloats.floatToFp16(number(r, finite))); break;
        case BF16: data.putShort(HalfFloats.floatToBf16(number(r, finite))); break;
        case FP32: data.putFloat(number(r, finite)); break;
        case FP64: data.putDouble(r.nextBoolean() ? number(r, finite) : r.nextGaussian() * 1e300); break;
        default: {
          byte[] bits = new byte[dtype.byteSize()];
          r.nextBytes(bits);
          if (r.nextBoolean()) {
            java.util.Arrays.fill(bits, 1, bits.length, (byte) 0); // small values too
          }
          data.put(bits);
        }
      }
    }
    return Tensor.wrap(name, dtype, data.flip(), shape);
  }

  private static float number(Random r, boolean finite) {
    float[] corners = {0f, -0f, 1f, -1f, 0.1f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 65504f, 3.0e-8f};
    if (!finite && r.nextInt(10) == 0) {
      return new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}[r.nextInt(3)];
    }
    return r.nextBoolean() ? corners[r.nextInt(corners.length)] : (float) (r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10));
  }
}
