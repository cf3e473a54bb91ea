package io.inferlink.codec.json;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSON text whose strings may hold raw bytes. Triton's REST server copies each element of a BYTES output into its
 * JSON string byte for byte (escaping only quotes, backslashes and control characters), so an element such as
 * {@code FF FE} makes the answer invalid UTF-8, which Jackson's byte parser refuses, while tritonclient reads the
 * bytes back as they were.
 *
 * <p>Such a document is read the way Python's {@code surrogateescape} error handler (PEP 383) reads undecodable
 * bytes: {@link #decode} turns it into text, each byte that is not part of a well-formed UTF-8 sequence mapped to
 * the lone low surrogate {@code U+DC80..U+DCFF}, which no well-formed UTF-8 decodes to; Jackson's character
 * parser takes that text unchanged (it checks structure, not surrogates), and {@link #bytes} maps each such
 * surrogate back to its byte ({@link LeafRules#withRawByteStrings()} makes a {@link JsonColumn} do so). Stateless
 * and thread-safe.
 */
public final class RawByteText {
  private static final int ESCAPED_BYTE = 0xDC00;

  private RawByteText() {}

  /**
   * The bytes a string of such a document stands for: its UTF-8 form, with escaped raw bytes restored.
   *
   * @param s a string read from a document decoded with {@link #decode}
   * @return the bytes the server sent for it
   */
  public static byte[] bytes(String s) {
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

  /**
   * The text of bytes that may not be well-formed UTF-8, raw bytes escaped as lone surrogates.
   *
   * @param bytes the document as received
   * @return its characters, each byte of a malformed sequence as one lone surrogate
   */
  public static char[] decode(byte[] bytes) {
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
   * Whether the bytes, read in order from each buffer's position to its limit, are well-formed UTF-8 (RFC 3629:
   * no overlong forms, surrogates or code points beyond U+10FFFF), across buffer boundaries; ASCII runs are
   * skipped eight bytes at a time.
   *
   * @param bytes the text, possibly split across buffers mid-character
   * @return true when the whole sequence is well-formed UTF-8
   */
  public static boolean isWellFormed(List<ByteBuffer> bytes) {
    int pending = 0; // continuation bytes still due
    int low = 0x80;
    int high = 0xBF; // the range of the next continuation byte
    for (ByteBuffer chunk : bytes) {
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

  /**
   * The text of well-formed UTF-8.
   *
   * @param bytes the bytes from the buffer's position to its limit; the buffer is not changed
   * @return the text, or {@code null} when the bytes are not well-formed (so they cannot be a JSON string)
   */
  public static String strictUtf8(ByteBuffer bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }
}
