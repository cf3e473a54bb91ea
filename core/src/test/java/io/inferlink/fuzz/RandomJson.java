package io.inferlink.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Random JSON documents whose object keys come mostly from a protocol's vocabulary, so that random
 * structure reaches the decoder's field handling instead of being skipped as unknown fields. Values:
 * nested lists (often rectangular, like tensors), objects, numbers of every size, strings, booleans,
 * {@code null}, bare {@code NaN}/{@code Infinity}. Stateless.
 */
public final class RandomJson {
  private static final String[] NUMBERS = {"0", "-0", "1", "-1", "2", "3", "255", "256", "-129", "65536", "1.5",
      "-2.25", "1e10", "1e-7", "3.4028235e38", "3.5e38", "1e999", "NaN", "Infinity", "-Infinity", "2147483648",
      "9223372036854775807", "9223372036854775808", "18446744073709551616", "-9223372036854775809", "0.1"};
  private static final String[] STRINGS = {"", "x", "FP32", "INT64", "BYTES", "BOOL", "FP16", "UINT8", "DT_FLOAT",
      "DT_INT64", "DT_STRING", "serving_default", "AVAILABLE", "LOADING", "1", "-1", "AAAA", "!!", "\\u00e9",
      "\\ud800", "a\\nb"};

  private RandomJson() {}

  /** A random document, usually an object, of at most six levels. */
  public static byte[] document(Random r, List<String> vocabulary) {
    StringBuilder s = new StringBuilder();
    if (r.nextInt(6) == 0) {
      value(s, r, vocabulary, 0);
    } else {
      object(s, r, vocabulary, 0);
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void value(StringBuilder s, Random r, List<String> vocabulary, int depth) {
    int kind = depth >= 6 ? 3 + r.nextInt(4) : r.nextInt(8);
    switch (kind) {
      case 0: case 1:
        tensor(s, r, 1 + r.nextInt(4));
        break;
      case 2:
        object(s, r, vocabulary, depth + 1);
        break;
      case 3: case 4:
        s.append(NUMBERS[r.nextInt(NUMBERS.length)]);
        break;
      case 5:
        s.append('"').append(r.nextBoolean() ? STRINGS[r.nextInt(STRINGS.length)] : key(r, vocabulary)).append('"');
        break;
      case 6:
        s.append(r.nextBoolean() ? "true" : r.nextBoolean() ? "false" : "null");
        break;
      default: {
        s.append('[');
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            s.append(',');
          }
          value(s, r, vocabulary, depth + 1);
        }
        s.append(']');
      }
    }
  }

  /** Nested lists of one kind of leaf, rectangular most of the time. */
  private static void tensor(StringBuilder s, Random r, int rank) {
    int[] dims = new int[rank];
    for (int i = 0; i < rank; i++) {
      dims[i] = r.nextInt(4);
    }
    int leaf = r.nextInt(4);
    boolean ragged = r.nextInt(5) == 0;
    level(s, r, dims, 0, leaf, ragged);
  }

  private static void level(StringBuilder s, Random r, int[] dims, int d, int leaf, boolean ragged) {
    if (d == dims.length) {
      switch (leaf) {
        case 0: s.append(r.nextInt(2000) - 1000); break;
        case 1: s.append(NUMBERS[r.nextInt(NUMBERS.length)]); break;
        case 2: s.append(r.nextBoolean()); break;
        default: s.append('"').append(STRINGS[r.nextInt(STRINGS.length)]).append('"');
      }
      return;
    }
    s.append('[');
    int n = ragged ? r.nextInt(4) : dims[d];
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        s.append(',');
      }
      level(s, r, dims, d + 1, leaf, ragged);
    }
    s.append(']');
  }

  private static void object(StringBuilder s, Random r, List<String> vocabulary, int depth) {
    s.append('{');
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append('"').append(key(r, vocabulary)).append("\":");
      value(s, r, vocabulary, depth + 1);
    }
    s.append('}');
  }

  private static String key(Random r, List<String> vocabulary) {
    return vocabulary.isEmpty() || r.nextInt(8) == 0 ? "k" + r.nextInt(3) : vocabulary.get(r.nextInt(vocabulary.size()));
  }
}
