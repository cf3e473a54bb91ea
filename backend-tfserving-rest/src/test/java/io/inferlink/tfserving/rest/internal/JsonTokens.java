package io.inferlink.tfserving.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares JSON texts token by token (type and exact text of every token, numbers included), so
 * {@code 1} and {@code 1.0} differ but whitespace does not: the documents' examples are
 * pretty-printed, our encoder is compact.
 */
final class JsonTokens {
  private JsonTokens() {}

  static List<String> tokens(String json) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = io.inferlink.codec.json.JsonTensors.factory(true).createParser(json)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        out.add(t + " " + (t == JsonToken.FIELD_NAME ? p.currentName() : p.getText()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static void assertSameTokens(String expected, byte[] actual) {
    assertSameTokens(expected, new String(actual, StandardCharsets.UTF_8));
  }

  static void assertSameTokens(String expected, String actual) {
    assertEquals(tokens(expected), tokens(actual), "JSON differs from the document's example:\n" + actual);
  }
}
