package io.inferlink.internal;

import io.inferlink.DataType;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * Validation of tensor names, shapes and sizes, shared by every way of building a
 * {@link io.inferlink.Tensor} (the factories and {@code .npy} reading). Internal; stateless and thread-safe.
 */
public final class TensorShapes {

  /** The largest buffer we allocate or accept: arrays near Integer.MAX_VALUE fail on common JVMs. */
  public static final int MAX_BYTES = Integer.MAX_VALUE - 8;

  private TensorShapes() {}

  public static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("tensor name must not be empty");
    }
    return name;
  }

  /** Returns a private copy of {@code shape} after checking that every dimension is >= 0. */
  public static long[] checkShape(String name, long[] shape) {
    Objects.requireNonNull(shape, "shape");
    long[] copy = shape.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] < 0) {
        throw new IllegalArgumentException(
            "tensor '" + name + "': dimension " + i + " of shape " + format(copy) + " is negative;"
                + " a tensor's dimensions must be >= 0 (-1 is only for specs)");
      }
    }
    return copy;
  }

  /** The number of elements of {@code shape} (1 for a scalar), refusing a product past long. */
  public static long elementCount(String name, long[] shape) {
    for (long dim : shape) {
      if (dim == 0) {
        // Zero elements whatever the other dimensions are; the product must not be attempted, as
        // the dimensions before the zero may already overflow.
        return 0;
      }
    }
    long count = 1;
    for (long dim : shape) {
      try {
        count = Math.multiplyExact(count, dim);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "tensor '" + name + "': shape " + format(shape) + " has more than " + Long.MAX_VALUE
                + " elements (the element count overflows a long)", e);
      }
    }
    return count;
  }

  /** The byte size of a fixed-size tensor, refusing more than {@link #MAX_BYTES}. */
  public static int fixedByteSize(String name, DataType dtype, long[] shape, long count) {
    long limit = MAX_BYTES / dtype.byteSize();
    if (count > limit) {
      BigInteger bytes = BigInteger.valueOf(count).multiply(BigInteger.valueOf(dtype.byteSize()));
      throw tooLarge(name, dtype, shape, bytes.toString());
    }
    return (int) count * dtype.byteSize();
  }

  public static IllegalArgumentException tooLarge(String name, DataType dtype, long[] shape, String bytes) {
    return new IllegalArgumentException(
        "tensor '" + name + "': " + dtype.wireName() + " shape " + format(shape) + " needs " + bytes
            + " bytes, more than the limit of " + MAX_BYTES + " bytes for one buffer");
  }

  /** Checks that an array of {@code length} values fills {@code shape} exactly. */
  public static void checkFills(String name, long length, long[] shape, long count) {
    if (length != count) {
      throw new IllegalArgumentException(
          "tensor '" + name + "': " + length + " values do not fill shape " + format(shape) + " ("
              + count + " elements)");
    }
  }

  public static String format(long[] shape) {
    return Arrays.toString(shape);
  }
}
