package io.inferlink.emulator.kservev1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.DataType;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.emulator.ScriptedModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The script as V1 sees it: names only (V1 has no versions, so a name is its latest version), with
 * KServe's messages for unknown and unready models. Immutable and thread-safe.
 */
final class V1RestModels {
  private final ModelScript script;

  V1RestModels(ModelScript script) {
    this.script = script;
  }

  /** The latest version of the model; 404 when unknown, 503 when not ready (KServe checks before predicting). */
  ResolvedModel resolveReady(String name) {
    ScriptedModel model = script.model(name).orElseThrow(() -> V1RestError.modelNotFound(name));
    ResolvedModel target = new ResolvedModel(model, model.latestVersion());
    if (!model.isReady(target.version())) {
      throw V1RestError.modelNotReady(name);
    }
    return target;
  }

  /** {@code {"name": <n>, "ready": true}}; 404 / 503 as {@link #resolveReady}. */
  ObjectNode ready(String name) {
    ResolvedModel target = resolveReady(name);
    ObjectNode doc = V1RestJson.object();
    doc.put("name", target.name());
    doc.put("ready", true);
    return doc;
  }

  /** {@code {"models": [<n>, ...]}} in script order. */
  ObjectNode list() {
    ObjectNode doc = V1RestJson.object();
    ArrayNode names = doc.putArray("models");
    script.models().forEach(m -> names.add(m.name()));
    return doc;
  }

  /** The declared input types of the model version, by name, in declaration order. */
  static Map<String, DataType> inputTypes(ResolvedModel target) {
    Map<String, DataType> types = new LinkedHashMap<>();
    for (TensorSpec spec : target.model().metadata(target.version()).inputs()) {
      types.put(spec.name(), spec.dtype());
    }
    return types;
  }
}
