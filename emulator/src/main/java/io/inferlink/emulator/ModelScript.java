package io.inferlink.emulator;

import io.inferlink.ModelMetadata;
import io.inferlink.ModelRef;
import io.inferlink.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The neutral, protocol-free definition of the models a server hosts: the built-ins of
 * {@link io.inferlink.emulator.KitContract} and any a test adds. Frontends resolve references and run
 * calls here, so every protocol answers the same way. Immutable and thread-safe (its models must be
 * thread-safe too).
 */
public final class ModelScript {
  private final Map<String, ScriptedModel> models;

  private ModelScript(Map<String, ScriptedModel> models) {
    this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
  }

  /**
   * The standard models: identity, add_one, classifier, fail, sleep and versioned.
   *
   * @return a new script with the built-in models of {@link KitContract}
   */
  public static ModelScript builtins() {
    return builder().addBuiltins().build();
  }

  /**
   * Starts an empty script.
   *
   * @return a new builder without models
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The models, in the order they were added.
   *
   * @return an unmodifiable list of the models
   */
  public List<ScriptedModel> models() {
    return List.copyOf(models.values());
  }

  /**
   * The model of this name, if any.
   *
   * @param name the model's name
   * @return the model, or empty when the script has none of that name
   */
  public Optional<ScriptedModel> model(String name) {
    return Optional.ofNullable(models.get(name));
  }

  /**
   * Resolves a reference as a server does: the given version, or the version a label points at, or
   * the latest version when neither is given.
   *
   * @param version a version, or {@code null}
   * @param label a label, or {@code null}
   * @param name the model's name
   * @return the model and the version that answers
   * @throws ScriptedFailure NOT_FOUND for an unknown model, version or label; INVALID_ARGUMENT when
   *     both a version and a label are given
   */
  public ResolvedModel resolve(String name, String version, String label) {
    ScriptedModel model = models.get(name);
    if (model == null) {
      throw ScriptedFailure.notFound("model '" + name + "' not found");
    }
    if (version != null && label != null) {
      throw ScriptedFailure.invalidArgument(
          "model '" + name + "': give a version or a label, not both (version " + version + ", label " + label + ")");
    }
    if (label != null) {
      String labelled = model.labels().get(label);
      if (labelled == null) {
        throw ScriptedFailure.notFound("model '" + name + "' has no label '" + label + "'");
      }
      return new ResolvedModel(model, labelled);
    }
    if (version != null) {
      if (!model.versions().contains(version)) {
        throw ScriptedFailure.notFound("model '" + name + "' has no version " + version);
      }
      return new ResolvedModel(model, version);
    }
    return new ResolvedModel(model, model.latestVersion());
  }

  /**
   * Resolves a client-side reference; see {@link #resolve(String, String, String)}.
   *
   * @param ref the client's model reference: name, and optionally a version or a label
   * @return the model and the version that answers
   */
  public ResolvedModel resolve(ModelRef ref) {
    return resolve(ref.name(), ref.version(), ref.label());
  }

  /**
   * The metadata of the model version a reference resolves to.
   *
   * @param name the model's name
   * @param version a version, or {@code null}
   * @param label a label, or {@code null}
   * @return the inputs and outputs of the resolved version
   * @throws ScriptedFailure as {@link #resolve(String, String, String)} does
   */
  public ModelMetadata metadata(String name, String version, String label) {
    ResolvedModel resolved = resolve(name, version, label);
    return resolved.model().metadata(resolved.version());
  }

  /**
   * Whether the model version a reference resolves to is ready; false when it does not resolve.
   *
   * @param name the model's name
   * @param version a version, or {@code null}
   * @param label a label, or {@code null}
   * @return true when the reference resolves and that version is ready
   */
  public boolean isReady(String name, String version, String label) {
    try {
      ResolvedModel resolved = resolve(name, version, label);
      return resolved.model().isReady(resolved.version());
    } catch (ScriptedFailure e) {
      return false;
    }
  }

  /**
   * Runs a call: the model computes all its outputs, then only the requested ones are kept (in the
   * model's order).
   *
   * @param call the call, resolved to a model of this script
   * @return the requested outputs, or all of them when none were requested
   * @throws ScriptedFailure the model's failure; INVALID_ARGUMENT naming a requested output the model
   *     does not produce; CANCELLED when the call was cancelled
   */
  public List<Tensor> infer(ModelCall call) {
    call.checkNotCancelled();
    List<Tensor> all = call.target().model().infer(call);
    call.checkNotCancelled();
    if (call.requestedOutputs().isEmpty()) {
      return List.copyOf(all);
    }
    List<String> produced = new ArrayList<>();
    all.forEach(t -> produced.add(t.name()));
    for (String wanted : call.requestedOutputs()) {
      if (!produced.contains(wanted)) {
        throw ScriptedFailure.invalidArgument("model '" + call.modelName() + "' has no output '" + wanted
            + "'; its outputs for this call are " + produced);
      }
    }
    List<Tensor> kept = new ArrayList<>();
    for (Tensor t : all) {
      if (call.requestedOutputs().contains(t.name())) {
        kept.add(t);
      }
    }
    return List.copyOf(kept);
  }

  /** Collects models; not thread-safe. */
  public static final class Builder {
    private final Map<String, ScriptedModel> models = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds the built-in models of {@link io.inferlink.emulator.KitContract}.
     *
     * @return this builder
     */
    public Builder addBuiltins() {
      BuiltinModels.all().forEach(this::add);
      return this;
    }

    /**
     * Adds a model; a second model of the same name is an error.
     *
     * @param model the model to host; its name must be new to this script
     * @return this builder
     */
    public Builder add(ScriptedModel model) {
      Objects.requireNonNull(model, "model");
      if (model.versions().isEmpty()) {
        throw new IllegalArgumentException("model '" + model.name() + "' has no version");
      }
      for (Map.Entry<String, String> label : model.labels().entrySet()) {
        if (!model.versions().contains(label.getValue())) {
          throw new IllegalArgumentException("model '" + model.name() + "': label '" + label.getKey()
              + "' points at version " + label.getValue() + ", which the model does not have");
        }
      }
      if (models.putIfAbsent(model.name(), model) != null) {
        throw new IllegalArgumentException("model '" + model.name() + "' was added twice");
      }
      return this;
    }

    /**
     * Builds the script.
     *
     * @return a new immutable script with the models added so far
     */
    public ModelScript build() {
      return new ModelScript(models);
    }
  }
}
