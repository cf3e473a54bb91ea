package io.inferlink.emulator.tfserving;

import com.google.protobuf.ByteString;
import java.util.function.Supplier;

/**
 * TF's encoding of DT_STRING elements in {@code tensor_content} ({@code port::EncodeStringList}):
 * every element's length as a varint32, then every element's bytes, back to back. Stateless.
 */
final class TfsStringList {
  private TfsStringList() {}

  /**
   * The {@code n} elements of {@code content}.
   *
   * @param malformed the error to throw when the lengths or the byte count do not fit
   */
  static byte[][] decode(ByteString content, int n, Supplier<? extends RuntimeException> malformed) {
    int[] lengths = new int[n];
    int pos = 0;
    long total = 0;
    for (int i = 0; i < n; i++) {
      int value = 0;
      int shift = 0;
      while (true) {
        if (pos >= content.size() || shift > 28) {
          throw malformed.get();
        }
        int b = content.byteAt(pos++) & 0xFF;
        value |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          break;
        }
        shift += 7;
      }
      if (value < 0) {
        throw malformed.get();
      }
      lengths[i] = value;
      total += value;
    }
    if (total != content.size() - pos) {
      throw malformed.get();
    }
    byte[][] elements = new byte[n][];
    for (int i = 0; i < n; i++) {
      elements[i] = content.substring(pos, pos + lengths[i]).toByteArray();
      pos += lengths[i];
    }
    return elements;
  }
}
