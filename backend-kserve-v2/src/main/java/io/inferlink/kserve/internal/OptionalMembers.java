package io.inferlink.kserve.internal;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one rule of the KServe readers for optional members of a protocol document: JSON {@code null}
 * means absent. Servers spell "not set" both ways: KServe's Python server serialises every unset
 * field of its response models, so a model without a version answers {@code "model_version": null}
 * and {@code "parameters": null}, while Triton and MLServer leave such members out. A required
 * member that is {@code null} is therefore reported as missing. A {@code null} inside tensor
 * {@code data} is a value, not a member, and is judged by the data readers. Stateless.
 */
final class OptionalMembers {
  private OptionalMembers() {}

  /** Whether the value token of a member says the member is absent. */
  static boolean absent(JsonToken value) {
    return value == JsonToken.VALUE_NULL;
  }

  /** The member of a tree object, or {@code null} when it is missing or JSON {@code null}. */
  static JsonNode get(JsonNode object, String name) {
    JsonNode v = object.get(name);
    return v == null || v.isNull() ? null : v;
  }
}
