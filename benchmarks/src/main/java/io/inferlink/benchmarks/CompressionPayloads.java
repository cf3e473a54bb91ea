package io.inferlink.benchmarks;

import io.inferlink.Tensor;
import java.util.SplittableRandom;

/**
 * The tensors of issue 17's compression figures, 1 MiB of FP32 each ({@code [256,1024]}): all zeros (the
 * best case), a smooth ramp from 0 to 1 (compressible, as many real activations and images are) and
 * seeded random bits (incompressible: what gzip cannot shrink, it only costs). Stateless.
 */
final class CompressionPayloads {
  static final String ZEROS = "zeros";
  static final String RAMP = "ramp";
  static final String RANDOM = "random";
  static final long[] SHAPE = {256, 1024};

  private CompressionPayloads() {}

  static Tensor tensor(String kind) {
    float[] x = new float[256 * 1024];
    switch (kind) {
      case ZEROS:
        break;
      case RAMP:
        for (int i = 0; i < x.length; i++) {
          x[i] = i / (float) x.length;
        }
        break;
      case RANDOM: {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < x.length; i++) {
          x[i] = Float.intBitsToFloat(random.nextInt() & 0x7f7fffff); // any finite float's bits
        }
        break;
      }
      default:
        throw new IllegalArgumentException("unknown tensor kind " + kind);
    }
    return Tensor.ofFloats(Payloads.TENSOR, x, SHAPE);
  }
}
