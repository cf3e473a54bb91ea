package io.inferlink.codec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.inferlink.spi.support.JsonLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * {@link JsonTensors}' factory: Jackson's, configured once, plus the {@link ChunkedJsonParser} it builds the way
 * Jackson builds its own byte parsers (same context, features and symbol table). Thread-safe.
 */
final class TensorJsonFactory extends JsonFactory {
  private static final long serialVersionUID = 1L;
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final boolean nonNumericNumbers;

  TensorJsonFactory(boolean nonNumericNumbers) {
    super(configured(nonNumericNumbers));
    this.nonNumericNumbers = nonNumericNumbers;
  }

  private TensorJsonFactory(TensorJsonFactory source) {
    super(source, null);
    this.nonNumericNumbers = source.nonNumericNumbers;
  }

  private static JsonFactoryBuilder configured(boolean nonNumericNumbers) {
    JsonFactoryBuilder b = new JsonFactoryBuilder();
    if (nonNumericNumbers) {
      b.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS);
    }
    return b
        // Schubfach and FastDoubleParser: correctly rounded like the JDK's, several times faster on Java 17.
        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE) // long base64 strings; the transport caps the body
            .maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH)
            .maxNumberLength(JsonTensors.MAX_NUMBER_LENGTH)
            .build());
  }

  @Override
  public JsonFactory copy() {
    return new TensorJsonFactory(this);
  }

  ChunkedJsonParser chunkedParser(List<ByteBuffer> utf8) throws IOException {
    ChunkStream in = new ChunkStream(utf8);
    if (in.startsWith(UTF8_BOM)) {
      in.seek(UTF8_BOM.length); // as Jackson's own byte parsers do
    }
    IOContext context = _createContext(_createContentReference(in), true);
    return new ChunkedJsonParser(context, _parserFeatures, in, _objectCodec,
        _byteSymbolCanonicalizer.makeChild(_factoryFeatures), nonNumericNumbers);
  }
}
