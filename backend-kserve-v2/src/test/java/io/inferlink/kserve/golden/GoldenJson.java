package io.inferlink.kserve.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Helpers of the golden tests: JSON compared semantically (objects as maps, so key order and blanks
 * do not count, values and types do), and little-endian blobs written out by hand.
 */
final class GoldenJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GoldenJson() {}

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("fixture is not JSON: " + json, e);
    }
  }

  static JsonNode tree(byte[] body, long length) {
    return tree(new String(Arrays.copyOf(body, (int) length), StandardCharsets.UTF_8));
  }

  static void assertSameJson(JsonNode expected, JsonNode actual) {
    assertEquals(expected, actual, () -> "expected " + expected + "\nbut got  " + actual);
  }

  /** Removes a field from an object node and returns the node, for documented fields we place elsewhere. */
  static JsonNode without(JsonNode doc, String field) {
    ((ObjectNode) doc).remove(field);
    return doc;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] le32(int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  static byte[] fp32(float... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }
}
