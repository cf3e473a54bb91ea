package io.inferlink.tfserving.grpc.internal;

import io.inferlink.DataType;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.tfserving.TfDataTypes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads a tensor from the typed repeated field that matches its dtype ({@code float_val},
 * {@code int_val}, ...), which is how TF Serving answers by default. Applies TensorFlow's rule for a
 * short field (the last value repeats to fill the shape, no values at all mean zeros) and refuses
 * what TensorFlow would silently accept but a client must not: more values than the shape holds,
 * values out of range for a narrow type, and values only in some other type's field.
 */
final class TypedFieldDecoder {

  private TypedFieldDecoder() {}

  /**
   * The little-endian tensor buffer (position 0) for {@code elements} values of {@code dtype}; a tensor
   * the fill rule would make larger than {@code maxFilledBytes} is refused before anything is allocated.
   */
  static ByteBuffer decode(String name, DataType dtype, long[] dims, long elements, TensorProto p, int maxFilledBytes) {
    String field = fieldName(dtype);
    int count = valueCount(dtype, p);
    if (count > elements) {
      throw new MalformedTensorException("tensor '" + name + "': " + field + " holds " + count
          + " values but shape " + Arrays.toString(dims) + " has only " + elements + " elements");
    }
    if (count == 0 && elements > 0) {
      // TensorFlow would give zeros here; values in another type's field mean the server mixed up
      // dtype and field, and zeros would hide that.
      String other = otherValues(p, field);
      if (other != null) {
        throw new MalformedTensorException("tensor '" + name + "' is " + TfDataTypes.name(dtype) + " but its values are in "
            + other + " instead of " + field + " or tensor_content");
      }
    }
    if (dtype == DataType.BYTES) {
      return StringElements.fromStringVal(name, dims, elements, p, maxFilledBytes);
    }
    int size = TensorProtoShapes.minimumByteSize(name, dtype, dims, elements);
    if (count < elements && size > maxFilledBytes) {
      throw TensorProtoShapes.tooLargeToFill(name, field, count, dims, size, maxFilledBytes);
    }
    ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      put(name, dtype, p, out, i);
    }
    repeatLast(out.array(), count, dtype.byteSize());
    return out.clear();
  }

  static String fieldName(DataType dtype) {
    switch (dtype) {
      case FP32: return "float_val";
      case FP64: return "double_val";
      case INT8: case UINT8: case INT16: case UINT16: case INT32: return "int_val";
      case INT64: return "int64_val";
      case UINT32: return "uint32_val";
      case UINT64: return "uint64_val";
      case BOOL: return "bool_val";
      case FP16: case BF16: return "half_val";
      case BYTES: return "string_val";
      default: throw new AssertionError(dtype);
    }
  }

  private static int valueCount(DataType dtype, TensorProto p) {
    switch (dtype) {
      case FP32: return p.getFloatValCount();
      case FP64: return p.getDoubleValCount();
      case INT8: case UINT8: case INT16: case UINT16: case INT32: return p.getIntValCount();
      case INT64: return p.getInt64ValCount();
      case UINT32: return p.getUint32ValCount();
      case UINT64: return p.getUint64ValCount();
      case BOOL: return p.getBoolValCount();
      case FP16: case BF16: return p.getHalfValCount();
      case BYTES: return p.getStringValCount();
      default: throw new AssertionError(dtype);
    }
  }

  private static void put(String name, DataType dtype, TensorProto p, ByteBuffer out, int i) {
    switch (dtype) {
      case FP32: out.putFloat(p.getFloatVal(i)); break;
      case FP64: out.putDouble(p.getDoubleVal(i)); break;
      case INT32: out.putInt(p.getIntVal(i)); break;
      case INT16: out.putShort((short) ranged(name, dtype, "int_val", i, p.getIntVal(i), Short.MIN_VALUE, Short.MAX_VALUE)); break;
      case UINT16: out.putShort((short) ranged(name, dtype, "int_val", i, p.getIntVal(i), 0, 0xFFFF)); break;
      case INT8: out.put((byte) ranged(name, dtype, "int_val", i, p.getIntVal(i), Byte.MIN_VALUE, Byte.MAX_VALUE)); break;
      case UINT8: out.put((byte) ranged(name, dtype, "int_val", i, p.getIntVal(i), 0, 0xFF)); break;
      case INT64: out.putLong(p.getInt64Val(i)); break;
      case UINT32: out.putInt(p.getUint32Val(i)); break; // raw 32 bits
      case UINT64: out.putLong(p.getUint64Val(i)); break; // raw 64 bits
      case BOOL: out.put((byte) (p.getBoolVal(i) ? 1 : 0)); break;
      // TensorFlow writes the 16-bit pattern zero-extended; a sign-extended pattern means the same bits.
      case FP16: case BF16: out.putShort((short) ranged(name, dtype, "half_val", i, p.getHalfVal(i), Short.MIN_VALUE, 0xFFFF)); break;
      default: throw new AssertionError(dtype);
    }
  }

  private static int ranged(String name, DataType dtype, String field, int i, int v, int min, int max) {
    if (v < min || v > max) {
      throw new MalformedTensorException(
          "tensor '" + name + "': " + field + "[" + i + "] = " + v + " does not fit " + dtype.wireName());
    }
    return v;
  }

  /** Copies element {@code count - 1} over the rest of {@code a}, doubling the copied run each time. */
  private static void repeatLast(byte[] a, int count, int size) {
    if (count == 0) {
      return; // the buffer is already all zeros, TensorFlow's default value
    }
    int start = (count - 1) * size;
    int end = count * size;
    while (end < a.length) {
      int n = Math.min(end - start, a.length - end);
      System.arraycopy(a, start, a, end, n);
      end += n;
    }
  }

  /** The first value field other than {@code expected} that holds values, with its count, or null. */
  private static String otherValues(TensorProto p, String expected) {
    String[] names = {"half_val", "float_val", "double_val", "int_val", "string_val", "scomplex_val",
        "int64_val", "bool_val", "dcomplex_val", "resource_handle_val", "variant_val", "uint32_val",
        "uint64_val", "float8_val"};
    int[] counts = {p.getHalfValCount(), p.getFloatValCount(), p.getDoubleValCount(), p.getIntValCount(),
        p.getStringValCount(), p.getScomplexValCount(), p.getInt64ValCount(), p.getBoolValCount(),
        p.getDcomplexValCount(), p.getResourceHandleValCount(), p.getVariantValCount(),
        p.getUint32ValCount(), p.getUint64ValCount(), p.getFloat8Val().size()};
    for (int i = 0; i < names.length; i++) {
      if (counts[i] > 0 && !names[i].equals(expected)) {
        return names[i] + " (" + counts[i] + (names[i].equals("float8_val") ? " bytes)" : " values)");
      }
    }
    return null;
  }
}
