package io.inferlink.emulator.ovms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.emulator.HttpCall;
import io.inferlink.emulator.HttpReply;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedModel;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /v1/models} paths answer on OVMS 2026.3 and later, where they belong to the
 * OpenAI-compatible "list models" and "retrieve model" handler (PROTOCOLS.md §4.1, §7.6): a list
 * object, or one model object; other methods on those paths are 406, other paths 400. Stateless.
 */
final class OvmsOpenAiModels {
  private static final Pattern MODELS = Pattern.compile("/v1/models(?:/([^/]+))?");
  /** A fixed creation time, so answers are reproducible. */
  private static final long CREATED = 1_767_225_600L;

  private OvmsOpenAiModels() {}

  static HttpReply answer(HttpCall http, ModelScript script) {
    Matcher m = MODELS.matcher(http.rawPath());
    if (!m.matches()) {
      throw OvmsError.invalidUrl();
    }
    if (!http.method().equals("GET")) {
      throw OvmsError.unsupportedMethod();
    }
    if (m.group(1) == null) {
      ObjectNode list = OvmsJson.object();
      list.put("object", "list");
      ArrayNode data = list.putArray("data");
      script.models().forEach(model -> model(data.addObject(), model.name()));
      return OvmsJson.ok(list);
    }
    String id = URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    Optional<ScriptedModel> model = script.model(id);
    if (model.isEmpty()) {
      ObjectNode error = OvmsJson.object();
      ObjectNode body = error.putObject("error");
      body.put("message", "The model `" + id + "` does not exist");
      body.put("type", "invalid_request_error");
      return HttpReply.of(404, OvmsJson.JSON, OvmsJson.bytes(error));
    }
    ObjectNode doc = OvmsJson.object();
    model(doc, id);
    return OvmsJson.ok(doc);
  }

  private static void model(ObjectNode into, String id) {
    into.put("id", id);
    into.put("object", "model");
    into.put("created", CREATED);
    into.put("owned_by", "OVMS");
  }
}
