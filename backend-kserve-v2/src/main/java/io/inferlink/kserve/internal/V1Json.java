package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/**
 * The JSON dialect of KServe V1, which is TF Serving's row format: NaN and infinities are written as
 * the bare tokens {@code NaN}, {@code Infinity} and {@code -Infinity} (what TF Serving and Python's
 * {@code json} read and write; V1 has no binary side channel to send them otherwise), and read back
 * as such or as {@code null} (what orjson, KServe's encoder, makes of them). Numbers are written as
 * the shortest text that reads back to the same float or double.
 */
final class V1Json {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      // Rows of big tensors are long arrays; the transport already caps the body size.
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE)
          .maxNestingDepth(64)
          .maxNumberLength(1000)
          .build())
      .build();

  private V1Json() {}
}
