package io.inferlink.emulator.oip;

import com.google.protobuf.ByteString;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.inference.InferTensorContents;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Typed {@code InferTensorContents} both ways (PROTOCOLS.md §3.4), written here rather than borrowed
 * from the client codec so that the emulator checks the client instead of agreeing with it. FP16 and
 * BF16 have no typed field. Narrow integer types travel widened in {@code int_contents} /
 * {@code uint_contents}; a value that does not fit is INVALID_ARGUMENT. Stateless.
 */
final class OipTypedContents {
  private OipTypedContents() {}

  /** False for FP16 and BF16, which only travel raw. */
  static boolean hasTypedField(DataType dtype) {
    return dtype != DataType.FP16 && dtype != DataType.BF16;
  }

  static Tensor read(String name, DataType dtype, long[] shape, InferTensorContents c) {
    if (!hasTypedField(dtype)) {
      throw OipStatus.invalid(dtype.wireName() + " input '" + name + "' must use raw_input_contents: "
          + "InferTensorContents has no field for it");
    }
    int n = (int) OipRawContents.elements(name, shape);
    int given = count(dtype, c);
    int all = c.getBoolContentsCount() + c.getIntContentsCount() + c.getInt64ContentsCount() + c.getUintContentsCount()
        + c.getUint64ContentsCount() + c.getFp32ContentsCount() + c.getFp64ContentsCount() + c.getBytesContentsCount();
    if (given != n || all != given) {
      throw OipStatus.invalid("input '" + name + "': " + dtype.wireName() + " shape " + java.util.Arrays.toString(shape)
          + " needs " + n + " values in " + field(dtype) + ", got " + given + " (and " + (all - given)
          + " in other contents fields)");
    }
    ByteBuffer b;
    if (dtype == DataType.BYTES) {
      int size = 0;
      for (ByteString s : c.getBytesContentsList()) {
        size += 4 + s.size();
      }
      b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
      for (ByteString s : c.getBytesContentsList()) {
        b.putInt(s.size()).put(s.toByteArray());
      }
    } else {
      b = ByteBuffer.allocate(n * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        put(name, dtype, c, i, b);
      }
    }
    b.flip();
    try {
      return Tensor.wrap(name, dtype, b, shape);
    } catch (IllegalArgumentException e) {
      throw OipStatus.invalid(e.getMessage());
    }
  }

  private static void put(String name, DataType dtype, InferTensorContents c, int i, ByteBuffer b) {
    switch (dtype) {
      case BOOL: b.put((byte) (c.getBoolContents(i) ? 1 : 0)); break;
      case INT8: b.put((byte) signed(name, c.getIntContents(i), 8)); break;
      case INT16: b.putShort((short) signed(name, c.getIntContents(i), 16)); break;
      case INT32: b.putInt(c.getIntContents(i)); break;
      case INT64: b.putLong(c.getInt64Contents(i)); break;
      case UINT8: b.put((byte) unsigned(name, c.getUintContents(i), 8)); break;
      case UINT16: b.putShort((short) unsigned(name, c.getUintContents(i), 16)); break;
      case UINT32: b.putInt(c.getUintContents(i)); break;
      case UINT64: b.putLong(c.getUint64Contents(i)); break;
      case FP32: b.putFloat(c.getFp32Contents(i)); break;
      case FP64: b.putDouble(c.getFp64Contents(i)); break;
      default: throw new IllegalStateException("no typed field for " + dtype);
    }
  }

  private static int signed(String name, int v, int bits) {
    if (v < -(1 << (bits - 1)) || v >= (1 << (bits - 1))) {
      throw OipStatus.invalid("input '" + name + "': " + v + " does not fit INT" + bits);
    }
    return v;
  }

  private static int unsigned(String name, int v, int bits) {
    if (Integer.toUnsignedLong(v) >= (1L << bits)) {
      throw OipStatus.invalid("input '" + name + "': " + Integer.toUnsignedString(v) + " does not fit UINT" + bits);
    }
    return v;
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
      default: return c.getBytesContentsCount();
    }
  }

  private static String field(DataType dtype) {
    switch (dtype) {
      case BOOL: return "bool_contents";
      case INT8: case INT16: case INT32: return "int_contents";
      case INT64: return "int64_contents";
      case UINT8: case UINT16: case UINT32: return "uint_contents";
      case UINT64: return "uint64_contents";
      case FP32: return "fp32_contents";
      case FP64: return "fp64_contents";
      default: return "bytes_contents";
    }
  }

  /** An output in its typed field: narrow integers widened (unsigned ones zero-extended). */
  static InferTensorContents write(Tensor t) {
    ByteBuffer d = t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    InferTensorContents.Builder c = InferTensorContents.newBuilder();
    int n = (int) t.elementCount();
    if (t.dtype() == DataType.BYTES) {
      int at = 0;
      for (int i = 0; i < n; i++) {
        int len = d.getInt(at);
        c.addBytesContents(ByteString.copyFrom(d.duplicate().position(at + 4).limit(at + 4 + len)));
        at += 4 + len;
      }
      return c.build();
    }
    for (int i = 0; i < n; i++) {
      switch (t.dtype()) {
        case BOOL: c.addBoolContents(d.get(i) != 0); break;
        case INT8: c.addIntContents(d.get(i)); break;
        case INT16: c.addIntContents(d.getShort(i * 2)); break;
        case INT32: c.addIntContents(d.getInt(i * 4)); break;
        case INT64: c.addInt64Contents(d.getLong(i * 8)); break;
        case UINT8: c.addUintContents(Byte.toUnsignedInt(d.get(i))); break;
        case UINT16: c.addUintContents(Short.toUnsignedInt(d.getShort(i * 2))); break;
        case UINT32: c.addUintContents(d.getInt(i * 4)); break;
        case UINT64: c.addUint64Contents(d.getLong(i * 8)); break;
        case FP32: c.addFp32Contents(d.getFloat(i * 4)); break;
        case FP64: c.addFp64Contents(d.getDouble(i * 8)); break;
        default: throw new IllegalStateException("no typed field for " + t.dtype());
      }
    }
    return c.build();
  }
}
