package io.inferlink.emulator.kservev1;

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
import java.io.IOException;

/**
 * JSON trees for the V1 frontend. Bare {@code NaN}, {@code Infinity} and {@code -Infinity} are read
 * and written, as TF Serving and Python's {@code json} do (KServe's orjson refuses them on input and
 * writes {@code null}; the emulator keeps them so that every float survives the round trip).
 * Thread-safe (the mapper is).
 */
final class V1RestJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          // Multi-MiB tensors are normal: lift Jackson's default string length cap.
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private V1RestJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The request body as a JSON object; 400 as KServe words it ({@code Unrecognized request format}) otherwise. */
  static ObjectNode parseObject(byte[] body) {
    JsonNode doc;
    try {
      doc = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw V1RestError.invalid("Unrecognized request format: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw V1RestError.invalid("Unrecognized request format: " + e.getMessage());
    }
    if (doc == null || !doc.isObject()) {
      throw V1RestError.invalid("Unrecognized request format: the body must be a JSON object");
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

  /** {@code {"<field>": message}}. */
  static byte[] message(String field, String message) {
    ObjectNode doc = object();
    doc.put(field, message);
    return bytes(doc);
  }
}
