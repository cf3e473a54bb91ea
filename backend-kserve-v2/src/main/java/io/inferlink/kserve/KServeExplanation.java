package io.inferlink.kserve;

import io.inferlink.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a KServe V1 {@code :explain} call. Explainers define their own documents (KServe
 * only suggests {@code {"predictions": [...], "explanations": [...]}}), so the whole answer is kept
 * as JSON text, each top-level field can be read as JSON text, and the predictions are also given as
 * tensors when they have the form predict answers have. No JSON library type is exposed, so callers
 * parse the text with whatever they use. Immutable and thread-safe.
 */
public final class KServeExplanation {
  private final String json;
  private final Map<String, String> fields;
  private final Map<String, Tensor> predictions;

  /**
   * An explanation from its parts (also for tests).
   *
   * @param json the whole answer
   * @param fields each top-level field of the answer as compact JSON text, in answer order
   * @param predictions the predictions as tensors, by output name; empty when there are none in that form
   */
  public KServeExplanation(String json, Map<String, String> fields, Map<String, Tensor> predictions) {
    this.json = Objects.requireNonNull(json, "json");
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    this.predictions = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(predictions, "predictions")));
  }

  /**
   * The whole answer as the server sent it.
   *
   * @return the answer's body, decoded as UTF-8
   */
  public String json() {
    return json;
  }

  /**
   * The top-level fields of the answer, in answer order.
   *
   * @return each field's name mapped to its value as compact JSON text
   */
  public Map<String, String> fields() {
    return fields;
  }

  /**
   * One top-level field, e.g. {@code field("explanations")}.
   *
   * @param name the field's name in the answer
   * @return the field's value as compact JSON text, or empty when the answer has no such field
   */
  public Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /**
   * The {@code predictions} as tensors, read by the same rules as predict answers ({@code predictions}
   * for plain rows, one tensor per key for object rows). Empty when the answer has no predictions, or
   * predictions that are not tensors (the text is still in {@link #field field("predictions")}).
   *
   * @return the predictions by output name, in answer order
   */
  public Map<String, Tensor> predictions() {
    return predictions;
  }

  @Override
  public String toString() {
    return "KServeExplanation{fields=" + fields.keySet() + ", predictions=" + predictions.values() + "}";
  }
}
