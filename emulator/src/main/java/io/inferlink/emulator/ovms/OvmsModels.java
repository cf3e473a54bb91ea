package io.inferlink.emulator.ovms;

import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ResolvedModel;
import io.inferlink.emulator.ScriptedModel;

/**
 * The script as OVMS resolves a request, before any API-specific frontend sees it: version {@code 0}
 * or none means the model's default (latest) version; labels are ignored ("model_version_label
 * currently is not in use"), so a labelled request also reaches the latest version; a version that
 * is not ready is "not loaded yet". Thread-safe.
 */
final class OvmsModels {
  private final ModelScript script;

  OvmsModels(ModelScript script) {
    this.script = script;
  }

  ModelScript script() {
    return script;
  }

  /** Whether a version string asks for the default version: none, empty or {@code 0}. */
  static boolean isDefault(String version) {
    return version == null || version.isEmpty() || version.equals("0");
  }

  /**
   * The model version a request reaches.
   *
   * @param version the version asked for; {@link #isDefault} ones mean the latest
   * @param mustBeLoaded whether a version still loading is an error (infer, metadata, ready)
   * @throws OvmsError with OVMS's status and message for a missing name or version, or a version not
   *     loaded yet
   */
  ResolvedModel resolve(String name, String version, boolean mustBeLoaded) {
    ScriptedModel model = script.model(name).orElseThrow(OvmsError::nameMissing);
    String resolved = isDefault(version) ? model.latestVersion() : canonical(version);
    if (resolved == null || !model.versions().contains(resolved)) {
      throw OvmsError.versionMissing();
    }
    if (mustBeLoaded && !model.isReady(resolved)) {
      throw OvmsError.notLoadedYet();
    }
    return new ResolvedModel(model, resolved);
  }

  /** The decimal form of a version, or null when it is not an int64 (OVMS: version missing). */
  private static String canonical(String version) {
    try {
      return Long.toString(Long.parseLong(version));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
