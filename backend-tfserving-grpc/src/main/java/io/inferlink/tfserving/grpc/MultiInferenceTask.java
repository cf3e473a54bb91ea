package io.inferlink.tfserving.grpc;

import io.inferlink.ModelRef;
import java.util.Objects;

/**
 * One task of a multi-inference call: a model, its signature and whether to classify or regress.
 * Immutable and thread-safe.
 *
 * @param model the model
 * @param signatureName the signature, or {@code null} for {@code serving_default}
 * @param method classify or regress
 */
public record MultiInferenceTask(ModelRef model, String signatureName, Method method) {
  /** What a task does. */
  public enum Method {
    /** {@code tensorflow/serving/classify}. */
    CLASSIFY("tensorflow/serving/classify"),
    /** {@code tensorflow/serving/regress}. */
    REGRESS("tensorflow/serving/regress");

    private final String methodName;

    Method(String methodName) {
      this.methodName = methodName;
    }

    /**
     * TensorFlow's name for the method, as the request carries it.
     *
     * @return {@code tensorflow/serving/classify} or {@code tensorflow/serving/regress}
     */
    public String methodName() {
      return methodName;
    }
  }

  /**
   * Checks that the model and the method are given.
   *
   * @param model the model; required
   * @param signatureName the signature, or {@code null} for {@code serving_default}
   * @param method classify or regress; required
   */
  public MultiInferenceTask {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(method, "method");
  }
}
