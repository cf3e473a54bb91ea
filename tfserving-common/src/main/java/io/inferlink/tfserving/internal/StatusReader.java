package io.inferlink.tfserving.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.inferlink.spi.support.MalformedAnswerException;
import io.inferlink.tfserving.ModelVersionStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads TF Serving's model status document ({@code model_version_status}; int64 versions as strings),
 * for the TF Serving REST backend and OVMS, whose {@code /v1/config} document holds one such document
 * per model; and holds the one rule of their JSON documents for members: TF Serving writes snake_case,
 * OVMS lowerCamelCase, and JSON {@code null} means absent. A document that is not a status document
 * throws {@link MalformedAnswerException}. Stateless.
 */
public final class StatusReader {
  private StatusReader() {}

  /**
   * The versions of one parsed status document.
   *
   * @param doc the document TF Serving's or OVMS's status call answered
   * @return each version's state, in the document's order
   * @throws MalformedAnswerException when the document is not a model status
   */
  public static List<ModelVersionStatus> read(JsonNode doc) {
    JsonNode list = require(doc, "the model status document", "model_version_status", "modelVersionStatus");
    if (!list.isArray()) {
      throw new MalformedAnswerException("model_version_status is not a list");
    }
    List<ModelVersionStatus> out = new ArrayList<>();
    for (JsonNode v : list) {
      long version;
      try {
        version = Long.parseLong(v.path("version").asText("0"));
      } catch (NumberFormatException e) {
        throw new MalformedAnswerException("version '" + v.path("version").asText() + "' is not an integer");
      }
      JsonNode state = v.path("state");
      ModelVersionStatus.State s = state.isNumber()
          ? ModelVersionStatus.State.fromNumber(state.asInt())
          : ModelVersionStatus.State.fromName(state.asText(""));
      JsonNode status = v.path("status");
      JsonNode code = field(status, "error_code", "errorCode");
      JsonNode message = field(status, "error_message", "errorMessage");
      out.add(new ModelVersionStatus(version, s, code == null ? "OK" : code.asText(),
          message == null ? "" : message.asText()));
    }
    return out;
  }

  /**
   * The first of the given member names present and not JSON {@code null}.
   *
   * @param node an object
   * @param names the member's spellings, e.g. snake case then camel case
   * @return the member's value, or null when none is present
   */
  public static JsonNode field(JsonNode node, String... names) {
    for (String n : names) {
      JsonNode v = node.get(n);
      if (v != null && !v.isNull()) {
        return v;
      }
    }
    return null;
  }

  /**
   * A required member ({@link #field}), or a {@link MalformedAnswerException} naming it.
   *
   * @param node an object
   * @param what the object as the message names it
   * @param names the member's spellings
   * @return the member's value
   * @throws MalformedAnswerException when no spelling is present
   */
  public static JsonNode require(JsonNode node, String what, String... names) {
    JsonNode v = field(node, names);
    if (v == null) {
      throw new MalformedAnswerException(what + " has no \"" + names[0] + "\"");
    }
    return v;
  }
}
