package io.inferlink.emulator.tfserving;

import io.inferlink.DataType;
import io.inferlink.ModelMetadata;
import io.inferlink.TensorSpec;
import io.inferlink.emulator.KitContract;
import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.emulator.ScriptedModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ModelScript} as TF Serving sees it: numeric versions only, the latest <em>ready</em>
 * version for a call without one, TF's messages for what is missing (PROTOCOLS.md §1.9), and each
 * model's metadata as its one {@code serving_default} signature. Immutable and thread-safe.
 */
final class TfsModels {
  /** The only signature a scripted model has. */
  static final String SIGNATURE = KitContract.DEFAULT_SIGNATURE;

  private final ModelScript script;

  TfsModels(ModelScript script) {
    this.script = script;
  }

  /**
   * The model version a run (predict, classify, regress, metadata) uses, as TF's ServerCore finds it.
   *
   * @param version a decimal version from the path, or {@code null}
   * @param label a label from the path, or {@code null}
   */
  ResolvedModel resolve(String name, String version, String label) {
    Optional<ScriptedModel> model = script.model(name);
    if (label != null) {
      String labelled = model.map(m -> m.labels().get(label)).orElse(null);
      if (labelled == null || versionNumber(labelled) < 0) {
        throw TfsError.invalid("Unrecognized servable version label: " + label);
      }
      return specific(model.get(), name, versionNumber(labelled));
    }
    if (version != null) {
      long wanted = parseVersion(version);
      if (model.isEmpty()) {
        throw specificNotFound(name, wanted);
      }
      return specific(model.get(), name, wanted);
    }
    ScriptedModel m = model.orElseThrow(() -> TfsError.notFound("Servable not found for request: Latest(" + name + ")"));
    String latest = null;
    for (String v : m.versions()) {
      // A version that is still loading is not served, so "latest" is the highest ready one.
      if (versionNumber(v) >= 0 && m.isReady(v) && (latest == null || versionNumber(v) > versionNumber(latest))) {
        latest = v;
      }
    }
    if (latest == null) {
      throw TfsError.notFound("Servable not found for request: Latest(" + name + ")");
    }
    return new ResolvedModel(m, latest);
  }

  /** The model for a status request (which never resolves labels). */
  ScriptedModel forStatus(String name) {
    return script.model(name).orElseThrow(() -> TfsError.notFound("Could not find any versions of model " + name));
  }

  /** The model's numeric versions, highest first, as TF's servable state monitor lists them. */
  static List<String> numericVersionsDescending(ScriptedModel model) {
    List<String> versions = new ArrayList<>();
    for (String v : model.versions()) {
      if (versionNumber(v) >= 0) {
        versions.add(v);
      }
    }
    versions.sort((a, b) -> Long.compare(versionNumber(b), versionNumber(a)));
    return versions;
  }

  /** The signature's inputs, name → dtype, in metadata order. */
  static Map<String, DataType> inputs(ModelMetadata metadata) {
    Map<String, DataType> inputs = new LinkedHashMap<>();
    for (TensorSpec spec : metadata.inputs()) {
      inputs.put(spec.name(), spec.dtype());
    }
    return inputs;
  }

  /** A path version as TF parses it (digits that must fit an int64). */
  static long parseVersion(String version) {
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      throw TfsError.invalid("Failed to convert version: " + version + " to numeric.");
    }
  }

  /** A script version as a number, or -1 when it is not a plain decimal int64 (TF cannot name it). */
  static long versionNumber(String version) {
    if (!version.matches("\\d{1,19}")) {
      return -1;
    }
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static ResolvedModel specific(ScriptedModel model, String name, long wanted) {
    for (String v : model.versions()) {
      if (versionNumber(v) == wanted && model.isReady(v)) {
        return new ResolvedModel(model, v);
      }
    }
    throw specificNotFound(name, wanted);
  }

  private static TfsError specificNotFound(String name, long version) {
    return TfsError.notFound("Servable not found for request: Specific(" + name + ", " + version + ")");
  }
}
