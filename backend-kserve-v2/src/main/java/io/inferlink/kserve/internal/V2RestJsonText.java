package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonParser;
import io.inferlink.transport.http.ByteChunks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The JSON header of a V2 REST answer, whose strings may hold raw bytes. Triton's REST server copies
 * each element of a BYTES output into its JSON string byte for byte (escaping only quotes, backslashes
 * and control characters), so an element such as {@code FF FE} makes the answer invalid UTF-8, which
 * Jackson's byte parser refuses, while tritonclient reads the bytes back as they were.
 *
 * <p>Such a header is read the way Python's {@code surrogateescape} error handler (PEP 383) reads
 * undecodable bytes: decoded as UTF-8, with each byte that is not part of a well-formed sequence
 * mapped to the lone low surrogate {@code U+DC80..U+DCFF}, which no well-formed UTF-8 decodes to;
 * Jackson's character parser takes that text unchanged (it checks structure, not surrogates), and
 * {@link #bytes} maps each such surrogate back to its byte. Every other answer keeps Jackson's fast
 * byte parser: the strict UTF-8 check that decides runs only when that parse fails, or when the answer
 * has BYTES {@code data} (Jackson's byte parser accepts a few ill-formed sequences, such as the
 * overlong {@code C0 80}, which would otherwise come back as other bytes). Not thread-safe; one per
 * answer.
 */
final class V2RestJsonText {
  private static final int ESCAPED_BYTE = 0xDC00;

  private final ByteChunks utf8;
  private char[] decoded; // null: the bytes are read as UTF-8

  V2RestJsonText(ByteChunks utf8) {
    this.utf8 = utf8;
  }

  /** A new parser over the whole header; the caller closes it. */
  JsonParser parser() throws IOException {
    return decoded == null
        ? KServeJson.FACTORY.createParser(utf8.newInputStream())
        : KServeJson.FACTORY.createParser(decoded, 0, decoded.length);
  }

  /**
   * Switches to reading raw bytes when the header is not well-formed UTF-8.
   *
   * @return true when parsers from now on read raw bytes; false when the header is well-formed (or the
   *     switch was made before), so a parse that failed failed for another reason
   */
  boolean switchToRawBytes() {
    if (decoded != null || isWellFormed(utf8)) {
      return false;
    }
    decoded = decodeEscapingBytes(utf8.toByteArray());
    return true;
  }

  /** The bytes a string of the header stands for: its UTF-8 form, with escaped raw bytes restored. */
  static byte[] bytes(String s) {
    int first = firstEscapedByte(s, 0);
    if (first < 0) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
    int start = 0;
    for (int i = first; i >= 0; i = firstEscapedByte(s, start)) {
      out.writeBytes(s.substring(start, i).getBytes(StandardCharsets.UTF_8));
      out.write(s.charAt(i) - ESCAPED_BYTE);
      start = i + 1;
    }
    out.writeBytes(s.substring(start).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** A lone U+DC80..U+DCFF (the low half of a surrogate pair is text, not an escaped byte). */
  private static int firstEscapedByte(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= ESCAPED_BYTE + 0x80 && c <= ESCAPED_BYTE + 0xFF
          && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  private static char[] decodeEscapingBytes(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // never more chars than bytes
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isUnderflow()) {
        break;
      }
      for (int i = 0; i < r.length(); i++) { // the JDK reports ill-formed input a byte or a few at a time
        out.put((char) (ESCAPED_BYTE | (in.get() & 0xFF)));
      }
    }
    decoder.flush(out);
    char[] text = new char[out.position()];
    out.flip().get(text);
    return text;
  }

  /**
   * Whether the bytes are well-formed UTF-8 (RFC 3629: no overlong forms, surrogates or code points
   * beyond U+10FFFF), across chunk boundaries; ASCII runs are skipped eight bytes at a time.
   */
  static boolean isWellFormed(ByteChunks bytes) {
    int pending = 0; // continuation bytes still due
    int low = 0x80;
    int high = 0xBF; // the range of the next continuation byte
    for (ByteBuffer chunk : bytes.chunks()) {
      int i = chunk.position();
      int end = chunk.limit();
      while (i < end) {
        if (pending == 0) {
          while (i + 8 <= end && (chunk.getLong(i) & 0x8080808080808080L) == 0) {
            i += 8;
          }
          if (i == end) {
            break;
          }
          int b = chunk.get(i++) & 0xFF;
          if (b < 0x80) {
            continue;
          } else if (b < 0xC2 || b > 0xF4) {
            return false;
          } else if (b < 0xE0) {
            pending = 1;
          } else if (b < 0xF0) {
            pending = 2;
            low = b == 0xE0 ? 0xA0 : 0x80;
            high = b == 0xED ? 0x9F : 0xBF;
          } else {
            pending = 3;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF;
          }
        } else {
          int b = chunk.get(i++) & 0xFF;
          if (b < low || b > high) {
            return false;
          }
          pending--;
          low = 0x80;
          high = 0xBF;
        }
      }
    }
    return pending == 0;
  }
}
