package io.inferlink.emulator.tfserving;

import com.google.protobuf.ByteString;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Reads a {@code TensorProto} as TF's {@code Tensor::FromProto} does (PROTOCOLS.md §2.3):
 * {@code tensor_content} when it is not empty (exactly the element bytes, little-endian; for
 * DT_STRING TF's varint-lengths-then-bytes list), else the dtype's typed field, where a short list
 * is filled up with its last value, an empty one gives zeros, and extra values are ignored. Anything
 * TF cannot parse is INVALID_ARGUMENT {@code tensor parsing error: <alias>}. Stateless; written for
 * the emulator, apart from the clients' codecs, so a codec bug cannot hide behind the same bug here.
 */
final class TfsTensorProtoReader {
  private TfsTensorProtoReader() {}

  /** The tensor, named {@code alias}. */
  static Tensor read(String alias, TensorProto proto) {
    DataType dtype = TfsDtypes.type(proto.getDtypeValue());
    long[] shape = shape(alias, proto.getTensorShape());
    if (dtype == null) {
      throw parsingError(alias);
    }
    long count = 1;
    for (long d : shape) {
      // Beyond 2^31 elements TF could not answer either; and it keeps the product from overflowing.
      count = d == 0 ? 0 : count * d;
      if (count > Integer.MAX_VALUE) {
        throw parsingError(alias);
      }
    }
    int n = (int) count;
    if (n > 0 && !proto.getTensorContent().isEmpty()) {
      return fromContent(alias, dtype, proto.getTensorContent(), n, shape);
    }
    if (dtype == DataType.BYTES) {
      return Tensor.ofBytes(alias, strings(proto.getStringValList(), n), shape);
    }
    ByteBuffer out = ByteBuffer.allocate(n * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      put(out, dtype, proto, i);
    }
    out.flip();
    return Tensor.wrap(alias, dtype, out, shape);
  }

  static TfsError parsingError(String alias) {
    return TfsError.invalid("tensor parsing error: " + alias);
  }

  private static long[] shape(String alias, TensorShapeProto shape) {
    // A tensor in a request must be fully known: no unknown rank, no -1.
    if (shape.getUnknownRank()) {
      throw parsingError(alias);
    }
    long[] dims = new long[shape.getDimCount()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape.getDim(i).getSize();
      if (dims[i] < 0) {
        throw parsingError(alias);
      }
    }
    return dims;
  }

  /** Element {@code i} of the typed field, or the last one given, or zero. */
  private static void put(ByteBuffer out, DataType dtype, TensorProto p, int i) {
    switch (dtype) {
      case FP32: out.putFloat(p.getFloatValCount() == 0 ? 0f : p.getFloatVal(clamp(i, p.getFloatValCount()))); break;
      case FP64: out.putDouble(p.getDoubleValCount() == 0 ? 0d : p.getDoubleVal(clamp(i, p.getDoubleValCount()))); break;
      case INT64: out.putLong(p.getInt64ValCount() == 0 ? 0L : p.getInt64Val(clamp(i, p.getInt64ValCount()))); break;
      case UINT64: out.putLong(p.getUint64ValCount() == 0 ? 0L : p.getUint64Val(clamp(i, p.getUint64ValCount()))); break;
      case UINT32: out.putInt(p.getUint32ValCount() == 0 ? 0 : p.getUint32Val(clamp(i, p.getUint32ValCount()))); break;
      case BOOL: out.put((byte) (p.getBoolValCount() != 0 && p.getBoolVal(clamp(i, p.getBoolValCount())) ? 1 : 0)); break;
      case FP16:
      case BF16:
        // half_val carries the 16-bit pattern in the low bits; TF keeps just those.
        out.putShort((short) (p.getHalfValCount() == 0 ? 0 : p.getHalfVal(clamp(i, p.getHalfValCount()))));
        break;
      default: { // INT32, INT16, INT8, UINT8, UINT16 all travel in int_val; narrower types keep the low bits
        int v = p.getIntValCount() == 0 ? 0 : p.getIntVal(clamp(i, p.getIntValCount()));
        if (dtype.byteSize() == 4) {
          out.putInt(v);
        } else if (dtype.byteSize() == 2) {
          out.putShort((short) v);
        } else {
          out.put((byte) v);
        }
      }
    }
  }

  private static int clamp(int i, int given) {
    return Math.min(i, given - 1);
  }

  private static byte[][] strings(List<ByteString> given, int n) {
    byte[][] values = new byte[n][];
    for (int i = 0; i < n; i++) {
      values[i] = given.isEmpty() ? new byte[0] : given.get(clamp(i, given.size())).toByteArray();
    }
    return values;
  }

  private static Tensor fromContent(String alias, DataType dtype, ByteString content, int n, long[] shape) {
    if (dtype == DataType.BYTES) {
      return Tensor.ofBytes(alias, TfsStringList.decode(content, n, () -> parsingError(alias)), shape);
    }
    if ((long) n * dtype.byteSize() != content.size()) {
      throw parsingError(alias);
    }
    ByteBuffer bytes = content.asReadOnlyByteBuffer();
    if (dtype == DataType.BOOL) {
      // TF reads any non-zero byte as true; keep our BOOL buffers canonical 0/1.
      ByteBuffer canonical = ByteBuffer.allocate(n);
      for (int i = 0; i < n; i++) {
        canonical.put((byte) (bytes.get(i) != 0 ? 1 : 0));
      }
      bytes = canonical.flip();
    }
    return Tensor.wrap(alias, dtype, bytes, shape);
  }
}
