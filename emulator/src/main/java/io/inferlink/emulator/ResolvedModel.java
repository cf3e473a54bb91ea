package io.inferlink.emulator;

import java.util.Objects;

/**
 * A model of a {@link ModelScript} and the version a call's reference resolved to. Immutable and
 * thread-safe.
 *
 * @param model the model
 * @param version the resolved version, one of {@code model.versions()}
 */
public record ResolvedModel(ScriptedModel model, String version) {
  /**
   * Checks that the version is one of the model's.
   *
   * @param model the model the call addresses; not null
   * @param version the resolved version, one of {@code model.versions()}
   * @throws IllegalArgumentException when the version is not one of the model's
   */
  public ResolvedModel {
    Objects.requireNonNull(model, "model");
    if (!model.versions().contains(version)) {
      throw new IllegalArgumentException("model '" + model.name() + "' has no version " + version);
    }
  }

  /**
   * The model name.
   *
   * @return the model's name
   */
  public String name() {
    return model.name();
  }
}
