package io.inferlink.tfserving.grpc.internal;

import io.inferlink.DataType;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Shapes and sizes of decoded tensors: every count and byte size is checked with overflow-safe
 * arithmetic before anything is allocated, so a server announcing a huge shape costs nothing.
 */
final class TensorProtoShapes {

  /** The largest buffer we build; the same limit as core's Tensor (arrays near 2^31 fail on common JVMs). */
  static final int MAX_BYTES = Integer.MAX_VALUE - 8;

  private TensorProtoShapes() {}

  static TensorShapeProto encode(long[] shape) {
    TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
    for (long dim : shape) {
      b.addDimBuilder().setSize(dim);
    }
    return b.build();
  }

  /** The dimensions of a value's shape; a missing shape is a scalar, as in TensorFlow. */
  static long[] decode(String name, TensorShapeProto shape) {
    if (shape.getUnknownRank()) {
      throw new MalformedTensorException(
          "tensor '" + name + "' has unknown_rank set; a value must have a known shape");
    }
    long[] dims = new long[shape.getDimCount()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape.getDim(i).getSize();
      if (dims[i] < 0) {
        throw new MalformedTensorException(
            "tensor '" + name + "': dimension " + i + " is " + dims[i]
                + "; a value's dimensions must be >= 0 (-1 only appears in signatures)");
      }
    }
    return dims;
  }

  /** The product of the dimensions (1 for a scalar), refusing a product past long. */
  static long elementCount(String name, long[] dims) {
    for (long dim : dims) {
      if (dim == 0) {
        return 0; // the dimensions before the zero may already overflow
      }
    }
    long count = 1;
    for (long dim : dims) {
      try {
        count = Math.multiplyExact(count, dim);
      } catch (ArithmeticException e) {
        throw new MalformedTensorException(
            "tensor '" + name + "': shape " + Arrays.toString(dims) + " has more elements than a long holds");
      }
    }
    return count;
  }

  /**
   * The smallest buffer a tensor of this type and shape needs: element count times element size,
   * or 4 length-prefix bytes per element for BYTES; refuses more than {@link #MAX_BYTES}.
   */
  static int minimumByteSize(String name, DataType dtype, long[] dims, long elements) {
    int unit = dtype.isFixedSize() ? dtype.byteSize() : Integer.BYTES;
    if (elements > MAX_BYTES / unit) {
      String bytes = BigInteger.valueOf(elements).multiply(BigInteger.valueOf(unit)).toString();
      throw tooLarge(name, dtype, dims, dtype.isFixedSize() ? bytes : "at least " + bytes);
    }
    return (int) elements * unit;
  }

  /** A short typed field that TensorFlow's fill rule would stretch past {@code max} bytes. */
  static MalformedTensorException tooLargeToFill(String name, String field, int count, long[] dims, long bytes, int max) {
    return new MalformedTensorException("tensor '" + name + "': " + field + " holds " + count + " values for shape "
        + Arrays.toString(dims) + "; repeating the last to fill it (TensorFlow's rule) would make " + bytes
        + " bytes, more than the " + max + " bytes of the largest answer this client accepts (maxMessageSize)");
  }

  static MalformedTensorException tooLarge(String name, DataType dtype, long[] dims, String bytes) {
    return new MalformedTensorException(
        "tensor '" + name + "': " + dtype.wireName() + " shape " + Arrays.toString(dims) + " needs "
            + bytes + " bytes, more than the limit of "
            + MAX_BYTES + " bytes for one tensor");
  }
}
