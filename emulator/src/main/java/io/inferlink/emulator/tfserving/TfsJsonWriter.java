package io.inferlink.emulator.tfserving;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small JSON writer laid out like rapidjson's {@code PrettyWriter}, which TF Serving uses: four
 * spaces per level, {@code "key": value}, and optionally arrays on one line ({@code [1, 2]}), as TF
 * writes prediction rows. Numbers are written as given (already formatted), strings as raw bytes
 * with only quotes, backslashes and control characters escaped, so binary strings pass through as
 * TF's do. Not thread-safe; one per response.
 */
final class TfsJsonWriter {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Deque<Level> levels = new ArrayDeque<>();
  private boolean singleLineArrays;

  /** Arrays opened from now on are written on one line (or not). */
  TfsJsonWriter singleLineArrays(boolean on) {
    singleLineArrays = on;
    return this;
  }

  TfsJsonWriter beginObject() {
    prefix();
    out.write('{');
    levels.push(new Level(false, false));
    return this;
  }

  TfsJsonWriter endObject() {
    Level level = levels.pop();
    if (level.count > 0) {
      newline();
    }
    out.write('}');
    return this;
  }

  TfsJsonWriter beginArray() {
    prefix();
    out.write('[');
    levels.push(new Level(true, singleLineArrays));
    return this;
  }

  TfsJsonWriter endArray() {
    Level level = levels.pop();
    if (level.count > 0 && !level.singleLine) {
      newline();
    }
    out.write(']');
    return this;
  }

  TfsJsonWriter key(String name) {
    return string(name);
  }

  TfsJsonWriter string(String text) {
    return rawString(text.getBytes(StandardCharsets.UTF_8));
  }

  TfsJsonWriter rawString(byte[] bytes) {
    prefix();
    out.write('"');
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c == '"' || c == '\\') {
        out.write('\\');
        out.write(c);
      } else if (c < 0x20) {
        escapeControl(c);
      } else {
        out.write(c);
      }
    }
    out.write('"');
    return this;
  }

  /** A number (or {@code true}, {@code false}, {@code null}, {@code NaN}) already in its JSON text. */
  TfsJsonWriter literal(String text) {
    prefix();
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  byte[] toBytes() {
    return out.toByteArray();
  }

  String text() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private void escapeControl(int c) {
    out.write('\\');
    switch (c) {
      case '\b': out.write('b'); break;
      case '\f': out.write('f'); break;
      case '\n': out.write('n'); break;
      case '\r': out.write('r'); break;
      case '\t': out.write('t'); break;
      default:
        out.writeBytes(new byte[] {'u', '0', '0', HEX[c >> 4], HEX[c & 0xf]});
    }
  }

  /** What rapidjson writes before a value: separators, newlines and indentation. */
  private void prefix() {
    Level level = levels.peek();
    if (level == null) {
      return;
    }
    if (level.array) {
      if (level.count > 0) {
        out.write(',');
        if (level.singleLine) {
          out.write(' ');
        }
      }
      if (!level.singleLine) {
        newline();
      }
    } else if (level.count % 2 == 1) {
      out.writeBytes(": ".getBytes(StandardCharsets.US_ASCII)); // a value after its key
    } else {
      if (level.count > 0) {
        out.write(',');
      }
      newline();
    }
    level.count++;
  }

  private void newline() {
    out.write('\n');
    for (int i = 0; i < levels.size(); i++) {
      out.writeBytes("    ".getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** One open object or array. */
  private static final class Level {
    final boolean array;
    final boolean singleLine;
    int count;

    Level(boolean array, boolean singleLine) {
      this.array = array;
      this.singleLine = singleLine;
    }
  }
}
