package io.inferlink.emulator;

import java.util.Objects;

/**
 * One class of a classification result: its label and score, as TF's {@code tensorflow.serving.Class}
 * has. Immutable and thread-safe.
 *
 * @param label the class label (may be empty)
 * @param score the score
 */
public record ClassScore(String label, float score) {
  /**
   * Checks that the label is there.
   *
   * @param label the class label (may be empty, not null)
   * @param score the class's score, as the model computed it (higher means more likely)
   * @throws NullPointerException when the label is null
   */
  public ClassScore {
    Objects.requireNonNull(label, "label");
  }
}
