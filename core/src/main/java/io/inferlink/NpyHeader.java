package io.inferlink;

import io.inferlink.spi.JsonLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header dictionary of a NumPy {@code .npy} file: {@code descr}, {@code fortran_order} and
 * {@code shape}. NumPy writes it as a Python literal ({@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (2, 3), }}), so reading it takes a small parser of that literal subset rather than JSON.
 * Immutable and thread-safe.
 *
 * @param descr the dtype string, e.g. {@code <f4}
 * @param fortranOrder whether the data is in column-major order
 * @param shape the dimensions; empty for a scalar
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {

  /** Parses the header text of an {@code .npy} file; the message says what is wrong. */
  static NpyHeader parse(String text) {
    Object parsed = new Parser(text).document();
    if (!(parsed instanceof Map)) {
      throw new IllegalArgumentException("the .npy header is not a dictionary: " + abbreviate(text));
    }
    Map<?, ?> dict = (Map<?, ?>) parsed;
    for (Object key : dict.keySet()) {
      if (!List.of("descr", "fortran_order", "shape").contains(key)) {
        throw new IllegalArgumentException("the .npy header has an unexpected key '" + key + "'");
      }
    }
    Object descr = require(dict, "descr");
    Object fortran = require(dict, "fortran_order");
    Object shape = require(dict, "shape");
    if (descr instanceof List) {
      throw new IllegalArgumentException(
          "structured (record) dtypes are not supported: the array must have one plain element type, got " + descr);
    }
    if (!(descr instanceof String)) {
      throw new IllegalArgumentException("the .npy header's 'descr' is not a string: " + descr);
    }
    if (!(fortran instanceof Boolean)) {
      throw new IllegalArgumentException("the .npy header's 'fortran_order' is not True or False: " + fortran);
    }
    if (!(shape instanceof List)) {
      throw new IllegalArgumentException("the .npy header's 'shape' is not a tuple: " + shape);
    }
    List<?> dims = (List<?>) shape;
    long[] out = new long[dims.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(dims.get(i) instanceof Long) || (Long) dims.get(i) < 0) {
        throw new IllegalArgumentException("the .npy header's shape " + shape + " has a dimension that is not a count");
      }
      out[i] = (Long) dims.get(i);
    }
    return new NpyHeader((String) descr, (Boolean) fortran, out);
  }

  /** The dictionary as NumPy writes it: keys sorted, Python reprs, a trailing ", ". */
  String format() {
    StringBuilder sb = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
        .append(fortranOrder ? "True" : "False").append(", 'shape': (");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i > 0 ? ", " : "").append(shape[i]);
    }
    return sb.append(shape.length == 1 ? ",), }" : "), }").toString();
  }

  private static Object require(Map<?, ?> dict, String key) {
    if (!dict.containsKey(key)) {
      throw new IllegalArgumentException("the .npy header has no '" + key + "' key");
    }
    return dict.get(key);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text.strip() : text.substring(0, 200) + "...";
  }

  /**
   * Recursive descent over dicts, tuples, lists, quoted strings, True/False/None and integers, nested
   * at most {@link JsonLimits#MAX_NESTING_DEPTH} deep (a real header nests two levels; a hostile one
   * must not overflow the stack).
   */
  private static final class Parser {
    private final String s;
    private int pos;
    private int depth;

    Parser(String s) {
      this.s = s;
    }

    Object document() {
      Object value = value();
      skipSpace();
      if (pos != s.length()) {
        throw error("unexpected text after the dictionary");
      }
      return value;
    }

    private Object value() {
      skipSpace();
      if (pos >= s.length()) {
        throw error("the header ends early");
      }
      char c = s.charAt(pos);
      if ((c == '{' || c == '(' || c == '[') && depth == JsonLimits.MAX_NESTING_DEPTH) {
        throw error("nested deeper than " + JsonLimits.MAX_NESTING_DEPTH + " levels");
      }
      switch (c) {
        case '{':
          return dict();
        case '(':
          return sequence(')');
        case '[':
          return sequence(']');
        case '\'':
        case '"':
          return string(c);
        default:
          return word();
      }
    }

    private Map<Object, Object> dict() {
      Map<Object, Object> out = new LinkedHashMap<>();
      pos++;
      depth++;
      while (true) {
        skipSpace();
        if (peek('}')) {
          pos++;
          depth--;
          return out;
        }
        Object key = value();
        skipSpace();
        expect(':');
        if (out.put(key, value()) != null) {
          throw error("key '" + key + "' appears twice");
        }
        if (!comma('}')) {
          depth--;
          return out;
        }
      }
    }

    private List<Object> sequence(char close) {
      List<Object> out = new ArrayList<>();
      pos++;
      depth++;
      while (true) {
        skipSpace();
        if (peek(close)) {
          pos++;
          depth--;
          return out;
        }
        out.add(value());
        if (!comma(close)) {
          depth--;
          return out;
        }
      }
    }

    /** After an item: consumes ',' (true, more may follow) or the closing bracket (false). */
    private boolean comma(char close) {
      skipSpace();
      if (peek(',')) {
        pos++;
        return true;
      }
      expect(close);
      return false;
    }

    private String string(char quote) {
      int end = s.indexOf(quote, pos + 1);
      if (end < 0) {
        throw error("a string is not closed");
      }
      String out = s.substring(pos + 1, end);
      if (out.indexOf('\\') >= 0) {
        throw error("escaped characters in strings are not supported");
      }
      pos = end + 1;
      return out;
    }

    private Object word() {
      int start = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '-')) {
        pos++;
      }
      String w = s.substring(start, pos);
      switch (w) {
        case "True":
          return Boolean.TRUE;
        case "False":
          return Boolean.FALSE;
        case "None":
          return "None";
        default:
          // Python 2 wrote longs with an 'L' suffix: (3L, 4L).
          String digits = w.endsWith("L") ? w.substring(0, w.length() - 1) : w;
          try {
            return Long.parseLong(digits);
          } catch (NumberFormatException e) {
            throw error("unexpected '" + (w.isEmpty() ? String.valueOf(s.charAt(pos)) : w) + "'");
          }
      }
    }

    private void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    private boolean peek(char c) {
      return pos < s.length() && s.charAt(pos) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private IllegalArgumentException error(String why) {
      return new IllegalArgumentException("the .npy header is malformed at character " + pos + ": " + why
          + " (header: " + abbreviate(s) + ")");
    }
  }
}
