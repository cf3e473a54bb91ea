package io.inferlink;

import io.inferlink.internal.TensorShapes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The framing of {@link DataType#BYTES} tensors in the Open Inference Protocol binary layout: each
 * element is a 4-byte little-endian unsigned length followed by that many raw bytes, back to back,
 * with nothing before, between or after.
 */
final class BytesElements {

  private static final int PREFIX = 4;

  private BytesElements() {}

  /** Frames {@code elements} into a new little-endian heap buffer, positioned at 0. */
  static ByteBuffer encode(String name, long[] shape, byte[][] elements) {
    long total = 0;
    for (byte[] element : elements) {
      // Cannot overflow: at most 2^31 elements of at most 2^31 + 4 bytes each.
      total += PREFIX + element.length;
    }
    if (total > TensorShapes.MAX_BYTES) {
      throw TensorShapes.tooLarge(name, DataType.BYTES, shape, Long.toString(total));
    }
    ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    for (byte[] element : elements) {
      buf.putInt(element.length);
      buf.put(element);
    }
    buf.flip();
    return buf;
  }

  /**
   * Checks that {@code data} (little-endian, from position 0 to its limit) holds exactly
   * {@code count} well-formed elements and nothing else.
   */
  static void validate(String name, long[] shape, ByteBuffer data, long count) {
    int end = data.limit();
    int offset = 0;
    for (long i = 0; i < count; i++) {
      int left = end - offset;
      if (left == 0) {
        throw new IllegalArgumentException(
            "tensor '" + name + "': BYTES data holds " + i + " elements but shape "
                + TensorShapes.format(shape) + " needs " + count);
      }
      if (left < PREFIX) {
        throw new IllegalArgumentException(
            "tensor '" + name + "': BYTES element " + i + " at byte " + offset
                + " has a truncated length prefix (" + left + " of 4 bytes)");
      }
      long length = data.getInt(offset) & 0xFFFFFFFFL;
      if (length > left - PREFIX) {
        throw new IllegalArgumentException(
            "tensor '" + name + "': BYTES element " + i + " at byte " + offset + " declares "
                + length + " bytes but only " + (left - PREFIX) + " remain");
      }
      offset += PREFIX + (int) length;
    }
    if (offset != end) {
      throw new IllegalArgumentException(
          "tensor '" + name + "': " + (end - offset) + " trailing bytes after the " + count
              + " BYTES elements of shape " + TensorShapes.format(shape)
              + " (more elements than the shape, or a bad length prefix)");
    }
  }

  /** Copies the elements out of validated {@code data}; the list is unmodifiable. */
  static List<byte[]> split(ByteBuffer data, int count) {
    List<byte[]> out = new ArrayList<>(count);
    int offset = 0;
    for (int i = 0; i < count; i++) {
      int length = data.getInt(offset);
      byte[] element = new byte[length];
      data.get(offset + PREFIX, element);
      out.add(element);
      offset += PREFIX + length;
    }
    return Collections.unmodifiableList(out);
  }
}
