package io.inferlink.tfserving;

import java.util.Objects;

/**
 * One class and its score, as TensorFlow Serving's classify returns them (the label may be empty for
 * models that return scores only). Immutable and thread-safe.
 *
 * @param label the class label, possibly empty
 * @param score the score
 */
public record Classification(String label, float score) {
  /**
   * Null labels become empty.
   *
   * @param label the class label, or {@code null} for none
   * @param score the score
   */
  public Classification {
    label = Objects.requireNonNullElse(label, "");
  }
}
