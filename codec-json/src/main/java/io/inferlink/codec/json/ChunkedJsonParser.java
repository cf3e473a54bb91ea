package io.inferlink.codec.json;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;

/**
 * Jackson's UTF-8 parser over a {@link ChunkStream}, which can hand a list to {@link NumberLists} and continue
 * after it: the list's bytes are read once, by the faster reader, and the parser never tokenizes them. Everything
 * else is Jackson's own parsing, errors and limits included. Not thread-safe.
 */
final class ChunkedJsonParser extends UTF8StreamJsonParser {
  private final ChunkStream source;
  private final boolean nonNumericNumbers;

  ChunkedJsonParser(IOContext context, int features, ChunkStream source, ObjectCodec codec,
      ByteQuadsCanonicalizer symbols, boolean nonNumericNumbers) {
    super(context, features, source, codec, symbols, context.allocReadIOBuffer(), 0, 0, (int) source.position(), true);
    this.source = source;
    this.nonNumericNumbers = nonNumericNumbers;
  }

  private NumberLists numberLists;

  /** The reader of lists of numbers over this parser's bytes, one for all columns of the document. */
  NumberLists numberLists() {
    if (numberLists == null) {
      numberLists = new NumberLists(source, nonNumericNumbers);
    }
    return numberLists;
  }

  /** The document offset of the next byte the parser has not consumed: after {@code [} on START_ARRAY. */
  long offset() {
    return _currInputProcessed + _inputPtr;
  }

  /** How deep the current token is nested (1 for a top-level list's START_ARRAY). */
  int depth() {
    return _parsingContext.getNestingDepth();
  }

  /**
   * Moves the parser from a list's START_ARRAY to its END_ARRAY, whose {@code ]} ends just before document
   * offset {@code end}, as if it had read every token in between.
   */
  void skipListTo(long end) {
    long bufferStart = _currInputProcessed;
    if (end <= bufferStart + _inputEnd) {
      _inputPtr = (int) (end - bufferStart);
    } else {
      source.seek(end);
      _currInputProcessed = end;
      _currInputRowStart = 0;
      _inputPtr = 0;
      _inputEnd = 0;
    }
    _parsingContext = _parsingContext.clearAndGetParent();
    _currToken = JsonToken.END_ARRAY;
  }
}
