package io.inferlink.kserve.internal;

import com.google.protobuf.ByteString;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.inference.InferTensorContents;
import io.inferlink.spi.support.MalformedAnswerException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts a tensor buffer to and from the {@code InferTensorContents} field of its type (see
 * PROTOCOLS.md §3.4). Decoding is strict: exactly one value per element, only in the type's own
 * field, each in range for the type. Stateless and thread-safe.
 */
final class V2GrpcTypedContents {

  private V2GrpcTypedContents() {}

  /** True when {@code dtype} has a typed field; FP16 and BF16 travel raw only. */
  static boolean hasTypedField(DataType dtype) {
    return dtype != DataType.FP16 && dtype != DataType.BF16;
  }

  /** The typed contents of {@code t}, whose type must have a typed field. */
  static InferTensorContents encode(Tensor t) {
    ByteBuffer d = t.data();
    int n = (int) t.elementCount();
    InferTensorContents.Builder b = InferTensorContents.newBuilder();
    switch (t.dtype()) {
      case BOOL: for (int i = 0; i < n; i++) { b.addBoolContents(d.get(i) != 0); } break;
      case INT8: for (int i = 0; i < n; i++) { b.addIntContents(d.get(i)); } break;
      case INT16: for (int i = 0; i < n; i++) { b.addIntContents(d.getShort(2 * i)); } break;
      case INT32: for (int i = 0; i < n; i++) { b.addIntContents(d.getInt(4 * i)); } break;
      case INT64: for (int i = 0; i < n; i++) { b.addInt64Contents(d.getLong(8 * i)); } break;
      case UINT8: for (int i = 0; i < n; i++) { b.addUintContents(d.get(i) & 0xFF); } break;
      case UINT16: for (int i = 0; i < n; i++) { b.addUintContents(d.getShort(2 * i) & 0xFFFF); } break;
      case UINT32: for (int i = 0; i < n; i++) { b.addUintContents(d.getInt(4 * i)); } break; // raw 32 bits
      case UINT64: for (int i = 0; i < n; i++) { b.addUint64Contents(d.getLong(8 * i)); } break; // raw 64 bits
      case FP32: for (int i = 0; i < n; i++) { b.addFp32Contents(d.getFloat(4 * i)); } break;
      case FP64: for (int i = 0; i < n; i++) { b.addFp64Contents(d.getDouble(8 * i)); } break;
      case BYTES:
        int pos = 0;
        for (int i = 0; i < n; i++) {
          int len = d.getInt(pos); // the tensor validated its framing when it was built
          b.addBytesContents(ByteString.copyFrom(d.position(pos + 4).slice().limit(len)));
          pos += 4 + len;
        }
        break;
      default:
        throw new IllegalArgumentException("tensor '" + t.name() + "': " + t.dtype().wireName()
            + " has no InferTensorContents field and must be sent raw");
    }
    return b.build();
  }

  /** The little-endian tensor buffer (position 0) of {@code elements} values read from {@code c}. */
  static ByteBuffer decode(String name, DataType dtype, long elements, InferTensorContents c) {
    String field = fieldName(dtype);
    int count = count(dtype, c);
    if (count != elements) {
      throw new MalformedAnswerException("output '" + name + "': " + field + " holds " + count
          + " values but the shape has " + elements + " elements");
    }
    int others = total(c) - count;
    if (others != 0) {
      throw new MalformedAnswerException("output '" + name + "' is " + dtype.wireName() + " but "
          + others + " values are in other fields than " + field);
    }
    if (dtype == DataType.BYTES) {
      return bytes(c);
    }
    ByteBuffer out = ByteBuffer.allocate(Math.multiplyExact(count, dtype.byteSize()))
        .order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      switch (dtype) {
        case BOOL: out.put((byte) (c.getBoolContents(i) ? 1 : 0)); break;
        case INT8: out.put((byte) ranged(name, dtype, field, i, c.getIntContents(i), Byte.MIN_VALUE, Byte.MAX_VALUE)); break;
        case INT16: out.putShort((short) ranged(name, dtype, field, i, c.getIntContents(i), Short.MIN_VALUE, Short.MAX_VALUE)); break;
        case INT32: out.putInt(c.getIntContents(i)); break;
        case INT64: out.putLong(c.getInt64Contents(i)); break;
        // uint32 arrives as an int holding the raw bits; widen unsigned before the range check.
        case UINT8: out.put((byte) ranged(name, dtype, field, i, c.getUintContents(i) & 0xFFFFFFFFL, 0, 0xFF)); break;
        case UINT16: out.putShort((short) ranged(name, dtype, field, i, c.getUintContents(i) & 0xFFFFFFFFL, 0, 0xFFFF)); break;
        case UINT32: out.putInt(c.getUintContents(i)); break;
        case UINT64: out.putLong(c.getUint64Contents(i)); break;
        case FP32: out.putFloat(c.getFp32Contents(i)); break;
        case FP64: out.putDouble(c.getFp64Contents(i)); break;
        default: throw new AssertionError(dtype);
      }
    }
    return out.flip();
  }

  static String fieldName(DataType dtype) {
    switch (dtype) {
      case BOOL: return "bool_contents";
      case INT8: case INT16: case INT32: return "int_contents";
      case INT64: return "int64_contents";
      case UINT8: case UINT16: case UINT32: return "uint_contents";
      case UINT64: return "uint64_contents";
      case FP32: return "fp32_contents";
      case FP64: return "fp64_contents";
      case BYTES: return "bytes_contents";
      default: return "(none: " + dtype.wireName() + " is raw only)";
    }
  }

  /** The number of values in all fields; non-zero means the contents are in use. */
  static int total(InferTensorContents c) {
    return c.getBoolContentsCount() + c.getIntContentsCount() + c.getInt64ContentsCount()
        + c.getUintContentsCount() + c.getUint64ContentsCount() + c.getFp32ContentsCount()
        + c.getFp64ContentsCount() + c.getBytesContentsCount();
  }

  private static int count(DataType dtype, InferTensorContents c) {
    switch (dtype) {
      case BOOL: return c.getBoolContentsCount();
      case INT8: case INT16: case INT32: return c.getIntContentsCount();
      case INT64: return c.getInt64ContentsCount();
      case UINT8: case UINT16: case UINT32: return c.getUintContentsCount();
      case UINT64: return c.getUint64ContentsCount();
      case FP32: return c.getFp32ContentsCount();
      case FP64: return c.getFp64ContentsCount();
      case BYTES: return c.getBytesContentsCount();
      default: return 0; // FP16, BF16: no field, so only an empty tensor decodes
    }
  }

  private static ByteBuffer bytes(InferTensorContents c) {
    long size = 0;
    for (ByteString s : c.getBytesContentsList()) {
      size += 4L + s.size();
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new MalformedAnswerException("bytes_contents need " + size + " bytes, more than one buffer holds");
    }
    ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    for (ByteString s : c.getBytesContentsList()) {
      out.putInt(s.size());
      s.copyTo(out);
    }
    return out.flip();
  }

  private static long ranged(String name, DataType dtype, String field, int i, long v, long min, long max) {
    if (v < min || v > max) {
      throw new MalformedAnswerException("output '" + name + "': " + field + "[" + i + "] = " + v
          + " does not fit " + dtype.wireName());
    }
    return v;
  }
}
