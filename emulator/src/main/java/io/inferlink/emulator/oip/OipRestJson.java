package io.inferlink.emulator.oip;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Strict JSON trees for the REST frontend: parse a header, make and write documents. Thread-safe
 * (the mapper is).
 */
final class OipRestJson {
  // Multi-MiB tensors are normal: lift Jackson's default string length cap.
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .build();

  private OipRestJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** The JSON object in {@code length} bytes of {@code body}; 400 when it is not one. */
  static ObjectNode parseObject(byte[] body, int length) {
    return parseObject(body, length, "inference request");
  }

  /** As {@link #parseObject(byte[], int)}, naming {@code what} the body is in the 400's message. */
  static ObjectNode parseObject(byte[] body, int length, String what) {
    if (length == 0) {
      throw OipRestError.invalid("the " + what + " JSON is empty");
    }
    JsonNode doc;
    try {
      doc = MAPPER.readTree(body, 0, length);
    } catch (JsonProcessingException e) {
      throw OipRestError.invalid("invalid " + what + " JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw OipRestError.invalid("invalid " + what + " JSON: " + e.getMessage());
    }
    if (doc == null || !doc.isObject()) {
      throw OipRestError.invalid("the " + what + " must be a JSON object");
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

  /** {@code {"error": message}}. */
  static byte[] error(String message) {
    ObjectNode doc = object();
    doc.put("error", message);
    return bytes(doc);
  }
}
