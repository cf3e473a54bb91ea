package io.inferlink.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One input of a classify or regress call, protocol-free: named {@link Feature}s, in the order the
 * request gave them. Frontends merge a request's context features into each example (the example's
 * own feature wins on a name clash, as TF's merge does). Immutable and thread-safe.
 *
 * @param features the features by name
 */
public record Example(Map<String, Feature> features) {
  /**
   * Copies the map, keeping its order.
   *
   * @param features the features by name, in request order; copied
   */
  public Example {
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
  }

  /**
   * The feature of this name, if any.
   *
   * @param name the feature's name
   * @return the feature, or empty when the example has none of that name
   */
  public Optional<Feature> feature(String name) {
    return Optional.ofNullable(features.get(name));
  }

  /**
   * The float values of feature {@code name}, which must have exactly {@code count} of them.
   *
   * @param model the model's name, for the failure message
   * @param name the feature's name
   * @param count how many values the feature must have
   * @return a new array of the feature's values, {@code count} long
   * @throws ScriptedFailure INVALID_ARGUMENT naming the model, the feature and what is wrong
   */
  public float[] floats(String model, String name, int count) {
    Feature f = features.get(name);
    if (!(f instanceof Feature.Floats) || f.size() != count) {
      String got = f == null ? "no such feature" : f.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
          + " with " + f.size() + " value(s)";
      throw ScriptedFailure.invalidArgument(model + ": feature '" + name + "' must hold " + count
          + " float value(s), got " + got);
    }
    return ((Feature.Floats) f).values();
  }
}
