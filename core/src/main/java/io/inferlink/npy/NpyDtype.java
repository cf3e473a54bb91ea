package io.inferlink.npy;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.nio.ByteOrder;

/**
 * A NumPy array-protocol type string ({@code <f4}, {@code >i8}, {@code |b1}, {@code |S7},
 * {@code <U3}) and the {@link DataType} it maps onto. Immutable and thread-safe.
 *
 * @param dtype the tensor type: numeric kinds map one to one; {@code S} and {@code U} map to BYTES
 * @param kind the NumPy kind character: b, u, i, f, S or U
 * @param itemSize bytes per element in the file
 * @param order the byte order of the file's elements
 */
record NpyDtype(DataType dtype, char kind, int itemSize, ByteOrder order) {

  /**
   * Reads a type string.
   *
   * @throws IllegalArgumentException naming the type and why it has no tensor equivalent
   */
  static NpyDtype parse(String descr) {
    if (descr.length() < 2) {
      throw unsupported(descr, "it is not an array-protocol type string");
    }
    char orderChar = descr.charAt(0);
    ByteOrder order;
    String rest;
    switch (orderChar) {
      case '<':
        order = ByteOrder.LITTLE_ENDIAN;
        rest = descr.substring(1);
        break;
      case '>':
        order = ByteOrder.BIG_ENDIAN;
        rest = descr.substring(1);
        break;
      case '=':
        order = ByteOrder.nativeOrder();
        rest = descr.substring(1);
        break;
      case '|':
        order = ByteOrder.LITTLE_ENDIAN; // "not applicable": single bytes or byte strings
        rest = descr.substring(1);
        break;
      default:
        order = ByteOrder.nativeOrder();
        rest = descr;
    }
    char kind = rest.charAt(0);
    refuseKindsWithoutTensorType(descr, kind);
    int size;
    try {
      size = Integer.parseInt(rest.substring(1));
    } catch (NumberFormatException e) {
      throw unsupported(descr, "its size is not a number");
    }
    switch (kind) {
      case 'b':
        return fixed(descr, kind, size, order, DataType.BOOL, 1);
      case 'u':
        return fixed(descr, kind, size, order, size == 1 ? DataType.UINT8 : size == 2 ? DataType.UINT16
            : size == 4 ? DataType.UINT32 : DataType.UINT64, 1, 2, 4, 8);
      case 'i':
        return fixed(descr, kind, size, order, size == 1 ? DataType.INT8 : size == 2 ? DataType.INT16
            : size == 4 ? DataType.INT32 : DataType.INT64, 1, 2, 4, 8);
      case 'f':
        if (size == 16 || size == 12 || size == 10) {
          throw unsupported(descr, "long double (float128/float96) has no tensor type; convert it to float64");
        }
        return fixed(descr, kind, size, order, size == 2 ? DataType.FP16 : size == 4 ? DataType.FP32
            : DataType.FP64, 2, 4, 8);
      case 'S':
        return new NpyDtype(DataType.BYTES, kind, checkPositive(descr, size), order);
      case 'U':
        if (size < 1 || size > Integer.MAX_VALUE / 4) {
          throw unsupported(descr, "its length is out of range");
        }
        return new NpyDtype(DataType.BYTES, kind, size * 4, order);
      default:
        throw unsupported(descr, "unknown kind '" + kind + "'");
    }
  }

  private static void refuseKindsWithoutTensorType(String descr, char kind) {
    switch (kind) {
      case 'c':
        throw unsupported(descr, "complex numbers have no tensor type; save the real and imaginary parts separately");
      case 'O':
        throw unsupported(descr, "object arrays hold pickled Python objects; convert to a fixed dtype such as 'S' or 'U'");
      case 'M':
      case 'm':
        throw unsupported(descr, "datetime/timedelta have no tensor type; convert to int64 first");
      case 'V':
        throw unsupported(descr, "void/raw records have no tensor type");
      default:
        // a kind with a tensor type, or an unknown one reported by the caller
    }
  }

  /** The type string a tensor of this type is written with; BYTES takes its width from the data. */
  static String descrOf(DataType dtype, int bytesWidth) {
    switch (dtype) {
      case BOOL: return "|b1";
      case UINT8: return "|u1";
      case INT8: return "|i1";
      case UINT16: return "<u2";
      case UINT32: return "<u4";
      case UINT64: return "<u8";
      case INT16: return "<i2";
      case INT32: return "<i4";
      case INT64: return "<i8";
      case FP16: return "<f2";
      case FP32: return "<f4";
      case FP64: return "<f8";
      case BYTES: return "|S" + bytesWidth;
      case BF16:
        throw new IllegalArgumentException("BF16 has no NumPy dtype (NumPy itself has no bfloat16):"
            + " convert the tensor to FP32 first, e.g. Tensor.ofFloats(name, t.toFloatArray(), t.shape())");
      default:
        throw new IllegalArgumentException("no NumPy dtype for " + dtype.wireName());
    }
  }

  /** True when elements must be byte-swapped to reach the tensor's little-endian layout. */
  boolean needsSwap() {
    return order == ByteOrder.BIG_ENDIAN && itemSize > 1;
  }

  private static NpyDtype fixed(String descr, char kind, int size, ByteOrder order, DataType dtype, int... sizes) {
    for (int allowed : sizes) {
      if (allowed == size) {
        return new NpyDtype(dtype, kind, size, order);
      }
    }
    throw unsupported(descr, "no tensor type has that element size");
  }

  private static int checkPositive(String descr, int size) {
    if (size < 1) {
      throw unsupported(descr, "a byte string must be at least 1 byte wide");
    }
    return size;
  }

  private static IllegalArgumentException unsupported(String descr, String why) {
    return new IllegalArgumentException("NumPy dtype '" + descr + "' is not supported: " + why);
  }
}
