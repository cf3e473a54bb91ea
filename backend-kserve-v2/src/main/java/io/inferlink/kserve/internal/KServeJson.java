package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.inferlink.spi.support.JsonLimits;

/**
 * The one JSON factory of the KServe REST clients, V1 and V2: numbers written as the shortest text
 * that reads back to the same float or double; NaN and infinities written as the bare tokens
 * {@code NaN}/{@code Infinity} (KServe V1 has no other way to send them, as in TF Serving's row
 * format; the V2 writer never writes them, it sends such tensors binary) and read back when servers
 * emit them. Body sizes are capped by the transport, not here.
 */
final class KServeJson {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      // Schubfach: the shortest text that reads back to the same float/double (JDK 17's toString is not always shortest).
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      // Big JSON tensors are long arrays; the transport already caps the body size.
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE)
          .maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH)
          .maxNumberLength(1000)
          .build())
      .build();

  private KServeJson() {}
}
