package io.inferlink.emulator.oip;

import io.inferlink.ModelMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.emulator.ScriptedModel;
import io.inferlink.protos.internal.inference.ModelMetadataResponse.TensorMetadata;
import io.inferlink.protos.internal.inference.ModelMetadataResponse;

/**
 * The script as the Open Inference Protocol names it: a model name and a version string, empty
 * meaning the latest (no labels); a model the repository unloaded is not ready and not found.
 * Thread-safe.
 */
final class OipModels {
  private final ModelScript script;
  private final OipModelRepository repository; // null: every model is loaded

  OipModels(ModelScript script, OipModelRepository repository) {
    this.script = script;
    this.repository = repository;
  }

  /**
   * The model version; NOT_FOUND {@code Model <n> not found}, {@code Model <n> with version <v> not
   * found}, or the repository's answer for an unloaded model.
   */
  ResolvedModel resolve(String name, String version) {
    ScriptedModel model = script.model(name).orElseThrow(() -> OipStatus.notFound("Model " + name + " not found"));
    if (repository != null && !repository.isLoaded(name)) {
      throw repository.notLoaded(name);
    }
    if (version.isEmpty()) {
      return new ResolvedModel(model, model.latestVersion());
    }
    if (!model.versions().contains(version)) {
      throw OipStatus.notFound("Model " + name + " with version " + version + " not found");
    }
    return new ResolvedModel(model, version);
  }

  /** Whether the version exists and is ready; an unknown model or version is simply not ready. */
  boolean isReady(String name, String version) {
    ScriptedModel model = script.model(name).orElse(null);
    if (model == null || (repository != null && !repository.isLoaded(name))) {
      return false;
    }
    String v = version.isEmpty() ? model.latestVersion() : version;
    return model.versions().contains(v) && model.isReady(v);
  }

  /** ModelMetadata: the model's name and versions, the emulator's platform, the resolved version's tensors. */
  ModelMetadataResponse metadata(String name, String version) {
    ResolvedModel target = resolve(name, version);
    ModelMetadata metadata = target.model().metadata(target.version());
    ModelMetadataResponse.Builder response = ModelMetadataResponse.newBuilder()
        .setName(target.name())
        .addAllVersions(target.model().versions())
        .setPlatform(OipGrpcFrontend.PLATFORM);
    metadata.inputs().forEach(s -> response.addInputs(tensor(s)));
    metadata.outputs().forEach(s -> response.addOutputs(tensor(s)));
    return response.build();
  }

  private static TensorMetadata tensor(TensorSpec spec) {
    TensorMetadata.Builder t = TensorMetadata.newBuilder().setName(spec.name()).setDatatype(spec.dtype().wireName());
    for (long d : spec.shape()) {
      t.addShape(d);
    }
    return t.build();
  }
}
