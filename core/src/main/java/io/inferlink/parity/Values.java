package io.inferlink.parity;

import io.inferlink.DataType;
import io.inferlink.Tensor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Short readable forms of single tensor elements for reports; stateless. */
final class Values {
  private Values() {}

  /** An element as its type prints it: integers exactly (UINT64 unsigned), floats in full. */
  static String number(Tensor t, long i) {
    DataType d = t.dtype();
    if (d == DataType.UINT64) {
      return Long.toUnsignedString(t.getLong(i));
    }
    if (d.isInteger() || d == DataType.BOOL) {
      return Long.toString(t.getLong(i));
    }
    return d == DataType.FP64 ? Double.toString(t.getDouble(i)) : Float.toString((float) t.getDouble(i));
  }

  /** A BYTES element as a quoted string when it is UTF-8, else as hex. */
  static String bytes(byte[] b) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b)).toString();
      return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    } catch (CharacterCodingException e) {
      StringBuilder hex = new StringBuilder("0x");
      for (int i = 0; i < Math.min(b.length, 20); i++) {
        hex.append(String.format("%02x", b[i]));
      }
      return hex.append(b.length > 20 ? "..." : "").toString();
    }
  }
}
