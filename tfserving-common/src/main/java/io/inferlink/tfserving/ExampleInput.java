package io.inferlink.tfserving;

import java.util.List;
import java.util.Objects;

/**
 * The input of classify and regress: examples, and optionally a context example whose features
 * apply to every example (TensorFlow's {@code ExampleListWithContext}). Immutable and thread-safe.
 *
 * @param examples the examples, at least one
 * @param context shared features, or {@code null}
 */
public record ExampleInput(List<Example> examples, Example context) {
  /**
   * Validates and copies.
   *
   * @param examples the examples, at least one
   * @param context shared features, or {@code null}
   * @throws IllegalArgumentException when there is no example
   */
  public ExampleInput {
    examples = List.copyOf(Objects.requireNonNull(examples, "examples"));
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("classify and regress need at least one example");
    }
  }

  /**
   * Examples without a context.
   *
   * @param examples the examples, at least one
   * @return the input
   */
  public static ExampleInput of(Example... examples) {
    return new ExampleInput(List.of(examples), null);
  }

  /**
   * Examples without a context.
   *
   * @param examples the examples, at least one
   * @return the input
   */
  public static ExampleInput of(List<Example> examples) {
    return new ExampleInput(examples, null);
  }

  /**
   * A copy with a context example.
   *
   * @param context the features every example shares
   * @return a new input with the same examples
   */
  public ExampleInput withContext(Example context) {
    return new ExampleInput(examples, Objects.requireNonNull(context, "context"));
  }
}
