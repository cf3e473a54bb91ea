package io.inferlink.emulator.ovms;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The TensorProto encodings OVMS's TF Serving gRPC API takes and gives (PROTOCOLS.md §4.4,
 * {@code validation.cpp}, {@code serialization.cpp}). Inputs: numeric types only in
 * {@code tensor_content} of exactly the shape's size, FP16 only in {@code half_val}, UINT16 only in
 * {@code int_val}, strings in {@code string_val}, one per element; other types are not accepted.
 * Outputs: numeric types are moved into {@code tensor_content}, strings stay in {@code string_val};
 * BOOL, UINT32 and UINT64 cannot be serialised. Stateless.
 */
final class OvmsTensorContent {
  private OvmsTensorContent() {}

  /** Fails with INVALID_ARGUMENT, OVMS's messages, unless {@code p} is encoded as OVMS accepts. */
  static void checkInput(String name, TensorProto p, boolean picture) {
    long elements = elements(p.getTensorShape());
    int typed = p.getFloatValCount() + p.getDoubleValCount() + p.getIntValCount() + p.getInt64ValCount()
        + p.getBoolValCount() + p.getHalfValCount() + p.getUint32ValCount() + p.getUint64ValCount() + p.getStringValCount();
    boolean ok;
    switch (p.getDtype()) {
      case DT_HALF:
        ok = p.getTensorContent().isEmpty() && p.getHalfValCount() == elements && typed == elements;
        break;
      case DT_UINT16:
        ok = p.getTensorContent().isEmpty() && p.getIntValCount() == elements && typed == elements;
        break;
      case DT_STRING:
        ok = p.getStringValCount() == elements && typed == elements;
        if (picture && p.getTensorShape().getDimCount() != 1) {
          throw OvmsError.invalid("Invalid number of shape dimensions of input " + name);
        }
        break;
      default:
        int width = width(p.getDtype());
        if (width < 0) {
          throw OvmsError.invalid(OvmsError.INVALID_PRECISION + " of input " + name + ": " + p.getDtype());
        }
        ok = typed == 0 && p.getTensorContent().size() == elements * width;
    }
    if (!ok) {
      throw OvmsError.invalid(OvmsError.INVALID_CONTENT_SIZE + " of input " + name);
    }
  }

  /** {@code p} as OVMS writes an output: numeric values in {@code tensor_content}. */
  static TensorProto toOutput(String name, TensorProto p) {
    if (p.getDtype() == io.inferlink.protos.internal.tensorflow.DataType.DT_STRING) {
      return p;
    }
    int width = p.getDtype() == io.inferlink.protos.internal.tensorflow.DataType.DT_UINT16 ? 2 : width(p.getDtype());
    if (width < 0 || p.getDtype() == io.inferlink.protos.internal.tensorflow.DataType.DT_UINT32
        || p.getDtype() == io.inferlink.protos.internal.tensorflow.DataType.DT_UINT64) {
      throw new OvmsError(500, Status.Code.INTERNAL, "Unsupported serialization precision of output " + name
          + ": " + p.getDtype());
    }
    if (!p.getTensorContent().isEmpty()) {
      return p;
    }
    int n = (int) elements(p.getTensorShape());
    ByteBuffer out = ByteBuffer.allocate(n * width).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      switch (p.getDtype()) {
        case DT_FLOAT: out.putFloat(p.getFloatVal(Math.min(i, p.getFloatValCount() - 1))); break;
        case DT_DOUBLE: out.putDouble(p.getDoubleVal(Math.min(i, p.getDoubleValCount() - 1))); break;
        case DT_INT64: out.putLong(p.getInt64Val(Math.min(i, p.getInt64ValCount() - 1))); break;
        case DT_HALF: out.putShort((short) p.getHalfVal(Math.min(i, p.getHalfValCount() - 1))); break;
        default:
          int v = p.getIntVal(Math.min(i, p.getIntValCount() - 1));
          if (width == 4) {
            out.putInt(v);
          } else if (width == 2) {
            out.putShort((short) v);
          } else {
            out.put((byte) v);
          }
      }
    }
    return p.toBuilder().clearFloatVal().clearDoubleVal().clearIntVal().clearInt64Val().clearHalfVal()
        .setTensorContent(ByteString.copyFrom(out.flip())).build();
  }

  /** Bytes per element of the types that travel in {@code tensor_content}; -1 for the others. */
  private static int width(io.inferlink.protos.internal.tensorflow.DataType dtype) {
    switch (dtype) {
      case DT_INT8: case DT_UINT8: return 1;
      case DT_INT16: case DT_HALF: return 2;
      case DT_FLOAT: case DT_INT32: case DT_UINT32: return 4;
      case DT_DOUBLE: case DT_INT64: case DT_UINT64: return 8;
      default: return -1;
    }
  }

  private static long elements(TensorShapeProto shape) {
    long n = 1;
    for (TensorShapeProto.Dim d : shape.getDimList()) {
      n *= Math.max(0, d.getSize());
    }
    return n;
  }
}
