package io.inferlink.tfserving.grpc.internal;

import com.google.protobuf.ByteString;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import io.inferlink.protos.internal.tensorflow.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * DT_STRING on the wire versus {@link DataType#BYTES} in a {@link Tensor}: the tensor holds each
 * element as a 4-byte little-endian length and its bytes; the proto holds one {@code string_val}
 * entry per element (raw bytes, no prefix), or, from TensorFlow's own {@code AsProtoTensorContent},
 * a {@code tensor_content} with every length as a varint first and then all the bytes.
 */
final class StringElements {

  private static final int PREFIX = Integer.BYTES;

  private StringElements() {}

  /** Adds one {@code string_val} per element of a BYTES tensor, copying each element once. */
  static void toStringVal(Tensor t, TensorProto.Builder b) {
    ByteBuffer data = t.data();
    int offset = 0;
    for (long i = 0; i < t.elementCount(); i++) {
      int length = data.getInt(offset);
      b.addStringVal(ByteString.copyFrom(data.duplicate().position(offset + PREFIX).limit(offset + PREFIX + length)));
      offset += PREFIX + length;
    }
  }

  /**
   * The tensor buffer for {@code string_val}, the last entry repeated when there are fewer than the
   * elements, up to {@code maxFilledBytes}.
   */
  static ByteBuffer fromStringVal(String name, long[] dims, long elements, TensorProto p, int maxFilledBytes) {
    int count = p.getStringValCount();
    long total = TensorProtoShapes.minimumByteSize(name, DataType.BYTES, dims, elements);
    for (int i = 0; i < count; i++) {
      total += p.getStringVal(i).size();
    }
    if (count > 0) {
      // elements < 2^29 after the check above and a size < 2^31: the product stays far below 2^63.
      total += (elements - count) * p.getStringVal(count - 1).size();
    }
    // Past MAX_BYTES, allocate's refusal (no tensor can be that large) is the one that applies.
    if (count < elements && total > maxFilledBytes && total <= TensorProtoShapes.MAX_BYTES) {
      throw TensorProtoShapes.tooLargeToFill(name, "string_val", count, dims, total, maxFilledBytes);
    }
    ByteBuffer out = allocate(name, dims, total);
    for (long i = 0; i < elements; i++) {
      ByteString s = count == 0 ? ByteString.EMPTY : p.getStringVal((int) Math.min(i, count - 1));
      out.putInt(s.size());
      s.copyTo(out);
    }
    return out.flip();
  }

  /** The tensor buffer for TensorFlow's string-list {@code tensor_content}: all lengths as varints, then all bytes. */
  static ByteBuffer fromTensorContent(String name, long[] dims, long elements, ByteString content) {
    TensorProtoShapes.minimumByteSize(name, DataType.BYTES, dims, elements);
    if (elements > content.size()) {
      // Every length takes at least one byte; checked before the lengths array is allocated.
      throw new MalformedTensorException("tensor '" + name + "': DT_STRING tensor_content of " + content.size()
          + " bytes cannot hold the lengths of " + elements + " elements");
    }
    ByteBuffer in = content.asReadOnlyByteBuffer();
    int[] lengths = new int[(int) elements];
    long payload = 0;
    for (int i = 0; i < lengths.length; i++) {
      long length = readVarint32(name, in, i);
      if (length > Integer.MAX_VALUE) {
        throw tooLong(name, dims, length);
      }
      lengths[i] = (int) length;
      payload += length;
    }
    if (payload != in.remaining()) {
      throw new MalformedTensorException("tensor '" + name + "': DT_STRING tensor_content declares " + payload
          + " bytes of strings but holds " + in.remaining() + " after the lengths");
    }
    ByteBuffer out = allocate(name, dims, elements * PREFIX + payload);
    for (int length : lengths) {
      out.putInt(length);
      out.put(in.slice().limit(length));
      in.position(in.position() + length);
    }
    return out.flip();
  }

  private static ByteBuffer allocate(String name, long[] dims, long total) {
    if (total > TensorProtoShapes.MAX_BYTES) {
      throw TensorProtoShapes.tooLarge(name, DataType.BYTES, dims, Long.toString(total));
    }
    return ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** An unsigned varint of at most 5 bytes (TensorFlow's GetVarint32), as a long so 2^32 - 1 fits. */
  private static long readVarint32(String name, ByteBuffer in, int index) {
    long value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (!in.hasRemaining()) {
        throw new MalformedTensorException("tensor '" + name + "': DT_STRING tensor_content ends inside the length of element " + index);
      }
      int b = in.get() & 0xFF;
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (value > 0xFFFFFFFFL) {
          break;
        }
        return value;
      }
    }
    throw new MalformedTensorException("tensor '" + name + "': DT_STRING tensor_content has a bad length varint for element " + index);
  }

  private static MalformedTensorException tooLong(String name, long[] dims, long length) {
    return TensorProtoShapes.tooLarge(name, DataType.BYTES, dims, "at least " + length);
  }
}
