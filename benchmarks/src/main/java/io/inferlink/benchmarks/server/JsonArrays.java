package io.inferlink.benchmarks.server;

import java.nio.charset.StandardCharsets;

/** Finds a JSON array in UTF-8 bytes without parsing the values: only strings and brackets are tracked. Stateless. */
final class JsonArrays {
  private JsonArrays() {}

  /** The index of the {@code [} that starts the value of {@code quotedKey} (the first occurrence). */
  static int valueStart(byte[] json, int length, String quotedKey) {
    byte[] key = quotedKey.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + key.length <= length; i++) {
      for (int k = 0; k < key.length; k++) {
        if (json[i + k] != key[k]) {
          continue outer;
        }
      }
      for (int j = i + key.length; j < length; j++) {
        byte b = json[j];
        if (b == '[') {
          return j;
        }
        if (b != ':' && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
          break;
        }
      }
    }
    throw new IllegalArgumentException("no array under " + quotedKey);
  }

  /** The index just past the {@code ]} that closes the array starting at {@code start}. */
  static int arrayEnd(byte[] json, int start, int length) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < length; i++) {
      byte b = json[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '[' || b == '{') {
        depth++;
      } else if (b == ']' || b == '}') {
        if (--depth == 0) {
          return i + 1;
        }
      }
    }
    throw new IllegalArgumentException("unterminated array");
  }
}
