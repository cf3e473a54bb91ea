package io.inferlink.examples.torchserve.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.spi.JsonLimits;
import java.io.IOException;

/**
 * JSON trees as a TorchServe handler's Python {@code json} module reads and writes them: bare
 * {@code NaN} and infinities allowed both ways. Thread-safe (the mapper is).
 */
final class TorchServeJsonTrees {
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
              .maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH).build())
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private TorchServeJsonTrees() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The body as a JSON object, or a handler's 400 naming what is wrong. */
  static ObjectNode parseObject(byte[] body) {
    JsonNode doc;
    try {
      doc = MAPPER.readTree(body);
    } catch (IOException e) {
      throw TorchServeError.handler(400, "the body is not JSON: " + e.getMessage());
    }
    if (doc == null || !doc.isObject()) {
      throw TorchServeError.handler(400, "the body must be a JSON object of named tensors");
    }
    return (ObjectNode) doc;
  }

  static byte[] bytes(JsonNode doc) {
    try {
      return MAPPER.writeValueAsBytes(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree always writes", e);
    }
  }
}
