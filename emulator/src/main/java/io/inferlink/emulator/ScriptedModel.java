package io.inferlink.emulator;

import io.inferlink.ModelMetadata;
import io.inferlink.Tensor;
import io.inferlink.TensorSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One model of a {@link ModelScript}: its versions and labels, its metadata and what it computes.
 * Implementations must be thread-safe, since frontends call them from many threads at once.
 */
public interface ScriptedModel {

  /**
   * The model name.
   *
   * @return the name clients address the model by
   */
  String name();

  /**
   * The versions, oldest first; never empty. One version, "1", unless overridden.
   *
   * @return the version strings, oldest first; not to be changed by the caller
   */
  default List<String> versions() {
    return List.of("1");
  }

  /**
   * Version labels and the version each points at; none unless overridden.
   *
   * @return a map from label to version, empty when the model has no labels; not to be changed by the caller
   */
  default Map<String, String> labels() {
    return Map.of();
  }

  /**
   * The version used when a call names neither version nor label: the highest number when every
   * version is numeric, else the last one listed.
   *
   * @return the version that answers unversioned calls
   */
  default String latestVersion() {
    List<String> versions = versions();
    try {
      return versions.stream().max((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))).orElseThrow();
    } catch (NumberFormatException e) {
      return versions.get(versions.size() - 1);
    }
  }

  /**
   * The metadata of one (existing) version.
   *
   * @param version one of {@link #versions()}
   * @return the model's inputs and outputs at that version
   */
  ModelMetadata metadata(String version);

  /**
   * Whether a version is loaded and ready; true unless overridden.
   *
   * @param version one of {@link #versions()}
   * @return true when that version can answer calls
   */
  default boolean isReady(String version) {
    return true;
  }

  /**
   * Runs the model on a call's inputs and returns all its outputs (the script applies the requested
   * outputs afterwards). Fails with {@link ScriptedFailure}; long-running models wait through
   * {@link ModelCall#sleepUnlessCancelled} so that cancellation reaches them.
   *
   * @param call the call, with the resolved version, inputs, headers and cancellation
   * @return the outputs, one tensor per output the model has
   */
  List<Tensor> infer(ModelCall call);

  /**
   * Whether the model answers {@link #classify} (TF Serving's Classify API); false unless
   * overridden. Frontends refuse classification of other models in their protocol's words.
   *
   * @return true when the model answers classification requests
   */
  default boolean classifies() {
    return false;
  }

  /**
   * Classifies examples: one list of classes per example, in example order. {@code call} carries the
   * resolved version, headers and cancellation (its inputs are empty). Fails with
   * {@link ScriptedFailure}; only called when {@link #classifies()} is true.
   *
   * @param call the call, with the resolved version, headers and cancellation
   * @param examples the examples to classify, in request order
   * @return one list of class scores per example, in example order
   */
  default List<List<ClassScore>> classify(ModelCall call, List<Example> examples) {
    throw ScriptedFailure.invalidArgument("model '" + name() + "' does not classify examples");
  }

  /**
   * Whether the model answers {@link #regress} (TF Serving's Regress API); false unless overridden.
   *
   * @return true when the model answers regression requests
   */
  default boolean regresses() {
    return false;
  }

  /**
   * Regresses examples: one value per example, in example order; otherwise like {@link #classify}.
   * Only called when {@link #regresses()} is true.
   *
   * @param call the call, with the resolved version, headers and cancellation
   * @param examples the examples to regress, in request order
   * @return one value per example, in example order
   */
  default float[] regress(ModelCall call, List<Example> examples) {
    throw ScriptedFailure.invalidArgument("model '" + name() + "' does not regress examples");
  }

  /**
   * A single-version ("1") model described by its input and output specs and computed by a
   * function, for tests that need a model of their own.
   *
   * @param name the model's name
   * @param inputs the specs of the inputs the model takes
   * @param outputs the specs of the outputs it returns
   * @param compute computes the outputs from a call; may throw {@link ScriptedFailure}
   * @return a new model with version "1" only
   */
  static ScriptedModel of(String name, List<TensorSpec> inputs, List<TensorSpec> outputs,
      Function<ModelCall, List<Tensor>> compute) {
    return new FunctionModel(name, inputs, outputs, compute);
  }
}
