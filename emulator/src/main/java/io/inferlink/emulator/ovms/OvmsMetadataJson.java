package io.inferlink.emulator.ovms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Re-spells a TF Serving metadata document the way OVMS prints it (PROTOCOLS.md §4.4): OVMS prints
 * the whole {@code GetModelMetadataResponse} as default proto3 JSON, so field names are
 * lowerCamelCase ({@code modelSpec}, {@code signatureDef}, {@code tensorShape}, {@code methodName})
 * and the {@code Any} holding the signatures carries an {@code @type}. Map keys (the metadata key
 * {@code signature_def}, signature names, tensor names) keep their spelling. Stateless.
 */
final class OvmsMetadataJson {
  static final String SIGNATURE_DEF_MAP_TYPE = "type.googleapis.com/tensorflow.serving.SignatureDefMap";

  private OvmsMetadataJson() {}

  static ObjectNode camelCase(JsonNode tf) {
    ObjectNode out = OvmsJson.object();
    JsonNode spec = tf.path("model_spec");
    ObjectNode modelSpec = out.putObject("modelSpec");
    modelSpec.put("name", spec.path("name").asText());
    modelSpec.put("signatureName", spec.path("signature_name").asText());
    modelSpec.put("version", spec.path("version").asText());
    ObjectNode any = out.putObject("metadata").putObject("signature_def");
    any.put("@type", SIGNATURE_DEF_MAP_TYPE);
    ObjectNode defs = any.putObject("signatureDef");
    for (Map.Entry<String, JsonNode> sig : tf.path("metadata").path("signature_def").path("signature_def").properties()) {
      ObjectNode def = defs.putObject(sig.getKey());
      tensors(def.putObject("inputs"), sig.getValue().path("inputs"));
      tensors(def.putObject("outputs"), sig.getValue().path("outputs"));
      def.put("methodName", sig.getValue().path("method_name").asText());
    }
    return out;
  }

  private static void tensors(ObjectNode into, JsonNode tf) {
    for (Map.Entry<String, JsonNode> t : tf.properties()) {
      ObjectNode info = into.putObject(t.getKey());
      info.put("name", t.getValue().path("name").asText());
      info.put("dtype", t.getValue().path("dtype").asText());
      JsonNode shape = t.getValue().path("tensor_shape");
      ObjectNode tensorShape = info.putObject("tensorShape");
      tensorShape.set("dim", shape.path("dim").deepCopy());
      tensorShape.put("unknownRank", shape.path("unknown_rank").asBoolean(false));
    }
  }
}
