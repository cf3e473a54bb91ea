package io.inferlink.benchmarks;

import io.inferlink.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The tensors every benchmark sends: FP32 values in [0, 1) (a normalised image) from a fixed seed, so
 * each variant of a scenario carries exactly the same bytes. Shapes are written {@code 1x3x224x224}
 * in JMH parameters. Stateless.
 */
public final class Payloads {
  /** The single-image shape of the issue. */
  public static final String IMAGE = "1x3x224x224";
  /** The batch of 16 images. */
  public static final String BATCH = "16x3x224x224";
  /** The small request of the latency scenario. */
  public static final String SMALL = "1x4";
  /** The name of the identity model's FP32 tensor (the emulator's and the echo servers'). */
  public static final String TENSOR = "x";
  /** The model every loopback call addresses. */
  public static final String MODEL = "identity";

  private Payloads() {}

  /** {@code 1x3x224x224} as {@code [1, 3, 224, 224]}. */
  public static long[] shape(String spec) {
    return Arrays.stream(spec.split("x")).mapToLong(Long::parseLong).toArray();
  }

  /** The number of elements of a shape. */
  public static int elements(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return Math.toIntExact(n);
  }

  /** Seeded values in [0, 1), as a preprocessed image holds. */
  public static float[] floats(long[] shape) {
    SplittableRandom random = new SplittableRandom(42);
    float[] values = new float[elements(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextDouble();
    }
    return values;
  }

  /** The same values as little-endian bytes (the OIP and TF {@code tensor_content} layout). */
  public static byte[] littleEndian(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return b.array();
  }

  /** The FP32 tensor of a shape spec, built once from {@link #floats}. */
  public static Tensor tensor(String shapeSpec) {
    long[] shape = shape(shapeSpec);
    return Tensor.ofFloats(TENSOR, floats(shape), shape);
  }
}
