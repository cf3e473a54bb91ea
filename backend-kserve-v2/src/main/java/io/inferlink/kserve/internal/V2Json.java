package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/**
 * The JSON dialect of the Open Inference Protocol REST API: strict JSON out (NaN and infinities never
 * written; the writer sends such tensors binary instead), shortest round-trip number text, and a
 * reader that tolerates bare {@code NaN}/{@code Infinity} because some servers emit them.
 */
final class V2Json {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      // Schubfach: the shortest text that reads back to the same float/double (JDK 17's toString is not always shortest).
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      // Big JSON tensors are long arrays; the transport already caps the body size.
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE)
          .maxNestingDepth(64)
          .maxNumberLength(1000)
          .build())
      .build();

  private V2Json() {}
}
