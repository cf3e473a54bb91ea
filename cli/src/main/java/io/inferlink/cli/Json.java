package io.inferlink.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Small JSON helpers for hand-assembled one-line documents; stateless. */
final class Json {
  private Json() {}

  /** The string as a quoted, escaped JSON string. */
  static String quote(String s) {
    return s == null ? "null" : "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
