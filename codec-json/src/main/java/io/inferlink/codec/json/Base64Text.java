package io.inferlink.codec.json;

import java.util.Base64;

/** TF Serving's {@code {"b64": ...}} elements: standard alphabet with padding, the one place they convert. */
final class Base64Text {
  static final String KEY = "b64";

  private Base64Text() {}

  static String encode(byte[] raw) {
    return Base64.getEncoder().encodeToString(raw);
  }

  /** Decodes, or throws IllegalArgumentException for text that is not base64. */
  static byte[] decode(String text) {
    return Base64.getDecoder().decode(text);
  }

  /** Exact decoded length of well-formed padded base64 text, without decoding it. */
  static int decodedLength(String text) {
    int n = text.length();
    if (n == 0) {
      return 0;
    }
    int pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
    return n / 4 * 3 - pad + (n % 4 == 0 ? 0 : (n % 4) * 3 / 4);
  }
}
