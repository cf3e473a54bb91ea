package io.inferlink.credentials.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one JSON object (RFC 8259) and keeps its top-level members that are strings, numbers, booleans or
 * null, as text; nested objects and arrays are checked and skipped. Core has no JSON library and a token
 * endpoint's answer is such an object. Hostile input is safe: the text is capped by the caller, nesting
 * is capped here, every error is an {@link IllegalArgumentException} with the position, never the text.
 * Immutable and thread-safe.
 */
public final class FlatJsonObject {
  /** The deepest nesting skipped before the input counts as hostile. */
  static final int MAX_DEPTH = 32;

  private final Map<String, String> members;

  private FlatJsonObject(Map<String, String> members) {
    this.members = Collections.unmodifiableMap(members);
  }

  /**
   * Parses {@code text}, which must be one JSON object and nothing else but white space.
   *
   * @throws IllegalArgumentException saying what is wrong and where; a member named twice is refused
   */
  public static FlatJsonObject parse(String text) {
    return new Reader(text).object();
  }

  /** The member's value (strings unescaped, numbers and literals as written; JSON null as "null"), or null when absent or nested. */
  public String get(String name) {
    return members.get(name);
  }

  /** The top-level scalar members, in order. */
  public Map<String, String> members() {
    return members;
  }

  /** A cursor over the text. */
  private static final class Reader {
    private final String s;
    private int i;

    Reader(String s) {
      this.s = s;
    }

    FlatJsonObject object() {
      space();
      expect('{');
      Map<String, String> out = new LinkedHashMap<>();
      space();
      if (peek() == '}') {
        i++;
      } else {
        while (true) {
          space();
          int at = i;
          String name = string();
          space();
          expect(':');
          space();
          String value = value(1);
          if (out.containsKey(name)) {
            throw fail("member named twice", at);
          }
          out.put(name, value);
          space();
          char c = next();
          if (c == '}') {
            break;
          }
          if (c != ',') {
            throw fail("expected ',' or '}'", i - 1);
          }
        }
      }
      space();
      if (i != s.length()) {
        throw fail("text after the object", i);
      }
      out.values().removeIf(v -> v == NESTED);
      return new FlatJsonObject(out);
    }

    private static final String NESTED = new String("<nested>");

    /** A value's text, or {@link #NESTED} for an object or array (checked and skipped). */
    private String value(int depth) {
      char c = peek();
      switch (c) {
        case '"': return string();
        case '{': case '[': skipNested(depth); return NESTED;
        case 't': literal("true"); return "true";
        case 'f': literal("false"); return "false";
        case 'n': literal("null"); return "null";
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw fail("unexpected character", i);
      }
    }

    private void skipNested(int depth) {
      if (depth > MAX_DEPTH) {
        throw fail("nested deeper than " + MAX_DEPTH, i);
      }
      char open = next();
      char close = open == '{' ? '}' : ']';
      space();
      if (peek() == close) {
        i++;
        return;
      }
      while (true) {
        space();
        if (open == '{') {
          string();
          space();
          expect(':');
          space();
        }
        value(depth + 1);
        space();
        char c = next();
        if (c == close) {
          return;
        }
        if (c != ',') {
          throw fail("expected ',' or '" + close + "'", i - 1);
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return b.toString();
        }
        if (c < 0x20) {
          throw fail("control character in a string", i - 1);
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = next();
        switch (e) {
          case '"': b.append('"'); break;
          case '\\': b.append('\\'); break;
          case '/': b.append('/'); break;
          case 'b': b.append('\b'); break;
          case 'f': b.append('\f'); break;
          case 'n': b.append('\n'); break;
          case 'r': b.append('\r'); break;
          case 't': b.append('\t'); break;
          case 'u': {
            if (i + 4 > s.length()) {
              throw fail("incomplete \\u escape", i);
            }
            int v = 0;
            for (int k = 0; k < 4; k++) {
              int d = Character.digit(s.charAt(i + k), 16);
              if (d < 0) {
                throw fail("bad \\u escape", i);
              }
              v = v * 16 + d;
            }
            i += 4;
            b.append((char) v);
            break;
          }
          default: throw fail("bad escape", i - 1);
        }
      }
    }

    private String number() {
      int start = i;
      if (peek() == '-') {
        i++;
      }
      if (!digits()) {
        throw fail("bad number", start);
      }
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        if (!digits()) {
          throw fail("bad number", start);
        }
      }
      if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
        i++;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
          i++;
        }
        if (!digits()) {
          throw fail("bad number", start);
        }
      }
      return s.substring(start, i);
    }

    private boolean digits() {
      int start = i;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      return i > start;
    }

    private void literal(String word) {
      if (!s.startsWith(word, i)) {
        throw fail("unexpected character", i);
      }
      i += word.length();
    }

    private void space() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        i++;
      }
    }

    private char peek() {
      if (i >= s.length()) {
        throw fail("unexpected end", i);
      }
      return s.charAt(i);
    }

    private char next() {
      char c = peek();
      i++;
      return c;
    }

    private void expect(char c) {
      if (next() != c) {
        throw fail("expected '" + c + "'", i - 1);
      }
    }

    private static IllegalArgumentException fail(String what, int at) {
      return new IllegalArgumentException("malformed JSON: " + what + " at offset " + at);
    }
  }
}
