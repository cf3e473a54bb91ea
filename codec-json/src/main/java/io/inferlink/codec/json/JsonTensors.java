package io.inferlink.codec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.inferlink.spi.support.JsonLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The one Jackson configuration of Inferlink's JSON tensor documents, and the parsers {@link JsonColumn} reads
 * numeric lists through at full speed. Two dialects: with non-numeric numbers ({@code NaN}, {@code Infinity},
 * {@code -Infinity} read as numbers; what TF Serving, Python's {@code json} and KServe's servers write) or
 * strict JSON. Both: Schubfach for doubles written and FastDoubleParser for doubles read (correctly rounded,
 * like the JDK's), nesting at most {@link JsonLimits#MAX_NESTING_DEPTH}, numbers at most {@link #MAX_NUMBER_LENGTH}
 * characters, strings of any length (the transport caps the body). Stateless and thread-safe.
 */
public final class JsonTensors {
  /** The longest number, in characters, a document may hold. */
  public static final int MAX_NUMBER_LENGTH = 1000;

  private static final TensorJsonFactory NON_NUMERIC = new TensorJsonFactory(true);
  private static final TensorJsonFactory STRICT = new TensorJsonFactory(false);

  private JsonTensors() {}

  /**
   * The factory of one dialect. Shared: give an {@code ObjectMapper} a {@link JsonFactory#copy() copy}, since a
   * mapper sets itself as its factory's codec.
   *
   * @param nonNumericNumbers whether {@code NaN}, {@code Infinity} and {@code -Infinity} are read as numbers
   *     (and written bare by {@code JsonGenerator.writeNumber}); strict JSON otherwise
   * @return the shared factory for that choice
   */
  public static JsonFactory factory(boolean nonNumericNumbers) {
    return nonNumericNumbers ? NON_NUMERIC : STRICT;
  }

  /**
   * A parser over UTF-8 bytes held in buffers, read in order from each buffer's position to its limit (the
   * buffers are not changed). Unlike the factory's own parsers, it lets {@link JsonColumn} read lists of numbers
   * straight from the buffers instead of token by token.
   *
   * @param utf8 the document, possibly split across buffers
   * @param nonNumericNumbers whether {@code NaN}, {@code Infinity} and {@code -Infinity} are read as numbers
   * @return a parser positioned before the first token
   */
  public static JsonParser parser(List<ByteBuffer> utf8, boolean nonNumericNumbers) {
    try {
      return (nonNumericNumbers ? NON_NUMERIC : STRICT).chunkedParser(utf8);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // nothing is read before the first token
    }
  }

  /**
   * {@link #parser(List, boolean)} over one array.
   *
   * @param utf8 the whole document
   * @param nonNumericNumbers whether {@code NaN}, {@code Infinity} and {@code -Infinity} are read as numbers
   * @return a parser positioned before the first token
   */
  public static JsonParser parser(byte[] utf8, boolean nonNumericNumbers) {
    return parser(List.of(ByteBuffer.wrap(utf8)), nonNumericNumbers);
  }
}
