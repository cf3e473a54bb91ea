package io.inferlink.examples.torchserve.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.inferlink.spi.support.JsonLimits;

/**
 * The JSON dialect of the template: Python's {@code json} module, which TorchServe handlers use.
 * It reads and writes NaN and infinities as the bare tokens {@code NaN}, {@code Infinity} and
 * {@code -Infinity}, so they are enabled both ways here; Jackson's default would quote them as
 * strings, which a handler would take for text. Thread-safe (the factory is).
 */
final class TorchServeJson {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      // A multi-MiB tensor is one long array; the body size is already capped by maxMessageSize.
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE)
          .maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH)
          .build())
      .build();

  private TorchServeJson() {}
}
