package io.inferlink.tfserving.rest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.inferlink.spi.support.JsonLimits;

/**
 * The JSON dialect TF Serving speaks: bare {@code NaN}, {@code Infinity} and {@code -Infinity} both
 * ways (its parser and writer use them; strict JSON has no spelling for them), no length limits
 * beyond the transport's own message cap.
 */
final class TfJson {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      // Schubfach and FastDoubleParser for doubles: correctly rounded like the JDK's, several times
      // faster on Java 17 (floats have their own writer, FloatText).
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      // Big tensors are long arrays of numbers and long b64 strings; the transport caps the body.
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE)
          .maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH)
          .maxNumberLength(1000)
          .build())
      .build();

  private TfJson() {}
}
