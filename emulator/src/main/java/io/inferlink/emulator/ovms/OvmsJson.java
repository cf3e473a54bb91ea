package io.inferlink.emulator.ovms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.emulator.HttpReply;
import java.io.IOException;

/**
 * JSON trees for the OVMS routes: reading request headers and the documents the routes they wrap
 * answer, writing OVMS's own documents and its compact {@code {"error": msg}}. Thread-safe.
 */
final class OvmsJson {
  static final String JSON = "application/json";

  // The TF Serving documents may hold bare NaN; tensors may be long.
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build())
      .build();

  private OvmsJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The JSON object in the first {@code length} bytes; a 400 when it is not one. */
  static ObjectNode parse(byte[] body, int length) {
    JsonNode doc;
    try {
      doc = length == 0 ? null : MAPPER.readTree(body, 0, length);
    } catch (IOException e) {
      throw OvmsError.invalid("JSON is not valid: " + e.getMessage());
    }
    if (doc == null || !doc.isObject()) {
      throw OvmsError.invalid("the request body is not a JSON object");
    }
    return (ObjectNode) doc;
  }

  static byte[] bytes(JsonNode doc) {
    try {
      return MAPPER.writeValueAsBytes(doc);
    } catch (IOException e) {
      throw new IllegalStateException("a tree always writes", e);
    }
  }

  static HttpReply ok(JsonNode doc) {
    return HttpReply.of(200, JSON, bytes(doc));
  }

  /** OVMS's error answer; a 204 has no body at all. */
  static HttpReply error(int status, String message) {
    if (status == 204) {
      return HttpReply.empty(204);
    }
    ObjectNode doc = object();
    doc.put("error", message);
    return HttpReply.of(status, JSON, bytes(doc));
  }
}
