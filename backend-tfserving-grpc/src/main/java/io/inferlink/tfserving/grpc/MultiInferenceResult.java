package io.inferlink.tfserving.grpc;

import io.inferlink.tfserving.Classification;
import java.util.List;

/**
 * The result of one multi-inference task: classifications (per example, its classes) or regression
 * values (one per example), with the model that answered. Immutable and thread-safe.
 *
 * @param modelName the model that answered
 * @param modelVersion the version that answered, or {@code null}
 * @param method which of the two lists is filled
 * @param classifications per example, its classes (empty for a regression)
 * @param regressions one value per example (empty for a classification)
 */
public record MultiInferenceResult(String modelName, String modelVersion, MultiInferenceTask.Method method,
    List<List<Classification>> classifications, List<Float> regressions) {
  /**
   * Copies the lists.
   *
   * @param modelName the model that answered
   * @param modelVersion the version that answered, or {@code null}
   * @param method which of the two lists is filled
   * @param classifications per example, its classes (empty for a regression)
   * @param regressions one value per example (empty for a classification)
   */
  public MultiInferenceResult {
    classifications = List.copyOf(classifications);
    regressions = List.copyOf(regressions);
  }
}
