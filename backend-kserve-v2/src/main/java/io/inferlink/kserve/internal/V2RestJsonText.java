package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonParser;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.codec.json.RawByteText;
import io.inferlink.transport.http.internal.ByteChunks;
import java.io.IOException;

/**
 * The JSON header of a V2 REST answer, whose strings may hold raw bytes: Triton's REST server copies each
 * element of a BYTES output into its JSON string byte for byte, so an element such as {@code FF FE} makes the
 * answer invalid UTF-8, which Jackson's byte parser refuses, while tritonclient reads the bytes back as they were.
 * Such a header is read as the codec's {@link RawByteText} says (raw bytes as lone surrogates, mapped back by
 * the data reader). Every other answer keeps the fast byte parser: the strict UTF-8 check that decides runs only
 * when that parse fails, or when the answer has BYTES {@code data} (Jackson's byte parser accepts a few
 * ill-formed sequences, such as the overlong {@code C0 80}, which would otherwise come back as other bytes).
 * Not thread-safe; one per answer.
 */
final class V2RestJsonText {
  private final ByteChunks utf8;
  private char[] decoded; // null: the bytes are read as UTF-8

  V2RestJsonText(ByteChunks utf8) {
    this.utf8 = utf8;
  }

  /** A new parser over the whole header; the caller closes it. */
  JsonParser parser() throws IOException {
    return decoded == null
        ? JsonTensors.parser(utf8.chunks(), true)
        : JsonTensors.factory(true).createParser(decoded, 0, decoded.length);
  }

  /**
   * Switches to reading raw bytes when the header is not well-formed UTF-8.
   *
   * @return true when parsers from now on read raw bytes; false when the header is well-formed (or the
   *     switch was made before), so a parse that failed failed for another reason
   */
  boolean switchToRawBytes() {
    if (decoded != null || RawByteText.isWellFormed(utf8.chunks())) {
      return false;
    }
    decoded = RawByteText.decode(utf8.toByteArray());
    return true;
  }
}
