package io.inferlink.emulator.oip;

import com.google.protobuf.ByteString;
import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An input from {@code raw_input_contents}: the flattened row-major element bytes, little-endian,
 * BYTES elements each a 4-byte little-endian length and its bytes. The size must match the shape
 * exactly (INVALID_ARGUMENT otherwise). Stateless.
 */
final class OipRawContents {
  private OipRawContents() {}

  static Tensor read(String name, DataType dtype, long[] shape, ByteString raw) {
    long elements = elements(name, shape);
    ByteBuffer data = ByteBuffer.wrap(raw.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    if (dtype.isFixedSize()) {
      long expected = elements * dtype.byteSize();
      if (expected != raw.size()) {
        throw OipStatus.invalid("unexpected size " + raw.size() + " for raw input '" + name + "', expecting "
            + expected + " (" + dtype.wireName() + " shape " + java.util.Arrays.toString(shape) + ")");
      }
    } else {
      checkBytesFraming(name, data, elements);
    }
    try {
      return Tensor.wrap(name, dtype, data, shape);
    } catch (IllegalArgumentException e) {
      throw OipStatus.invalid(e.getMessage());
    }
  }

  static long elements(String name, long[] shape) {
    long n = 1;
    for (long d : shape) {
      n = d == 0 ? 0 : n * d;
      if (n > Integer.MAX_VALUE) {
        throw OipStatus.invalid("input '" + name + "' has too many elements: " + java.util.Arrays.toString(shape));
      }
    }
    return n;
  }

  private static void checkBytesFraming(String name, ByteBuffer data, long elements) {
    int at = 0;
    for (long i = 0; i < elements; i++) {
      if (data.limit() - at < 4) {
        throw OipStatus.invalid("raw BYTES input '" + name + "' ends before element " + i + " of " + elements);
      }
      long length = Integer.toUnsignedLong(data.getInt(at));
      if (length > data.limit() - at - 4L) {
        throw OipStatus.invalid("raw BYTES input '" + name + "': element " + i + " claims " + length
            + " bytes but only " + (data.limit() - at - 4) + " follow");
      }
      at += 4 + (int) length;
    }
    if (at != data.limit()) {
      throw OipStatus.invalid("raw BYTES input '" + name + "' has " + (data.limit() - at)
          + " bytes after its " + elements + " elements");
    }
  }
}
