package io.inferlink.tfserving.rest.internal;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferlink.codec.json.JsonTensors;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.tfserving.internal.StatusReader;
import io.inferlink.transport.http.internal.ByteChunks;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the small JSON documents (metadata, status, classify/regress results) as trees, and holds the
 * module's one rule for optional members: JSON {@code null} means absent ({@link #field},
 * {@link #absent}), as proto3 JSON writers may spell an unset field either way.
 */
final class TfDocs {
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonTensors.factory(true).copy());

  private TfDocs() {}

  static JsonNode parse(ByteChunks body, String what) {
    try (InputStream in = body.newInputStream()) {
      JsonNode node = MAPPER.readTree(in);
      if (node == null || !node.isObject()) {
        throw new MalformedAnswerException("the " + what + " response is not a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new MalformedAnswerException("the " + what + " response is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedAnswerException("cannot read the " + what + " response: " + e.getMessage(), e);
    }
  }

  /** The first of the given field names present: TF Serving writes snake_case, OVMS lowerCamelCase. */
  static JsonNode field(JsonNode node, String... names) {
    return StatusReader.field(node, names);
  }

  /** Whether a member's value token, in a streaming read, says the member is absent: JSON {@code null}. */
  static boolean absent(JsonToken value) {
    return value == JsonToken.VALUE_NULL;
  }

  /** A required field, or a malformed-response error naming it. */
  static JsonNode require(JsonNode node, String what, String... names) {
    return StatusReader.require(node, what, names);
  }
}
