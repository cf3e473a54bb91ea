package io.inferlink.examples.torchserve.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.DataType;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.emulator.ScriptedModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The script as TorchServe sees it: models by name, versions compared as numbers (TorchServe keys
 * versions by their double value, so "1" and "1.0" are one version), no labels, the latest version
 * as the default, and the management API's model descriptions. Immutable and thread-safe.
 */
final class TorchServeModels {
  private final ModelScript script;

  TorchServeModels(ModelScript script) {
    this.script = script;
  }

  /** The model version a path names; TorchServe's 404s for an unknown model or version. */
  ResolvedModel resolve(String name, String version) {
    ScriptedModel model = script.model(name).orElseThrow(() -> TorchServeError.modelNotFound(name));
    if (version == null) {
      return new ResolvedModel(model, model.latestVersion());
    }
    for (String v : model.versions()) {
      if (sameVersion(v, version)) {
        return new ResolvedModel(model, v);
      }
    }
    throw TorchServeError.versionNotFound(name, version);
  }

  /** Whether every model's default version is ready: TorchServe's ping answers "Healthy" only then. */
  boolean allReady() {
    return script.models().stream().allMatch(m -> m.isReady(m.latestVersion()));
  }

  /** The model's declared input types, by name. */
  static Map<String, DataType> inputTypes(ResolvedModel target) {
    Map<String, DataType> types = new LinkedHashMap<>();
    for (TensorSpec spec : target.model().metadata(target.version()).inputs()) {
      types.put(spec.name(), spec.dtype());
    }
    return types;
  }

  /**
   * {@code GET /models/{m}[/{v}|/all]}: a list of version descriptions in TorchServe's form, each with
   * one worker, {@code READY} when the version is ready, and none when it is not.
   */
  ArrayNode describe(String name, String version) {
    ScriptedModel model = script.model(name).orElseThrow(() -> TorchServeError.modelNotFound(name));
    List<String> versions = "all".equals(version) ? model.versions() : List.of(resolve(name, version).version());
    ArrayNode list = TorchServeJsonTrees.object().arrayNode();
    for (String v : versions) {
      ObjectNode d = list.addObject();
      d.put("modelName", name);
      d.put("modelVersion", v);
      d.put("modelUrl", name + ".mar");
      d.put("runtime", "python");
      d.put("minWorkers", 1);
      d.put("maxWorkers", 1);
      d.put("batchSize", 1);
      d.put("maxBatchDelay", 100);
      ArrayNode workers = d.putArray("workers");
      if (model.isReady(v)) {
        ObjectNode w = workers.addObject();
        w.put("id", "9000");
        w.put("status", "READY");
        w.put("gpu", false);
      }
    }
    return list;
  }

  /** {@code GET /models}: {@code {"models": [{"modelName": m, "modelUrl": "m.mar"}, ...]}}. */
  ObjectNode list() {
    ObjectNode doc = TorchServeJsonTrees.object();
    ArrayNode models = doc.putArray("models");
    for (ScriptedModel m : script.models()) {
      models.addObject().put("modelName", m.name()).put("modelUrl", m.name() + ".mar");
    }
    return doc;
  }

  private static boolean sameVersion(String a, String b) {
    try {
      return Double.parseDouble(a) == Double.parseDouble(b);
    } catch (NumberFormatException e) {
      return a.equals(b);
    }
  }
}
