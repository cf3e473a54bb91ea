package io.inferlink.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A lenient lexer for mutations: the spans of a JSON document's tokens (strings, in double or single
 * quotes for NumPy's Python-literal headers; numbers and words; punctuation), whatever else the bytes
 * hold. Stateless.
 */
final class JsonTokens {
  private JsonTokens() {}

  /** The tokens as {@code {start, end}} byte spans, in order. */
  static List<int[]> of(byte[] doc) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < doc.length) {
      byte c = doc[i];
      int start = i;
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        i++;
        continue;
      }
      if (c == '"' || c == '\'') {
        i++;
        while (i < doc.length && doc[i] != c) {
          i += doc[i] == '\\' ? 2 : 1;
        }
        i = Math.min(doc.length, i + 1);
      } else if (isWordByte(c)) {
        while (i < doc.length && isWordByte(doc[i])) {
          i++;
        }
      } else {
        i++;
      }
      out.add(new int[] {start, i});
    }
    return out;
  }

  /**
   * Where the value starting at token {@code index} ends: after its token, or after the bracket that
   * closes it when it opens a list or an object (the document's end when none does).
   */
  static int valueEnd(byte[] doc, List<int[]> tokens, int index) {
    int[] first = tokens.get(index);
    if (doc[first[0]] != '[' && doc[first[0]] != '{') {
      return first[1];
    }
    int depth = 0;
    for (int i = index; i < tokens.size(); i++) {
      byte c = doc[tokens.get(i)[0]];
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
        if (depth == 0) {
          return tokens.get(i)[1];
        }
      }
    }
    return doc.length;
  }

  /** The tokens that are integers (an optional minus and digits). */
  static List<int[]> numbers(byte[] doc, List<int[]> tokens) {
    List<int[]> out = new ArrayList<>();
    for (int[] t : tokens) {
      int i = t[0] < t[1] && doc[t[0]] == '-' ? t[0] + 1 : t[0];
      boolean digits = i < t[1];
      for (; i < t[1] && digits; i++) {
        digits = doc[i] >= '0' && doc[i] <= '9';
      }
      if (digits) {
        out.add(t);
      }
    }
    return out;
  }

  private static boolean isWordByte(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+'
        || c == '.' || c == '_';
  }
}
