package io.inferlink.ovms.internal;

import io.inferlink.ovms.MetricSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A reader of Prometheus's text exposition format (version 0.0.4), the format of OVMS's
 * {@code /metrics}: one sample per line, {@code name{label="value",...} value [timestamp]}; lines
 * starting with {@code #} ({@code HELP}, {@code TYPE} and other comments) and blank lines are skipped.
 * Label values may hold the escapes {@code \\}, {@code \"} and {@code \n}; values may be
 * {@code NaN}, {@code +Inf} and {@code -Inf}. Stateless and thread-safe.
 */
final class PrometheusText {
  private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
  private static final Pattern TIMESTAMP = Pattern.compile("-?\\d+");

  private PrometheusText() {}

  /**
   * The samples of a document, in order.
   *
   * @throws IllegalArgumentException naming the line and what is wrong with it
   */
  static List<MetricSample> parse(String text) {
    List<MetricSample> samples = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      try {
        samples.add(new Line(trimmed).sample());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + abbreviate(line), e);
      }
    }
    return samples;
  }

  /** A cursor over one sample line. */
  private static final class Line {
    private final String s;
    private int at;

    Line(String s) {
      this.s = s;
    }

    MetricSample sample() {
      String name = name(true);
      Map<String, String> labels = new LinkedHashMap<>();
      boolean blank = skipBlanks();
      if (at < s.length() && s.charAt(at) == '{') {
        at++;
        labels(labels);
        blank = skipBlanks();
      }
      if (!blank || at == s.length()) {
        throw new IllegalArgumentException("expected a blank and a value");
      }
      String value = token();
      skipBlanks();
      if (at < s.length()) {
        String timestamp = token();
        if (!TIMESTAMP.matcher(timestamp).matches()) {
          throw new IllegalArgumentException("timestamp '" + timestamp + "' is not an integer");
        }
        skipBlanks();
        if (at < s.length()) {
          throw new IllegalArgumentException("unexpected text after the timestamp");
        }
      }
      return new MetricSample(name, labels, value(value));
    }

    private void labels(Map<String, String> into) {
      while (true) {
        skipBlanks();
        if (peek() == '}') {
          at++;
          return;
        }
        String label = name(false);
        skipBlanks();
        expect('=');
        skipBlanks();
        expect('"');
        if (into.put(label, quoted()) != null) {
          throw new IllegalArgumentException("label '" + label + "' appears twice");
        }
        skipBlanks();
        char c = peek();
        at++;
        if (c == '}') {
          return;
        }
        if (c != ',') {
          throw new IllegalArgumentException("expected ',' or '}' after label '" + label + "'");
        }
      }
    }

    /** The rest of a quoted label value, its escapes undone; the cursor ends after the closing quote. */
    private String quoted() {
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = peek();
        at++;
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          char e = peek();
          at++;
          switch (e) {
            case '\\': out.append('\\'); break;
            case '"': out.append('"'); break;
            case 'n': out.append('\n'); break;
            default: throw new IllegalArgumentException("unknown escape '\\" + e + "' in a label value");
          }
        } else {
          out.append(c);
        }
      }
    }

    /** A metric name ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}) or, without colons, a label name. */
    private String name(boolean metric) {
      int start = at;
      while (at < s.length()) {
        char c = s.charAt(at);
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (metric && c == ':');
        if (!letter && !(at > start && c >= '0' && c <= '9')) {
          break;
        }
        at++;
      }
      if (at == start) {
        throw new IllegalArgumentException("expected a " + (metric ? "metric" : "label") + " name");
      }
      return s.substring(start, at);
    }

    private String token() {
      int start = at;
      while (at < s.length() && s.charAt(at) != ' ' && s.charAt(at) != '\t') {
        at++;
      }
      return s.substring(start, at);
    }

    private boolean skipBlanks() {
      int start = at;
      while (at < s.length() && (s.charAt(at) == ' ' || s.charAt(at) == '\t')) {
        at++;
      }
      return at > start;
    }

    private char peek() {
      if (at >= s.length()) {
        throw new IllegalArgumentException("the line ends inside the labels");
      }
      return s.charAt(at);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected '" + c + "'");
      }
      at++;
    }
  }

  /** Prometheus's value spellings: Go float syntax plus NaN and (+/-)Inf; not Java's Infinity or hex. */
  static double value(String text) {
    switch (text) {
      case "NaN": return Double.NaN;
      case "+Inf": case "Inf": return Double.POSITIVE_INFINITY;
      case "-Inf": return Double.NEGATIVE_INFINITY;
      default:
        if (!NUMBER.matcher(text).matches()) {
          throw new IllegalArgumentException("value '" + text + "' is not a number");
        }
        return Double.parseDouble(text);
    }
  }

  private static String abbreviate(String line) {
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }
}
