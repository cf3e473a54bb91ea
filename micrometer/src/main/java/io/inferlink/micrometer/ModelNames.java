package io.inferlink.micrometer;

import io.inferlink.ModelRef;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code model} and {@code model.version} tag values, with a cap on how many distinct model names
 * become tags: a client that names models from user input would otherwise grow one time series per
 * name without bound. The first {@code maxModels} names seen keep their own tag; later ones share
 * {@value #OTHER}. Thread-safe.
 */
final class ModelNames {
  /** The tag value of calls that concern no model (server liveness, readiness, metadata). */
  static final String NONE = "none";
  /** The tag value shared by model names past the cap. */
  static final String OTHER = "other";

  private final int maxModels;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  ModelNames(int maxModels) {
    this.maxModels = maxModels;
  }

  /** The model tag of a call about {@code model} ({@code null} for a server-level call). */
  String name(ModelRef model) {
    if (model == null) {
      return NONE;
    }
    String name = model.name();
    if (known.contains(name)) {
      return name;
    }
    synchronized (known) {
      if (known.size() < maxModels) {
        known.add(name);
        return name;
      }
    }
    return OTHER;
  }

  /** The version tag: the version, else the label, else {@value #NONE}. */
  static String version(ModelRef model) {
    if (model == null) {
      return NONE;
    }
    if (model.hasVersion()) {
      return model.version();
    }
    return model.hasLabel() ? model.label() : NONE;
  }
}
