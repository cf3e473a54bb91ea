package io.inferlink.emulator.tfserving;

import com.google.protobuf.ByteString;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import io.inferlink.protos.internal.tensorflow.TensorShapeProto;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * Writes an output as TF Serving's default {@code RunPredict} does ({@code AsProtoField},
 * PROTOCOLS.md §2.3): dtype, shape, and every element in the dtype's typed field, never
 * {@code tensor_content}. int8/int16/uint8/uint16 go into {@code int_val} (signed ones
 * sign-extended, unsigned ones zero-extended), half and bfloat16 into {@code half_val} as their
 * 16-bit patterns, uint32/uint64 into their own fields as raw bits. Stateless.
 */
final class TfsTensorProtoWriter {
  private TfsTensorProtoWriter() {}

  static TensorProto write(Tensor t) {
    TensorProto.Builder b = TensorProto.newBuilder()
        .setDtypeValue(TfsDtypes.number(t.dtype()))
        .setTensorShape(shape(t.shape()));
    switch (t.dtype()) {
      case FP32: {
        FloatBuffer values = t.asFloatBuffer();
        while (values.hasRemaining()) {
          b.addFloatVal(values.get());
        }
        break;
      }
      case FP64: {
        DoubleBuffer values = t.asDoubleBuffer();
        while (values.hasRemaining()) {
          b.addDoubleVal(values.get());
        }
        break;
      }
      case INT64:
        addAll(t.asLongBuffer(), b::addInt64Val);
        break;
      case UINT64:
        addAll(t.asLongBuffer(), b::addUint64Val);
        break;
      case UINT32:
        for (int v : t.toIntArray()) {
          b.addUint32Val(v);
        }
        break;
      case BOOL:
        for (boolean v : t.toBooleanArray()) {
          b.addBoolVal(v);
        }
        break;
      case FP16:
      case BF16:
        for (short v : t.toShortArray()) {
          b.addHalfVal(v & 0xFFFF);
        }
        break;
      case BYTES:
        for (byte[] v : t.toBytesList()) {
          b.addStringVal(ByteString.copyFrom(v));
        }
        break;
      default: // INT32, INT16, INT8, UINT8, UINT16; toIntArray extends each as TF does
        for (int v : t.toIntArray()) {
          b.addIntVal(v);
        }
    }
    return b.build();
  }

  /** A shape of known dims; {@code -1} (an unknown dim of a signature) passes through as is. */
  static TensorShapeProto shape(long[] dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    return shape.build();
  }

  private interface LongSink {
    void add(long v);
  }

  private static void addAll(LongBuffer values, LongSink sink) {
    while (values.hasRemaining()) {
      sink.add(values.get());
    }
  }
}
