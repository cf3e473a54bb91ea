package io.inferlink.emulator.oip;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferlink.ModelMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.emulator.ScriptedModel;
import java.util.List;

/**
 * The script as the REST paths name it, with the same resolution and messages as the gRPC frontend:
 * a version string, empty meaning the latest, no labels; unknown is 404, and so is a model the
 * repository unloaded. Thread-safe.
 */
final class OipRestModels {
  private final ModelScript script;
  private final OipModelRepository repository; // null: every model is loaded
  private final OipRestDialect dialect;

  OipRestModels(ModelScript script, OipModelRepository repository, OipRestDialect dialect) {
    this.script = script;
    this.repository = repository;
    this.dialect = dialect;
  }

  /**
   * The model version; 404 {@code Model <n> not found}, {@code Model <n> with version <v> not found},
   * or the repository's answer for an unloaded model.
   */
  ResolvedModel resolve(String name, String version) {
    ScriptedModel model = script.model(name).orElseThrow(() -> OipRestError.notFound("Model " + name + " not found"));
    if (repository != null && !repository.isLoaded(name)) {
      throw repository.notLoaded(name);
    }
    if (version.isEmpty()) {
      return new ResolvedModel(model, model.latestVersion());
    }
    if (!model.versions().contains(version)) {
      throw OipRestError.notFound("Model " + name + " with version " + version + " not found");
    }
    return new ResolvedModel(model, version);
  }

  /** The model ready document; 404 when unknown, 503 {@code Model <n> is not ready} when loaded but not ready. */
  ObjectNode ready(String name, String version) {
    ResolvedModel target = resolve(name, version);
    if (!target.model().isReady(target.version())) {
      throw new OipRestError(503, "Model " + name + (version.isEmpty() ? "" : " with version " + version) + " is not ready");
    }
    ObjectNode doc = OipRestJson.object();
    doc.put("name", target.name());
    doc.put("ready", true);
    return doc;
  }

  /**
   * Model metadata: name, every version, the emulator's platform, the resolved version's tensors
   * ({@code null} versions and platform in the {@link OipRestDialect#explicitNulls} dialect, as KServe
   * answers for a model without a version).
   */
  ObjectNode metadata(String name, String version) {
    ResolvedModel target = resolve(name, version);
    ModelMetadata metadata = target.model().metadata(target.version());
    ObjectNode doc = OipRestJson.object();
    doc.put("name", target.name());
    if (dialect.explicitNulls()) {
      doc.putNull("versions");
      doc.putNull("platform");
    } else {
      ArrayNode versions = doc.putArray("versions");
      target.model().versions().forEach(versions::add);
      doc.put("platform", OipRestFrontend.PLATFORM);
    }
    tensors(doc.putArray("inputs"), metadata.inputs());
    tensors(doc.putArray("outputs"), metadata.outputs());
    return doc;
  }

  private static void tensors(ArrayNode into, List<TensorSpec> specs) {
    for (TensorSpec spec : specs) {
      ObjectNode t = into.addObject();
      t.put("name", spec.name());
      t.put("datatype", spec.dtype().wireName());
      ArrayNode shape = t.putArray("shape");
      for (long d : spec.shape()) {
        shape.add(d);
      }
    }
  }
}
